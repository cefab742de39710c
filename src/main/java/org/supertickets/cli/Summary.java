package org.supertickets.cli;

import java.util.Locale;
import org.supertickets.run.RunFolder;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;

/** The lines a shell user reads when a run ends. */
final class Summary {

    private Summary() {
    }

    static String of(RunFinished f, RunFolder folder) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s after %d steps (%.2f epochs) in %.1f s: %s%n", f.outcome(), f.step(),
                f.epoch(), f.wallSeconds(), f.message()));
        if (f.outcome() == RunFinished.Outcome.COMPLETED) {
            sb.append(String.format(Locale.ROOT, "ticket: test accuracy %.4f%s, validation %.4f, weight sparsity "
                    + "%.4f%n",
                    f.testAccuracy(), SegmentationMetrics.suffix(f.testSegmentation()), f.validationAccuracy(),
                    f.sparsity()));
            sb.append(String.format(Locale.ROOT, "        %,d MACs dense (%,d sparse, official), %,d params%n",
                    f.macs(), f.sparseMacs(), f.params()));
            sb.append(String.format(Locale.ROOT, "        training compute %.3g MACs%n", f.trainingMacs()));
            sb.append("ticket folder: ").append(folder.ticket()).append('\n');
        }
        sb.append("run folder: ").append(folder.path());
        return sb.toString();
    }
}
