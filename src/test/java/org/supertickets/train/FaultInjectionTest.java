package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;

/** Faults during training stop the run with a readable message and keep the last good checkpoint. */
class FaultInjectionTest {

    /** Synthetic data that misbehaves from a given step on. */
    static final class FaultyData extends ForwardingData {
        private final int faultyFromStep;
        private final Runnable fault;
        private final float[] poison;

        FaultyData(int faultyFromStep, float poison, Runnable fault) {
            super(new SyntheticData(256, 4, 12, 3));
            this.faultyFromStep = faultyFromStep;
            this.poison = new float[] {poison};
            this.fault = fault;
        }

        @Override
        public void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels) {
            super.fillTrain(indices, epoch, position, images, labels);
            if (epoch * (trainSize() / 16) + position >= faultyFromStep) {
                if (fault != null) {
                    fault.run();
                }
                images[0] = poison[0];
            }
        }
    }

    private static RunFinished run(TrainingData data, List<Long> checkpointSteps) {
        CheckpointStore store = c -> checkpointSteps.add(c.step());
        return new TwoInOneTrainer(TestConfigs.tinySynthetic(), "h", data, Device.cpu(), e -> { },
                new TrainingControl(), store).run();
    }

    @Test
    void aNonFiniteLossStopsTheRunAndKeepsTheLastCheckpoint() {
        List<Long> saved = new ArrayList<>();
        RunFinished f = run(new FaultyData(40, Float.NaN, null), saved);
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("loss became NaN at step 40"), f.message());
        assertTrue(f.message().contains("learningRate"), f.message());
        assertEquals(List.of(16L, 32L), saved, "checkpoints before the fault are kept, none after");
    }

    @Test
    void runningOutOfDeviceMemorySuggestsASmallerBatch() {
        RunFinished f = run(new FaultyData(20, 0f, () -> {
            throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
        }), new ArrayList<>());
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("ran out of memory"), f.message());
        assertTrue(f.message().contains("batchSize"), f.message());
    }

    @Test
    void aDeviceThatDisappearsStopsCleanlyAndPointsToResumeOnCpu() {
        RunFinished f = run(new FaultyData(20, 0f, () -> {
            throw new EngineException("CUDA error: device-side assert triggered / no CUDA-capable device");
        }), new ArrayList<>());
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("--device cpu"), f.message());
    }

    @Test
    void explodingOrNonFiniteGradientsStopTheRunWithTheFix() throws Exception {
        TwoInOneTrainer.checkGradient(5.0, 10, 0.1, "the last good checkpoint is kept");
        for (double norm : new double[] {2e6, Double.NaN, Double.POSITIVE_INFINITY}) {
            TrainingDivergedException e = org.junit.jupiter.api.Assertions.assertThrows(
                    TrainingDivergedException.class, () -> TwoInOneTrainer.checkGradient(norm, 10, 0.1,
                            "the last good checkpoint is kept"));
            assertTrue(e.getMessage().contains("exploded") && e.getMessage().contains("learningRate"),
                    e.getMessage());
        }
    }

    /** A disk that fills up at the first checkpoint: the FAILED record names the step of the evaluation before it. */
    @Test
    void aFullDiskFailureIsReportedAtTheStepOfTheEvaluationJustLogged() {
        List<TrainingEvent> events = new ArrayList<>();
        CheckpointStore full = c -> {
            throw new java.io.IOException("No space left on device");
        };
        RunFinished f = new TwoInOneTrainer(TestConfigs.tinySynthetic(), "h", new SyntheticData(256, 4, 12, 3),
                Device.cpu(), events::add, new TrainingControl(), full).run();
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("No space left") && f.message().contains("free disk space"), f.message());
        EvalMetrics lastEvaluation = events.stream().filter(EvalMetrics.class::isInstance).map(EvalMetrics.class::cast)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(lastEvaluation.step(), f.step(), "the FAILED record agrees with the evaluation before it");
        assertEquals(lastEvaluation.epoch(), f.epoch());
    }

    /** A store that may no longer write (the folder was taken over) stops the run with its own message. */
    @Test
    void aRefusedRecordingStopsTheRunWithItsOwnMessageNotTheDiskFix() {
        List<Long> saved = new ArrayList<>();
        CheckpointStore refused = c -> {
            throw new RecordingRefusedException("runs/x was taken over by pid 4242 on host other-machine");
        };
        RunFinished f = new TwoInOneTrainer(TestConfigs.tinySynthetic(), "h", new SyntheticData(256, 4, 12, 3),
                Device.cpu(), e -> { }, new TrainingControl(), refused).run();
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertEquals("runs/x was taken over by pid 4242 on host other-machine", f.message());
        assertEquals(List.of(), saved);
    }
}
