package org.supertickets.pipeline;

import java.util.List;

/**
 * {@code pipeline.json}: what a multi-stage method ran and what it cost, rewritten after every stage so an
 * interrupted pipeline still says how far it got.
 *
 * @param method       {@code search-train-imp}
 * @param name         the base config's name
 * @param dataset      dataset of every stage
 * @param seed         the base config's seed
 * @param settings     the pruning settings
 * @param rewindStep   the step the levels rewind to (known once level 0 has reached it; -1 before)
 * @param stages       finished stages in order
 * @param complete     true once the last level has finished
 * @param ticket       the final ticket folder, relative to the pipeline folder (null until complete)
 */
public record PipelineManifest(String method, String name, String dataset, long seed, ImpSettings settings,
        long rewindStep, List<PipelineStage> stages, boolean complete, String ticket) {

    public static final String FILE = "pipeline.json";
    public static final String IMP_METHOD = "search-train-imp";

    /** Training compute of all stages together. */
    public double totalTrainingMacs() {
        return stages.stream().mapToDouble(PipelineStage::trainingMacs).sum();
    }

    /** Wall time of all stages together. */
    public double totalWallSeconds() {
        return stages.stream().mapToDouble(PipelineStage::wallSeconds).sum();
    }
}
