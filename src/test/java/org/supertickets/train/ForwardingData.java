package org.supertickets.train;

/** A TrainingData that delegates everything; tests override what they inject faults into. */
class ForwardingData implements TrainingData {

    private final TrainingData inner;

    ForwardingData(TrainingData inner) {
        this.inner = inner;
    }

    @Override public int channels() { return inner.channels(); }
    @Override public int height() { return inner.height(); }
    @Override public int width() { return inner.width(); }
    @Override public int classes() { return inner.classes(); }
    @Override public int trainSize() { return inner.trainSize(); }
    @Override public int validationSize() { return inner.validationSize(); }
    @Override public int testSize() { return inner.testSize(); }
    @Override public int[] epochOrder(int epoch) { return inner.epochOrder(epoch); }

    @Override
    public void fillTrain(int[] indices, int epoch, int position, float[] images, long[] labels) {
        inner.fillTrain(indices, epoch, position, images, labels);
    }

    @Override
    public void fillValidation(int[] indices, float[] images, long[] labels) {
        inner.fillValidation(indices, images, labels);
    }

    @Override
    public void fillTest(int[] indices, float[] images, long[] labels) {
        inner.fillTest(indices, images, labels);
    }
}
