package org.supertickets.report;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.train.EvalMetrics;

/**
 * The training curves of one run that the Compare view overlays: validation accuracy, weight sparsity and dense
 * MACs at every evaluation, against epochs.
 *
 * @param run                run folder name (the legend entry)
 * @param epochs             epoch of each evaluation, increasing
 * @param validationAccuracy validation accuracy at each
 * @param sparsity           weight sparsity at each
 * @param macs               dense MACs of the (shrunk) network at each
 * @param meanIou            segmentation: validation mean IoU (background included) at each; null for classification
 */
public record RunCurves(String run, double[] epochs, double[] validationAccuracy, double[] sparsity, double[] macs,
        double[] meanIou) {

    /** The curves of a classification run. */
    public RunCurves(String run, double[] epochs, double[] validationAccuracy, double[] sparsity, double[] macs) {
        this(run, epochs, validationAccuracy, sparsity, macs, null);
    }

    /** Whether this is a segmentation run (its accuracy is per pixel; mean IoU is its measure). */
    public boolean segmentation() {
        return meanIou != null;
    }

    public int size() {
        return epochs.length;
    }

    /**
     * Reads the evaluations of a run folder. A resumed run re-does the steps after its last checkpoint, so an
     * evaluation can appear twice; the later one (the run that continued) wins.
     */
    public static RunCurves read(RunFolder folder) throws IOException {
        Map<Long, EvalMetrics> byStep = new TreeMap<>();
        // Streamed: only the evaluations are kept, however large the log.
        RunFolderReader.forEachMetric(folder, e -> {
            if (e instanceof EvalMetrics m) {
                byStep.put(m.step(), m);
            }
        });
        int n = byStep.size();
        double[] epochs = new double[n];
        double[] accuracy = new double[n];
        double[] sparsity = new double[n];
        double[] macs = new double[n];
        boolean segmentation = byStep.values().stream().anyMatch(m -> m.segmentation() != null);
        double[] meanIou = segmentation ? new double[n] : null;
        int i = 0;
        for (EvalMetrics m : byStep.values()) {
            epochs[i] = m.epoch();
            accuracy[i] = m.validationAccuracy();
            sparsity[i] = m.sparsity();
            macs[i] = m.macs();
            if (segmentation) {
                meanIou[i] = m.segmentation() == null ? Double.NaN : m.segmentation().meanIou();
            }
            i++;
        }
        return new RunCurves(folder.name(), epochs, accuracy, sparsity, macs, meanIou);
    }
}
