package org.supertickets.ticket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.RunFinished;

/** A ticket's body moves between classification and segmentation unchanged; only the head is new. */
class TaskTransferTest {

    private static final DataConfig CANVASES = new DataConfig("fashion-mnist-canvas", null, null, 32, 32, null, 0.1,
            96, 24, false);

    @TempDir
    Path dir;

    /** The tiny supernet shrunk in block 1 and with pruned entries in the stem and an expand conv. */
    private static Ticket ticket(SearchSpaceConfig config) {
        NetworkState supernet = NetworkInitializer.initialize(Architecture.supernet(config), 99);
        NetworkState shrunk = new ChannelSurgery(supernet, Map.of(1, Map.of(3, new int[] {2, 5, 7}, 5,
                new int[0]))).apply(false);
        NetworkState pruned = shrunk.withTensors(Map.of(
                "stem.conv.mask", withZeroAt(shrunk.tensor("stem.conv.mask"), 0, 3),
                "blocks.0.expand.mask", withZeroAt(shrunk.tensor("blocks.0.expand.mask"), 1, 4)));
        TicketProvenance p = new TicketProvenance(config, "h", config.seed(), "src", 1, 1, "now", "e", "cpu", "0",
                "end");
        return new Ticket(TicketIo.manifest(pruned, 0.5, 0.5, 1, 1, p), pruned);
    }

    private static HostTensor withZeroAt(HostTensor mask, int... indices) {
        float[] m = mask.data().clone();
        for (int i : indices) {
            m[i] = 0;
        }
        return new HostTensor(m, mask.shape());
    }

    private static SearchSpaceConfig segmentationConfig() {
        SearchSpaceConfig c = TestConfigs.tinyFashionMnist().withTask(Task.SEGMENTATION);
        return c.withData(new DataConfig("fashion-mnist-canvas", null, 1, 32, 32, 11, 0.1, 96, 24, false));
    }

    private static void assertBodyKeptBitForBit(NetworkState from, NetworkState to) {
        int compared = 0;
        for (var entry : from.tensors().entrySet()) {
            String name = entry.getKey();
            if (name.startsWith("classifier") || name.startsWith("decoder")) {
                continue;
            }
            HostTensor moved = to.tensors().get(name);
            assertNotNull(moved, name + " is part of the body and must move with it");
            assertArrayEquals(entry.getValue().shape(), moved.shape(), name);
            assertArrayEquals(entry.getValue().data(), moved.data(), name);
            compared++;
        }
        assertTrue(compared > 20, "compared " + compared + " body tensors");
        assertEquals(from.architecture().blocks().stream().map(b -> b.branches()).toList(),
                to.architecture().blocks().stream().map(b -> b.branches()).toList(), "the searched architecture");
        assertEquals(from.channelOrigins().keySet(), to.channelOrigins().keySet());
    }

    @Test
    void aClassificationTicketMovesToSegmentationWithItsBodyBitForBitAndANewDecoder() throws Exception {
        Ticket t = ticket(TestConfigs.tinyFashionMnist());
        TicketRunPlan plan = TicketRunPlan.transfer(t, TicketStart.Weights.TICKET, CANVASES, 1, null);

        assertEquals(Task.SEGMENTATION, plan.config().taskKind());
        assertFalse(plan.config().search().enabled(), "no search after transfer");
        assertFalse(plan.config().pruning().enabled(), "no pruning after transfer");
        Architecture a = plan.start().architecture();
        assertTrue(a.segments());
        assertEquals(32, a.inHeight());
        assertEquals(11, a.classes());
        assertEquals(16, a.blocks().get(0).inHeight(), "feature-map sizes follow the new input size");
        assertBodyKeptBitForBit(t.network(), plan.start());
        float[] decoderMask = plan.start().tensor("decoder.skip.mask").data();
        assertTrue(decoderMask.length > 0);
        for (float m : decoderMask) {
            assertEquals(1f, m, "a new decoder starts dense");
        }

        LocalRun run = LocalRun.start(plan.config(), dir, "cpu", null, plan.start());
        RunFinished f = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, f.outcome(), f.message());
        assertNotNull(f.testSegmentation(), "a segmentation run reports mIoU");
        Ticket after = TicketIo.read(run.folder().ticket());
        assertTrue(after.network().architecture().segments());
        var machine = after.manifest().provenance().machine();
        assertNotNull(machine, "the ticket says where it was trained");
        assertTrue(machine.cores() > 0 && machine.threads() > 0);
        assertTrue(java.nio.file.Files.readAllLines(run.folder().metrics()).get(0).contains("\"machine\""),
                "run_started records the machine too");
        assertEquals(t.network().architecture().blocks().stream().map(b -> b.branches()).toList(),
                after.network().architecture().blocks().stream().map(b -> b.branches()).toList(),
                "architecture frozen");
        assertArrayEquals(t.network().tensor("stem.conv.mask").data(), after.network().tensor("stem.conv.mask").data(),
                "masks frozen while the body trains");
        assertArrayEquals(t.network().tensor("blocks.0.expand.mask").data(),
                after.network().tensor("blocks.0.expand.mask").data());
    }

    @Test
    void aSegmentationTicketMovesToClassificationAndLeavesItsDecoderBehind() {
        Ticket t = ticket(segmentationConfig());
        DataConfig fashion = new DataConfig("fashion-mnist", null, null, null, null, null, 0.1, 600, 100, false);
        TicketRunPlan plan = TicketRunPlan.transfer(t, TicketStart.Weights.TICKET, fashion, 1, null);

        assertEquals(Task.CLASSIFICATION, plan.config().taskKind());
        Architecture a = plan.start().architecture();
        assertFalse(a.segments());
        assertNull(a.task(), "a classification network reads and writes as before tasks existed");
        assertEquals(28, a.inHeight());
        assertEquals(10, a.classes());
        assertBodyKeptBitForBit(t.network(), plan.start());
        assertFalse(plan.start().tensors().keySet().stream().anyMatch(n -> n.startsWith("decoder")));
    }

    @Test
    void theControlsKeepArchitectureAndMasksButNotTheTicketsWeights() {
        Ticket t = ticket(TestConfigs.tinyFashionMnist());
        NetworkState random = TicketRunPlan.transfer(t, TicketStart.Weights.RANDOM, CANVASES, 1, null).start();
        NetworkState rewound = TicketRunPlan.transfer(t, TicketStart.Weights.REWOUND, CANVASES, 1, null).start();
        for (NetworkState control : new NetworkState[] {random, rewound}) {
            assertTrue(control.architecture().segments());
            assertArrayEquals(t.network().tensor("stem.conv.mask").data(), control.tensor("stem.conv.mask").data());
            assertArrayEquals(t.network().tensor("blocks.0.expand.mask").data(),
                    control.tensor("blocks.0.expand.mask").data());
            assertFalse(Arrays.equals(t.network().tensor("blocks.0.expand.weight").data(),
                    control.tensor("blocks.0.expand.weight").data()));
        }
        assertArrayEquals(TicketStart.network(t, TicketStart.Weights.REWOUND, 0).tensor("blocks.1.dw.k3.weight").data(),
                rewound.tensor("blocks.1.dw.k3.weight").data(), "rewound: the supernet's step-0 weights");
        assertFalse(Arrays.equals(random.tensor("blocks.1.dw.k3.weight").data(),
                rewound.tensor("blocks.1.dw.k3.weight").data()));
    }

    @Test
    void aSegmentationTicketRetrainsOnSegmentationFromItsRewoundWeights() {
        Ticket t = ticket(segmentationConfig());
        TicketRunPlan plan = TicketRunPlan.retrain(t, TicketStart.Weights.REWOUND, 1, null, 7);
        assertEquals(Task.SEGMENTATION, plan.config().taskKind());
        assertTrue(plan.start().architecture().segments());
        assertArrayEquals(t.network().tensor("decoder.skip.mask").data(),
                plan.start().tensor("decoder.skip.mask").data());
        assertFalse(Arrays.equals(t.network().tensor("decoder.skip.weight").data(),
                plan.start().tensor("decoder.skip.weight").data()));
    }

    @Test
    void aDenseRunsTicketTransfersAsTheDenseBodyControlAndIsNamedSo() {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        NetworkState supernet = NetworkInitializer.initialize(Architecture.supernet(config), 99);
        TicketProvenance p = new TicketProvenance(config.frozen(), "h", config.seed(), "src", 1, 1, "now", "e", "cpu",
                "0", "end");
        Architecture a = supernet.architecture();
        Ticket dense = new Ticket(TicketIo.manifest(supernet, 0.5, 0.5, a.macs(), a.params(), p), supernet);
        String name = TicketRunPlan.transfer(dense, TicketStart.Weights.TICKET, CANVASES, 1, null).config().name();
        assertTrue(name.endsWith("-to-fashion-mnist-canvas" + TicketRunPlan.DENSE_BODY_SUFFIX), name);
        String sparse = TicketRunPlan.transfer(ticket(config), TicketStart.Weights.RANDOM, CANVASES, 1, null).config()
                .name();
        assertTrue(sparse.endsWith("-to-fashion-mnist-canvas-random"), sparse);
    }
}
