package org.supertickets.ui.predictions;

import java.util.List;

/**
 * The most-confused pairs of the ticket's test evaluation with their test images, ready to draw. Immutable; built by
 * {@link ConfusionViewModel} once the images are loaded.
 *
 * @param title  what the list is, e.g. {@code Most confused on the test set (the ticket)}
 * @param width  image width in pixels
 * @param height image height in pixels
 * @param pairs  most confused first
 * @param test   whether the images are of the test split (else the validation split)
 */
public record ConfusedExamples(String title, int width, int height, List<Pair> pairs, boolean test) {

    public ConfusedExamples {
        pairs = List.copyOf(pairs);
    }

    /**
     * One pair.
     *
     * @param caption e.g. {@code Shirt taken for T-shirt/top 87 times (29.0 % of the Shirt images)}
     * @param images  its first test images, ARGB at their own resolution
     * @param indices their indices in their split, as metrics.jsonl records them
     */
    public record Pair(String caption, List<int[]> images, int[] indices) {

        public Pair {
            images = List.copyOf(images);
            indices = indices.clone();
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }
    }
}
