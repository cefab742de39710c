package org.supertickets.run;

import org.supertickets.data.DatasetException;
import org.supertickets.data.Normalization;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.TrainingData;

/**
 * A run's data as the trainer sees it, with the normalisation a ticket records for its inputs: images with a label
 * each for classification, canvases with a label per pixel for segmentation.
 *
 * @param training      what the trainer reads
 * @param normalization the per-channel statistics of the training split
 */
public record RunData(TrainingData training, Normalization normalization) {

    /** Loads the dataset of {@code config} for its task, split by its seed. */
    public static RunData load(SearchSpaceConfig config) throws DatasetException {
        if (config.taskKind() == Task.SEGMENTATION) {
            PreparedSegmentationTrainingData data = PreparedSegmentationTrainingData.load(config);
            return new RunData(data, data.data().normalization());
        }
        PreparedTrainingData data = PreparedTrainingData.load(config);
        return new RunData(data, data.data().normalization());
    }
}
