package org.supertickets.space;

import static org.supertickets.space.ValidationFindings.blank;

import java.util.Optional;
import org.supertickets.space.ConfigDefaults.InputShape;

/**
 * The validator's checks of the task and the {@code data} section: a known dataset whose labels suit the task, the
 * image shape it implies (or the config must give), the split and the limits.
 */
final class DataChecks {

    static final int MAX_IMAGE_CHANNELS = 4;
    static final int MAX_IMAGE_SIDE = 1024;
    static final int MAX_CLASSES = 10_000;
    static final int MAX_IMAGES = 100_000_000;
    static final double MAX_VALIDATION_FRACTION = 0.5;
    /** A canvas holds at least one whole 28-pixel object; above this side a composed canvas only costs time. */
    static final int MIN_CANVAS_SIDE = 28;
    static final int MAX_CANVAS_SIDE = 256;

    private final ValidationFindings f;

    DataChecks(ValidationFindings findings) {
        this.f = findings;
    }

    /** The task must be known, and the dataset must label what the task predicts. */
    void task(String task, DataConfig d) {
        // no task at all: a classification config written before tasks existed
        boolean knownTask = task == null || f.oneOf("task", task);
        if (!knownTask || d == null || d.dataset() == null || !ConfigDefaults.DATASETS.contains(d.dataset())) {
            return;
        }
        boolean segmentationData = ConfigDefaults.SEGMENTATION_DATASETS.contains(d.dataset());
        if (Task.fromConfig(task) == Task.SEGMENTATION && !segmentationData) {
            f.add("task", "is segmentation, but dataset '" + d.dataset() + "' has one label per image, not per pixel",
                    "use data.dataset fashion-mnist-canvas, mnist-canvas or mask-folder, or task classification");
        } else if (Task.fromConfig(task) == Task.CLASSIFICATION && segmentationData) {
            f.add("task", "is classification, but dataset '" + d.dataset() + "' labels every pixel",
                    "set task to segmentation, or use a classification dataset such as fashion-mnist");
        }
    }

    void data(DataConfig d) {
        String dataset = d.dataset();
        boolean known = f.oneOf("data.dataset", dataset);
        if (known && ConfigDefaults.DATASETS_ON_DISK.contains(dataset) && blank(d.path())) {
            f.add("data.path", "is not set, but dataset '" + dataset + "' is read from a folder",
                    "set data.path to the folder holding the " + dataset + " files (it is checked when the run "
                    + "loads the data)");
        }
        if (known && ConfigDefaults.EMBEDDED_DATASETS.contains(dataset) && !blank(d.path())) {
            f.add("data.path", "is '" + d.path() + "', but " + dataset + " is embedded and reads no folder, so the "
                    + "path would be ignored",
                    "remove data.path, or use dataset idx to read IDX files from that folder");
        }
        Optional<InputShape> shape = ConfigDefaults.knownShape(dataset);
        if (shape.isPresent()) {
            InputShape s = shape.get();
            String why = "is missing (the resolver fills it in for " + dataset + ")";
            f.required("data.channels", d.channels(), why, "set it to " + s.channels());
            f.required("data.height", d.height(), why, "set it to " + s.height());
            f.required("data.width", d.width(), why, "set it to " + s.width());
            f.required("data.classes", d.classes(), why, "set it to " + s.classes());
            sameAs("data.channels", d.channels(), s.channels(), dataset + " images have " + s.channels()
                    + " channel" + (s.channels() == 1 ? "" : "s"), s);
            if (ConfigDefaults.CANVAS_DATASETS.contains(dataset)) {
                String fix = "use a canvas side from " + MIN_CANVAS_SIDE + " (one 28-pixel object) to "
                        + MAX_CANVAS_SIDE + ", e.g. " + ConfigDefaults.CANVAS_SIDE;
                Interval canvas = Interval.closed(MIN_CANVAS_SIDE, MAX_CANVAS_SIDE);
                f.rangeIfPresent("data.height", d.height(), canvas, fix);
                f.rangeIfPresent("data.width", d.width(), canvas, fix);
            } else {
                sameAs("data.height", d.height(), s.height(), dataset + " images are " + s.height() + " pixels high",
                        s);
                sameAs("data.width", d.width(), s.width(), dataset + " images are " + s.width() + " pixels wide", s);
            }
            sameAs("data.classes", d.classes(), s.classes(), dataset + " has " + s.classes() + " classes", s);
        } else {
            if (known) {
                String why = "is missing; dataset " + dataset + " has no fixed shape, so the config must give it";
                f.required("data.channels", d.channels(), why, "set it to 1 for grey or 3 for colour images");
                f.required("data.height", d.height(), why, "set the image height in pixels, e.g. 28");
                f.required("data.width", d.width(), why, "set the image width in pixels, e.g. 28");
                f.required("data.classes", d.classes(), why, "set the number of classes in the data");
            }
            // Missing values are reported above (or not at all for an unknown dataset, whose name is the problem).
            f.rangeIfPresent("data.channels", d.channels(), "use 1 (grey) or 3 (colour)");
            f.rangeIfPresent("data.height", d.height(), "give the image height in pixels");
            f.rangeIfPresent("data.width", d.width(), "give the image width in pixels");
            f.rangeIfPresent("data.classes", d.classes(), "give the number of classes (at least 2)");
        }
        f.range("data.validationFraction", d.validationFraction(),
                "use a share from 0 (no validation set) to 0.5, e.g. 0.1");
        f.range("data.trainLimit", d.trainLimit(), "use 0 (all images) or a positive count");
        f.range("data.testLimit", d.testLimit(), "use 0 (all images) or a positive count");
        if (d.augment() == null) {
            f.add("data.augment", "is missing", "use true (random crop and, for colour, flip) or false");
        }
    }

    private void sameAs(String path, Integer value, int expected, String fact, InputShape shape) {
        if (value != null && value != expected) {
            f.add(path, "is " + value + ", but " + fact, "set " + path + " to " + expected + " (or leave it out; it is"
                    + " filled in: " + shape + ")");
        }
    }

    /**
     * A trainLimit that leaves fewer training images than one batch trains on the same few images repeated to
     * fill every batch (one step per epoch), which measures nothing; it is a mistyped limit, so it is refused.
     */
    void trainLimitAgainstBatch(DataConfig d, Integer batchSize) {
        if (d.trainLimit() == null || d.trainLimit() <= 0 || batchSize == null || d.validationFraction() == null) {
            return;
        }
        long held = Math.round(d.trainLimit() * d.validationFraction());
        long training = d.trainLimit() - held;
        if (training < batchSize) {
            f.add("data.trainLimit", "is " + d.trainLimit() + ", which leaves " + training + " training image"
                    + (training == 1 ? "" : "s") + (held > 0 ? " after " + held + " are held out for validation" : "")
                    + ", fewer than one batch (training.batchSize " + batchSize + "): every batch would repeat them",
                    "raise data.trainLimit to at least " + (long) Math.ceil(batchSize / (1 - d.validationFraction()))
                            + ", use 0 (all images), or lower training.batchSize");
        }
    }
}
