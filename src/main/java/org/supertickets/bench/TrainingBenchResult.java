package org.supertickets.bench;

import org.supertickets.train.TwoInOneTrainer;

/**
 * What {@link TrainingBench} measured.
 *
 * @param steps              measured steps
 * @param imagesPerSecond    over all measured steps (wall clock)
 * @param medianWindowRate   median images/s of the 10-step windows (robust to one stall)
 * @param cpuSecondsPerStep  process CPU time per measured step, all threads
 * @param timings            the trainer's split of its run time
 */
public record TrainingBenchResult(long steps, double imagesPerSecond, double medianWindowRate,
        double cpuSecondsPerStep, TwoInOneTrainer.Timings timings) {
}
