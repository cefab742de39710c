package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;
import org.supertickets.prune.LayerPruneStats;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.TrainingConfig;

/** The official recipe's pieces inside a whole (tiny) run. */
class RecipeTrainingTest {

    private static List<TrainingEvent> run(SearchSpaceConfig config, TrainingData data) {
        List<TrainingEvent> events = new ArrayList<>();
        new TwoInOneTrainer(config, "h", data, Device.cpu(), events::add, new TrainingControl(),
                CheckpointStore.NONE).run();
        return events;
    }

    private static List<String> evaluations(List<TrainingEvent> events) {
        List<String> lines = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e instanceof EvalMetrics m) {
                lines.add(m.step() + " " + m.validationLoss() + " " + m.macs() + " " + m.heldOut());
            } else if (e instanceof RunFinished f) {
                lines.add(f.outcome() + " " + f.testAccuracy());
            }
        }
        return lines;
    }

    @Test
    void withoutAValidationSplitTheCurvesAreMeasuredOnTheTestSetAndSaySo() {
        TrainingData noValidation = new ForwardingData(new SyntheticData(128, 4, 12, 3)) {
            @Override
            public int validationSize() {
                return 0;
            }
        };
        List<TrainingEvent> events = run(TestConfigs.tinySynthetic(), noValidation);
        List<EvalMetrics> evals = events.stream().filter(EvalMetrics.class::isInstance).map(EvalMetrics.class::cast)
                .toList();
        assertFalse(evals.isEmpty());
        assertTrue(evals.stream().allMatch(EvalMetrics::onTestSet));
        assertTrue(evals.stream().allMatch(e -> Double.isFinite(e.validationAccuracy())));
        assertTrue(run(TestConfigs.tinySynthetic(), new SyntheticData(128, 4, 12, 3)).stream()
                .filter(EvalMetrics.class::isInstance).map(EvalMetrics.class::cast)
                .noneMatch(EvalMetrics::onTestSet), "with a validation split the curves are the validation set's");
    }

    @Test
    void aLayerDensityFloorHoldsAtEveryPruningEventOfARun() {
        SearchSpaceConfig base = ConfigResolver.resolve(TestConfigs.tinySynthetic());
        double floor = 0.3;
        SearchSpaceConfig floored = base.withPruning(base.pruning().withMinLayerDensity(floor));
        List<PruneEvent> withFloor = pruneEvents(run(floored, new SyntheticData(128, 4, 12, 3)));
        assertFalse(withFloor.isEmpty());
        for (PruneEvent e : withFloor) {
            assertEquals(e.targetRatio(), e.sparsity(), 0.01, "the budget is still met");
            for (LayerPruneStats layer : e.layers()) {
                assertTrue(layer.kept() >= Math.ceil(floor * layer.total() - 1e-9), e.index() + " " + layer);
            }
        }
        assertTrue(pruneEvents(run(base, new SyntheticData(128, 4, 12, 3))).stream()
                .flatMap(e -> e.layers().stream()).anyMatch(l -> l.kept() < floor * l.total()),
                "without the floor some layer falls below it, or this test would prove nothing");
    }

    @Test
    void theLearningRateStartsOverAtTheEventThatReachesTheTarget() {
        SearchSpaceConfig base = ConfigResolver.resolve(TestConfigs.tinySynthetic());
        SearchSpaceConfig restarting = base.withPruning(base.pruning().withLrRestartAtTarget(true));
        List<TrainingEvent> events = run(restarting, new SyntheticData(128, 4, 12, 3));
        long restart = pruneEvents(events).stream()
                .filter(e -> e.targetRatio() >= base.pruning().targetSparsity() - 1e-9)
                .findFirst().orElseThrow().step();
        long total = events.stream().filter(RunFinished.class::isInstance).map(RunFinished.class::cast)
                .findFirst().orElseThrow().step();
        double peak = base.training().learningRate();
        int afterRestart = 0;
        for (StepMetrics m : stepMetrics(events)) {
            long step = m.step() - 1; // the rate reported is that of the window's last step
            double expected = step < restart ? 0.5 * peak * (1 + Math.cos(Math.PI * step / total))
                    : 0.5 * peak * (1 + Math.cos(Math.PI * (step - restart) / (total - restart)));
            assertEquals(expected, m.learningRate(), 1e-12, "step " + step + ", restart at " + restart);
            if (step >= restart) {
                afterRestart++;
                assertTrue(m.learningRate() > 0.5 * peak * (1 + Math.cos(Math.PI * step / total)));
            }
        }
        assertTrue(afterRestart > 0, "some report falls after the restart, or this test would prove nothing");
        StepMetrics plainFirst = stepMetrics(run(base, new SyntheticData(128, 4, 12, 3))).get(0);
        assertEquals(plainFirst.trainLoss(), stepMetrics(events).get(0).trainLoss(), 0,
                "identical to the run without the restart before it");
    }

    /**
     * Distillation from the average starts at the event that reaches the target: the same run as without it up to
     * there, another after (the loss is the blend, and the teacher moves the weights), and it needs the average.
     */
    @Test
    void distillationFromTheAverageStartsAtTheTarget() {
        SearchSpaceConfig base = ConfigResolver.resolve(TestConfigs.tinySynthetic());
        assertTrue(base.training().ema().enabled(), "the average is on by default (official)");
        SearchSpaceConfig distilling = base.withPruning(base.pruning().withDistillAtTarget(0.5));
        List<TrainingEvent> plain = run(base, new SyntheticData(128, 4, 12, 3));
        List<TrainingEvent> distilled = run(distilling, new SyntheticData(128, 4, 12, 3));
        long target = pruneEvents(distilled).stream()
                .filter(e -> e.targetRatio() >= base.pruning().targetSparsity() - 1e-9)
                .findFirst().orElseThrow().step();
        List<StepMetrics> before = stepMetrics(plain);
        List<StepMetrics> after = stepMetrics(distilled);
        int differentAfter = 0;
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).step() <= target) {
                assertEquals(before.get(i).trainLoss(), after.get(i).trainLoss(), 0, "step " + before.get(i).step());
            } else if (before.get(i).trainLoss() != after.get(i).trainLoss()) {
                differentAfter++;
            }
        }
        assertTrue(differentAfter > 0, "after the target the loss is the blend with the teacher's soft targets");
        assertNotEquals(evaluations(plain), evaluations(distilled));
    }

    private static List<StepMetrics> stepMetrics(List<TrainingEvent> events) {
        return events.stream().filter(StepMetrics.class::isInstance).map(StepMetrics.class::cast).toList();
    }

    private static List<PruneEvent> pruneEvents(List<TrainingEvent> events) {
        return events.stream().filter(PruneEvent.class::isInstance).map(PruneEvent.class::cast).toList();
    }

    @Test
    void theOfficialRecipeIsDeterministicAndTheAverageChangesWhatIsEvaluated() {
        SearchSpaceConfig base = ConfigResolver.resolve(TestConfigs.tinySynthetic());
        TrainingConfig t = base.training();
        SearchSpaceConfig averaged = base.withTraining(t.withOptimizer("sgd", true).withEma(t.ema().withEnabled(true)));
        List<String> first = evaluations(run(averaged, new SyntheticData(256, 4, 12, 3)));
        assertEquals(first, evaluations(run(averaged, new SyntheticData(256, 4, 12, 3))));
        SearchSpaceConfig plainNesterov = base.withTraining(t.withOptimizer("sgd", true).withEma(t.ema().withEnabled(
                false)));
        assertNotEquals(first, evaluations(run(plainNesterov, new SyntheticData(256, 4, 12, 3))),
                "evaluating the average is not evaluating the trained weights");
    }
}
