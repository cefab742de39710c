package org.supertickets.run;

import java.util.Objects;
import org.supertickets.data.BatchAssembler;
import org.supertickets.data.DatasetException;
import org.supertickets.data.Normalization;
import org.supertickets.data.PreparedSegmentationData;
import org.supertickets.data.SegmentationDataset;
import org.supertickets.data.SegmentationLoader;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingData;

/**
 * The trainer's view of a loaded segmentation dataset: normalised images and one label per pixel
 * ({@link #labelsPerImage()} = height x width, row-major), epoch orders by seed.
 * <p>
 * No augmentation: a random crop or flip of the image would need the very same crop or flip of its mask, which
 * {@code Augmentation} does not do; left out until it does, so {@code data.augment} is ignored here.
 */
public final class PreparedSegmentationTrainingData implements TrainingData {

    private final PreparedSegmentationData data;
    private final long seed;

    public PreparedSegmentationTrainingData(PreparedSegmentationData data, long seed) {
        this.data = Objects.requireNonNull(data, "data");
        this.seed = seed;
        if (data.normalization().channels() != data.train().channels()) {
            throw new IllegalArgumentException("normalization has " + data.normalization().channels()
                    + " channels, " + data.train().name() + " has " + data.train().channels());
        }
    }

    /** Loads the segmentation dataset {@code config.data()} names, split by {@code config.seed()}. */
    public static PreparedSegmentationTrainingData load(SearchSpaceConfig config) throws DatasetException {
        return new PreparedSegmentationTrainingData(SegmentationLoader.load(config.data(), config.seed()),
                config.seed());
    }

    public PreparedSegmentationData data() {
        return data;
    }

    @Override
    public int channels() {
        return data.train().channels();
    }

    @Override
    public int height() {
        return data.train().height();
    }

    @Override
    public int width() {
        return data.train().width();
    }

    @Override
    public int classes() {
        return data.train().classes();
    }

    @Override
    public int labelsPerImage() {
        return height() * width();
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public int validationSize() {
        return data.validation().size();
    }

    @Override
    public int testSize() {
        return data.test().size();
    }

    @Override
    public int[] epochOrder(int epoch) {
        return BatchAssembler.epochOrder(trainSize(), seed, epoch);
    }

    /** Fills a training batch; {@code epoch} and {@code position} are unused (no augmentation, see above). */
    @Override
    public void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels) {
        fill(data.train(), data.normalization(), indices, images, labels);
    }

    @Override
    public void fillValidation(int[] indices, float[] images, long[] labels) {
        fill(data.validation(), data.normalization(), indices, images, labels);
    }

    @Override
    public void fillTest(int[] indices, float[] images, long[] labels) {
        fill(data.test(), data.normalization(), indices, images, labels);
    }

    /** The 8-bit values the canvases were composed (or read) with. */
    @Override
    public byte[] testImageBytes(int[] indices) {
        return data.test().subset(indices).pixels();
    }

    /**
     * Image {@code i} of the batch goes to {@code images} at {@code i * C * H * W}, normalised; its mask to
     * {@code labels} at {@code i * H * W}. The buffers may be longer than the batch.
     */
    static void fill(SegmentationDataset split, Normalization normalization, int[] indices, float[] images,
            long[] labels) {
        int p = split.pixelsPerImage();
        int plane = split.height() * split.width();
        if ((long) indices.length * p > images.length || (long) indices.length * plane > labels.length) {
            throw new IllegalArgumentException("buffers of " + images.length + " values and " + labels.length
                    + " labels cannot hold a batch of " + indices.length + " images of " + p + " values and "
                    + plane + " labels");
        }
        byte[] pixels = split.pixels();
        byte[] masks = split.masks();
        for (int i = 0; i < indices.length; i++) {
            int index = Objects.checkIndex(indices[i], split.size());
            for (int k = 0; k < p; k++) {
                images[i * p + k] = (pixels[index * p + k] & 0xff) / 255f;
            }
            normalization.applyInPlace(images, i * p, plane);
            for (int k = 0; k < plane; k++) {
                labels[i * plane + k] = masks[index * plane + k] & 0xff;
            }
        }
    }
}
