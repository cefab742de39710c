package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.TestConfigs;

/**
 * Issue 28 item 7c: a run that fails before its first checkpoint must not say "the last good checkpoint is kept"
 * (there is none, and resume would refuse the folder); it says to start the run again. After a checkpoint the
 * message still points to it.
 */
class FailureBeforeFirstCheckpointTest {

    private static final String NONE_YET = "no checkpoint was written yet; start the run again";

    private static RunFinished run(TrainingData data, CheckpointStore store) {
        return new TwoInOneTrainer(TestConfigs.tinySynthetic(), "h", data, Device.cpu(), e -> { },
                new TrainingControl(), store).run();
    }

    @Test
    void aLossThatTurnsNanBeforeTheFirstCheckpointSaysToStartAgain() {
        List<Long> saved = new ArrayList<>();
        RunFinished f = run(new FaultInjectionTest.FaultyData(3, Float.NaN, null), c -> saved.add(c.step()));
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertEquals(List.of(), saved, "the fault came before the first checkpoint");
        assertTrue(f.message().contains("loss became NaN") && f.message().contains(NONE_YET), f.message());
        assertFalse(f.message().contains("checkpoint is kept"), f.message());
    }

    @Test
    void aFullDiskAtTheFirstCheckpointSaysNoneWasWritten() {
        RunFinished f = run(new SyntheticData(256, 4, 12, 3), c -> {
            throw new java.io.IOException("No space left on device");
        });
        assertEquals(RunFinished.Outcome.FAILED, f.outcome());
        assertTrue(f.message().contains("free disk space") && f.message().contains(NONE_YET), f.message());
        assertFalse(f.message().contains("checkpoint is kept"), f.message());
    }

    @Test
    void anEngineFailureBeforeTheFirstCheckpointDoesNotSayResumeIt() {
        RunFinished f = run(new FaultInjectionTest.FaultyData(2, 0f, () -> {
            throw new EngineException("CUDA error: no CUDA-capable device");
        }), c -> { });
        assertTrue(f.message().contains("No checkpoint was written yet; start the run again"), f.message());
        assertFalse(f.message().contains("checkpoint is kept") || f.message().contains("resume it"), f.message());
    }

    @Test
    void aFailureAfterACheckpointStillPointsToIt() {
        List<Long> saved = new ArrayList<>();
        RunFinished f = run(new FaultInjectionTest.FaultyData(40, Float.NaN, null), c -> saved.add(c.step()));
        assertEquals(List.of(16L, 32L), saved);
        assertTrue(f.message().contains("the last good checkpoint is kept"), f.message());
    }
}
