package org.supertickets.ui.runqueue;

import java.util.Locale;
import org.supertickets.report.CountFormat;
import org.supertickets.train.RunFinished;

/** What a run's row says when it has ended: a completed run names its ticket's numbers. */
final class OutcomeText {

    private OutcomeText() {
    }

    static String of(RunFinished f) {
        if (f.outcome() != RunFinished.Outcome.COMPLETED) {
            return f.message();
        }
        String accuracy = Double.isNaN(f.testAccuracy()) ? "test accuracy not evaluated"
                : f.testSegmentation() != null
                        // a segmentation run's accuracy is per pixel, mostly background: its measure is mean IoU
                        ? String.format(Locale.ROOT, "test mIoU %.3f, pixel accuracy %.1f%%",
                                f.testSegmentation().meanIou(), 100 * f.testAccuracy())
                        : String.format(Locale.ROOT, "test accuracy %.1f%%", 100 * f.testAccuracy());
        String said = f.message().endsWith(".") ? f.message().substring(0, f.message().length() - 1) : f.message();
        return String.format(Locale.ROOT, "%s · ticket: %s, sparsity %.1f%%, %s MACs", said, accuracy,
                100 * f.sparsity(), CountFormat.text(f.macs()));
    }
}
