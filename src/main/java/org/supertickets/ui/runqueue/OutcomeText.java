package org.supertickets.ui.runqueue;

import java.util.Locale;
import org.supertickets.train.RunFinished;
import org.supertickets.ui.charts.CountFormat;

/** What a run's row says when it has ended: a completed run names its ticket's numbers. */
final class OutcomeText {

    private OutcomeText() {
    }

    static String of(RunFinished f) {
        if (f.outcome() != RunFinished.Outcome.COMPLETED) {
            return f.message();
        }
        String accuracy = Double.isNaN(f.testAccuracy()) ? "test accuracy not evaluated"
                : String.format(Locale.ROOT, "test accuracy %.1f%%", 100 * f.testAccuracy());
        return String.format(Locale.ROOT, "%s · ticket: %s · sparsity %.1f%% · %s MACs", f.message(), accuracy,
                100 * f.sparsity(), CountFormat.text(f.macs()));
    }
}
