package org.supertickets.data;

import java.util.Objects;

/**
 * The training and the test images of one source, as a reader returns them (before limits, the validation
 * hold-out and normalisation).
 *
 * @param train training images
 * @param test  test images (may be empty)
 */
public record TrainTestSets(ImageDataset train, ImageDataset test) {

    public TrainTestSets {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
