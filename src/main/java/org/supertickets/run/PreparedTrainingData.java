package org.supertickets.run;

import org.supertickets.data.Augmentation;
import org.supertickets.data.BatchAssembler;
import org.supertickets.data.DatasetException;
import org.supertickets.data.DatasetLoader;
import org.supertickets.data.PreparedData;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingData;

/** The trainer's view of a loaded dataset: splits, normalisation, augmentation and epoch orders by seed. */
public final class PreparedTrainingData implements TrainingData {

    private final PreparedData data;
    private final long seed;
    private final BatchAssembler train;
    private final BatchAssembler validation;
    private final BatchAssembler test;

    public PreparedTrainingData(PreparedData data, long seed, boolean augment) {
        this.data = data;
        this.seed = seed;
        this.train = new BatchAssembler(data.train(), data.normalization(), augment ? new Augmentation(seed) : null);
        this.validation = new BatchAssembler(data.validation(), data.normalization(), null);
        this.test = new BatchAssembler(data.test(), data.normalization(), null);
    }

    public static PreparedTrainingData load(SearchSpaceConfig config) throws DatasetException {
        return new PreparedTrainingData(DatasetLoader.load(config.data(), config.seed()), config.seed(),
                config.data().augment());
    }

    public PreparedData data() {
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

    @Override
    public void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels) {
        train.fill(indices, epoch, position, images, labels);
    }

    @Override
    public void fillValidation(int[] indices, float[] images, long[] labels) {
        validation.fill(indices, 0, 0, images, labels);
    }

    @Override
    public void fillTest(int[] indices, float[] images, long[] labels) {
        test.fill(indices, 0, 0, images, labels);
    }
}
