package org.supertickets.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.supertickets.space.Architecture;

/**
 * The run begins (or resumes).
 *
 * @param step          first step that will run (0, or the checkpoint's step on resume)
 * @param epoch         the same in epochs
 * @param totalSteps    steps of the whole run
 * @param stepsPerEpoch steps per epoch
 * @param evalEverySteps steps between architecture steps / evaluations
 * @param pruneEverySteps steps between pruning events (0 when pruning is off)
 * @param device        the device the run got, e.g. {@code cpu()}
 * @param engine        engine name and version, e.g. {@code PyTorch 2.7.1 (cpu)}
 * @param supernet      the supernet's architecture
 * @param supernetMacs  its dense MACs
 * @param supernetParams its parameters
 * @param trainImages   training images (after the validation hold-out)
 * @param validationImages held-out images
 * @param testImages    test images
 * @param resumed       true when continuing from a checkpoint
 * @param machine       where it trains: host, CPU model, cores, threads, git commit (null in logs written before
 *                      it was recorded)
 */
public record RunStarted(
        long step,
        double epoch,
        long totalSteps,
        int stepsPerEpoch,
        long evalEverySteps,
        long pruneEverySteps,
        String device,
        String engine,
        Architecture supernet,
        long supernetMacs,
        long supernetParams,
        int trainImages,
        int validationImages,
        int testImages,
        boolean resumed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Machine machine) implements TrainingEvent {

    /** A start without the machine recorded (tests and tours that draw a run). */
    public RunStarted(long step, double epoch, long totalSteps, int stepsPerEpoch, long evalEverySteps,
            long pruneEverySteps, String device, String engine, Architecture supernet, long supernetMacs,
            long supernetParams, int trainImages, int validationImages, int testImages, boolean resumed) {
        this(step, epoch, totalSteps, stepsPerEpoch, evalEverySteps, pruneEverySteps, device, engine, supernet,
                supernetMacs, supernetParams, trainImages, validationImages, testImages, resumed, null);
    }
}
