package org.supertickets.pipeline;

import org.supertickets.train.TrainingListener;

/** Told when each stage of a pipeline starts; returns the listener that follows that stage (or null). */
@FunctionalInterface
public interface StageObserver {

    /**
     * @param kind  the stage, e.g. {@code search}, {@code train}, {@code level-2}
     * @param index 1-based position of the stage
     * @param count number of stages
     */
    TrainingListener stageStarting(String kind, int index, int count);
}
