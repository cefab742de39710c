package org.supertickets.data;

/**
 * A dataset ready for training: the three splits and the normalisation of the training split.
 *
 * @param train         training images (after the validation hold-out and the train limit)
 * @param validation    held-out part of the training set
 * @param test          test images
 * @param normalization per-channel statistics of {@code train}
 */
public record PreparedData(ImageDataset train, ImageDataset validation, ImageDataset test,
        Normalization normalization) {
}
