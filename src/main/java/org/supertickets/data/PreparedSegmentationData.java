package org.supertickets.data;

import java.util.Objects;

/**
 * A segmentation dataset ready for training: the three splits and the normalisation of the training split.
 *
 * @param train         training images (after the train limit and the validation hold-out)
 * @param validation    held-out part of the (limited) training set; may be empty
 * @param test          test images (after the test limit); may be empty
 * @param normalization per-channel statistics of {@code train}'s pixels
 */
public record PreparedSegmentationData(SegmentationDataset train, SegmentationDataset validation,
        SegmentationDataset test, Normalization normalization) {

    public PreparedSegmentationData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(normalization, "normalization");
    }
}
