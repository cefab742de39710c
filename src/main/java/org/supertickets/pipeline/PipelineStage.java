package org.supertickets.pipeline;

/**
 * One finished stage of a multi-stage method, as recorded in {@code pipeline.json}.
 *
 * @param kind         {@code search}, {@code train} (level 0, dense) or {@code level-N} (after the N-th prune)
 * @param runFolder    the stage's run folder, relative to the pipeline folder (or absolute when reused)
 * @param sparsity     weight sparsity the stage trained at
 * @param testAccuracy its network's test accuracy
 * @param macs         dense MACs of its network
 * @param params       dense parameters of its network
 * @param trainingMacs training compute the stage spent (ours, see docs/metrics.md)
 * @param wallSeconds  its wall time
 */
public record PipelineStage(String kind, String runFolder, double sparsity, double testAccuracy, long macs,
        long params, double trainingMacs, double wallSeconds) {
}
