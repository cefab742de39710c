package org.supertickets.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the network is trained to predict. The supernet's body is the same for every task (block output widths
 * never change, which is what lets a ticket move between tasks); only the head differs.
 */
public enum Task {
    /** One class per image: head conv, global average pooling, linear classifier. */
    CLASSIFICATION,
    /** One class per pixel: head conv, a decoder with one skip from a stride-4 feature map, bilinear upsampling. */
    SEGMENTATION;

    /** How a config writes each task. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Task::configName).toList();

    /** The config's word for this task, e.g. {@code segmentation}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task a config names; classification when it names none (configs written before tasks existed). */
    public static Task fromConfig(String name) {
        if (name == null) {
            return CLASSIFICATION;
        }
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The task a dataset's labels serve: segmentation for datasets labelled per pixel, else classification. */
    public static Task labelledBy(String dataset) {
        return ConfigDefaults.SEGMENTATION_DATASETS.contains(dataset) ? SEGMENTATION : CLASSIFICATION;
    }
}
