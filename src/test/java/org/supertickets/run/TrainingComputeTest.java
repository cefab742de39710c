package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.HostTensor;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.TensorNames;
import org.supertickets.space.Architecture;
import org.supertickets.space.LayerShape;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.train.RunFinished;

/** The training compute a run records equals a count by hand: 3 × alive-weight MACs × images trained. */
class TrainingComputeTest {

    @TempDir
    Path dir;

    @Test
    void aFrozenMaskedRunSpendsThreeTimesItsAliveMacsPerImage() throws Exception {
        SearchSpaceConfig config = TicketRunPlan.frozenConfig(TestConfigs.tinyFashionMnist(), "-compute", 1);
        NetworkState init = NetworkInitializer.initialize(Architecture.supernet(config), 5);
        // Prune every other weight of the stem and the first expand conv by hand.
        Map<String, HostTensor> masks = new java.util.LinkedHashMap<>();
        for (String layer : new String[] {"stem.conv", "blocks.0.expand"}) {
            HostTensor m = init.tensor(TensorNames.mask(layer));
            float[] half = new float[m.size()];
            for (int i = 0; i < half.length; i += 2) {
                half[i] = 1f;
            }
            masks.put(TensorNames.mask(layer), new HostTensor(half, m.shape()));
        }
        NetworkState start = init.withTensors(masks);

        double macsPerImage = 0;
        for (LayerShape layer : start.architecture().layers()) {
            long alive = layer.weightCount();
            HostTensor mask = start.tensors().get(TensorNames.mask(layer.name()));
            if (mask != null) {
                alive = 0;
                for (float v : mask.data()) {
                    alive += v != 0f ? 1 : 0;
                }
            }
            macsPerImage += (double) alive * layer.outHeight() * layer.outWidth();
        }
        LocalRun run = LocalRun.start(config, dir, "cpu", null, start);
        RunFinished finished = run.completion().get();
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());
        double images = (double) run.totalSteps() * config.training().batchSize();
        double expected = 3 * macsPerImage * images;
        assertEquals(expected, finished.trainingMacs(), 1e-9 * expected);
    }
}
