package org.supertickets.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.ChannelSurgery;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.run.LocalRun;
import org.supertickets.space.Architecture;
import org.supertickets.space.DataConfig;
import org.supertickets.space.Initialization;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;

class TicketRunTest {

    @TempDir
    Path dir;

    /** A hand-made ticket: the tiny Fashion-MNIST supernet shrunk and with one mask entry pruned. */
    private static Ticket ticket() {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        NetworkState supernet = NetworkInitializer.initialize(Architecture.supernet(config), 99);
        NetworkState shrunk = new ChannelSurgery(supernet, Map.of(1, Map.of(3, new int[] {2, 5, 7}, 5,
                new int[0]))).apply(false);
        HostTensor mask = shrunk.tensor("stem.conv.mask");
        float[] m = mask.data().clone();
        m[0] = 0;
        NetworkState pruned = shrunk.withTensors(Map.of("stem.conv.mask", new HostTensor(m, mask.shape())));
        TicketProvenance p = new TicketProvenance(config, "h", config.seed(), "src", 1, 1, "now", "e", "cpu", "0",
                "end");
        return new Ticket(TicketIo.manifest(pruned, 0.5, 0.5, 1, 1, p), pruned);
    }

    @Test
    void rewindingRestoresExactlyTheInitialWeightsOfTheSurvivingChannels() {
        Ticket t = ticket();
        NetworkState rewound = TicketStart.network(t, TicketStart.Weights.REWOUND, 0);
        SearchSpaceConfig config = t.manifest().provenance().config();
        NetworkState init = NetworkInitializer.initialize(Architecture.supernet(config),
                t.manifest().provenance().seed(), Initialization.of(config));
        // Surviving k3 channels 2, 5, 7 of block 1: their depthwise filters at step 0.
        float[] all = init.tensor("blocks.1.dw.k3.weight").data();
        float[] kept = rewound.tensor("blocks.1.dw.k3.weight").data();
        for (int i = 0; i < 3; i++) {
            int origin = new int[] {2, 5, 7}[i];
            assertArrayEquals(Arrays.copyOfRange(all, origin * 9, origin * 9 + 9),
                    Arrays.copyOfRange(kept, i * 9, i * 9 + 9));
        }
        assertArrayEquals(init.tensor("stem.conv.weight").data(), rewound.tensor("stem.conv.weight").data());
        assertEquals(t.network().architecture(), rewound.architecture());
        assertArrayEquals(t.network().tensor("stem.conv.mask").data(), rewound.tensor("stem.conv.mask").data(),
                "the ticket's masks are kept");
    }

    @Test
    void randomReinitialisationKeepsArchitectureAndMasksButNotWeights() {
        Ticket t = ticket();
        NetworkState random = TicketStart.network(t, TicketStart.Weights.RANDOM, 12345);
        NetworkState rewound = TicketStart.network(t, TicketStart.Weights.REWOUND, 0);
        assertEquals(t.network().architecture(), random.architecture());
        assertFalse(Arrays.equals(rewound.tensor("stem.conv.weight").data(), random.tensor("stem.conv.weight").data()));
        assertEquals(0f, random.tensor("stem.conv.mask").data()[0]);
    }

    @Test
    void aRewoundTransferKeepsArchitectureAndMasksButStartsFromTheInitialWeights() {
        Ticket t = ticket();
        DataConfig mnist = new DataConfig("mnist", null, null, null, null, null, 0.1, 1500, 300, false);
        TicketRunPlan plan = TicketRunPlan.transfer(t, TicketStart.Weights.REWOUND, mnist, 1, null);
        NetworkState rewound = TicketStart.network(t, TicketStart.Weights.REWOUND, 0);
        assertArrayEquals(rewound.tensor("blocks.0.expand.weight").data(),
                plan.start().tensor("blocks.0.expand.weight").data());
        assertFalse(Arrays.equals(t.network().tensor("blocks.0.expand.weight").data(),
                plan.start().tensor("blocks.0.expand.weight").data()));
        assertEquals(t.network().architecture().blocks(), plan.start().architecture().blocks());
        assertEquals(0f, plan.start().tensor("stem.conv.mask").data()[0], "masks kept");
        assertTrue(plan.config().name().endsWith("-to-mnist-rewound"));
    }

    @Test
    void transferReplacesOnlyTheClassifierAndTrainsFrozen() throws Exception {
        Ticket t = ticket();
        TicketRunPlan plan = TicketRunPlan.transfer(t, new DataConfig("mnist", null, null, null, null, null, 0.1,
                1500, 300, false), 3, null);
        assertFalse(plan.config().search().enabled());
        assertFalse(plan.config().pruning().enabled());
        assertEquals("mnist", plan.config().data().dataset());
        assertArrayEquals(t.network().tensor("blocks.0.expand.weight").data(),
                plan.start().tensor("blocks.0.expand.weight").data());
        assertNotEquals(Arrays.toString(t.network().tensor("classifier.weight").data()),
                Arrays.toString(plan.start().tensor("classifier.weight").data()));

        LocalRun run = LocalRun.start(plan.config(), dir, "cpu", null, plan.start());
        RunFinished f = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
        assertTrue(f.testAccuracy() > 0.3, "transferred ticket learns MNIST: " + f.testAccuracy());
        Ticket after = TicketIo.read(run.folder().ticket());
        assertEquals(t.network().architecture(), after.network().architecture(), "architecture frozen");
        assertEquals(0f, after.network().tensor("stem.conv.mask").data()[0], "masks frozen");
        assertEquals(t.manifest().metrics().sparsity(), after.manifest().metrics().sparsity(), 1e-12);
    }

    @Test
    void pruningATicketOnceWithoutRetrainingEvaluatesItAtTheSparsityAndWithRetrainingKeepsTheMasks()
            throws Exception {
        Ticket t = ticket();
        TicketRunPlan once = TicketRunPlan.pruneOnce(t, "snip", 0.8, 0, null);
        assertEquals("pruned-snip", org.supertickets.run.RunSummary.methodOf(once.config()));
        LocalRun untrained = LocalRun.start(once.config(), dir, "cpu", null, once.start());
        RunFinished f = untrained.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
        assertEquals(0, f.trainingMacs(), 0, "no step trained");
        assertEquals(0.8, f.sparsity(), 0.01);
        Ticket pruned = TicketIo.read(untrained.folder().ticket());
        assertEquals(t.network().architecture(), pruned.network().architecture(), "architecture kept");
        float[] before = t.network().tensor("blocks.1.expand.weight").data();
        float[] after = pruned.network().tensor("blocks.1.expand.weight").data();
        float[] kept = pruned.network().tensor("blocks.1.expand.mask").data();
        for (int i = 0; i < kept.length; i++) {
            assertEquals(kept[i] == 0 ? 0f : before[i], after[i], 0f, "the ticket's weight where it is kept: " + i);
        }

        TicketRunPlan retrained = TicketRunPlan.pruneOnce(t, "magnitude", 0.8, 1, null);
        assertEquals("pruned-magnitude-retrained", org.supertickets.run.RunSummary.methodOf(retrained.config()));
        LocalRun run = LocalRun.start(retrained.config(), dir, "cpu", null, retrained.start());
        RunFinished r = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, r.outcome(), r.message());
        assertTrue(r.trainingMacs() > 0);
        Ticket trained = TicketIo.read(run.folder().ticket());
        assertEquals(0.8, r.sparsity(), 0.01, "masks fixed while it retrains");
        assertNotEquals(Arrays.toString(t.network().tensor("stem.conv.weight").data()),
                Arrays.toString(trained.network().tensor("stem.conv.weight").data()), "weights trained");
    }
}
