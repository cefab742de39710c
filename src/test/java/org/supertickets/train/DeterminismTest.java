package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.space.SearchSpaceConfig;

class DeterminismTest {

    private static List<String> metrics(SearchSpaceConfig config) {
        List<String> lines = new ArrayList<>();
        TrainingListener listener = e -> {
            if (e instanceof StepMetrics m) {
                lines.add(m.step() + " " + m.trainLoss() + " " + m.trainAccuracy() + " " + m.gradientNorm());
            } else if (e instanceof EvalMetrics m) {
                lines.add(m.step() + " " + m.validationLoss() + " " + m.sparsity() + " " + m.macs() + " "
                        + m.confusionMatrix());
            } else if (e instanceof PruneEvent p) {
                lines.add(p.step() + " " + p.threshold() + " " + p.reactivated() + " " + p.newlyPruned() + " "
                        + p.resetKept() + " " + p.resetPrunedAgain());
            } else if (e instanceof ShrinkEvent s) {
                lines.add(s.step() + " " + s.macsAfter() + " " + s.resetByShrink());
            }
        };
        RunFinished f = new TwoInOneTrainer(config, "h", new SyntheticData(256, 4, 12, 3), Device.cpu(), listener,
                new TrainingControl(), CheckpointStore.NONE).run();
        lines.add(f.outcome() + " " + f.testAccuracy() + " " + f.testLoss() + " " + f.testConfusionMatrix() + " "
                + f.mostConfused());
        return lines;
    }

    @Test
    void sameConfigAndSeedGiveTheSameMetrics() {
        List<String> first = metrics(TestConfigs.tinySynthetic());
        assertEquals(first, metrics(TestConfigs.tinySynthetic()));
        assertNotEquals(first, metrics(TestConfigs.tinySynthetic().withSeed(8)));
    }
}
