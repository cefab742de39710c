package org.supertickets.train;

/**
 * The training loss and accuracy summed since the last {@link StepMetrics}, averaged into the next one. A
 * checkpoint keeps the sums, so a resumed run reports the same windows as one that never stopped.
 */
final class StepWindow {

    private double loss;
    private long correct;
    private long images;
    private long startNanos;

    /** Continues a window a checkpoint kept. */
    void restore(double loss, long correct, long images) {
        this.loss = loss;
        this.correct = correct;
        this.images = images;
    }

    /** Starts timing the window (its throughput). */
    void startClock() {
        startNanos = System.nanoTime();
    }

    /** Adds one step's mean loss and its count of correct labels over {@code batchSize} images. */
    void add(double meanLoss, long correctLabels, int batchSize) {
        loss += meanLoss * batchSize;
        correct += correctLabels;
        images += batchSize;
    }

    /**
     * The window's averages as the event reported after {@code done} steps, and a new window.
     *
     * @param labelsPerImage 1, or the pixels of a segmentation label: accuracy is then per pixel
     */
    StepMetrics close(long done, double epoch, int labelsPerImage, TrainingStep.Result last) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double accuracy = (double) correct / (images * labelsPerImage);
        StepMetrics metrics = new StepMetrics(done, epoch, loss / images, accuracy, last.learningRate(), last.rho(),
                last.gradientNorm(), images / seconds);
        loss = 0;
        correct = 0;
        images = 0;
        startNanos = System.nanoTime();
        return metrics;
    }

    double loss() {
        return loss;
    }

    long correct() {
        return correct;
    }

    long images() {
        return images;
    }
}
