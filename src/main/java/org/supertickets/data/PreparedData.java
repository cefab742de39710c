package org.supertickets.data;

import java.util.Objects;

/**
 * A dataset ready for training: the three splits and the normalisation of the training split.
 *
 * @param train         training images (after the train limit and the validation hold-out)
 * @param validation    held-out part of the (limited) training set; may be empty
 * @param test          test images (after the test limit); may be empty
 * @param normalization per-channel statistics of {@code train}
 */
public record PreparedData(ImageDataset train, ImageDataset validation, ImageDataset test,
        Normalization normalization) {

    public PreparedData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(normalization, "normalization");
    }
}
