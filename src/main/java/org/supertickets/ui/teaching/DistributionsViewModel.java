package org.supertickets.ui.teaching;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.space.Architecture;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.SnapshotComparison;

/**
 * The two distributions a learner watches, at the timeline's snapshot: |γ| per branch against the cut-off, and
 * |w| against the pruning threshold in alive / pruned / back by re-ranking / reset by a shrink. Live while the
 * timeline follows the run.
 */
public final class DistributionsViewModel {

    private final ReadOnlyObjectWrapper<GammaRows> gammas = new ReadOnlyObjectWrapper<>(this, "gammas");
    private final ReadOnlyObjectWrapper<MagnitudeHistogram> magnitudes = new ReadOnlyObjectWrapper<>(this,
            "magnitudes");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "no run shown");

    public ReadOnlyObjectProperty<GammaRows> gammasProperty() {
        return gammas.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MagnitudeHistogram> magnitudesProperty() {
        return magnitudes.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /**
     * @param supernet       the run's supernet (null: nothing to show)
     * @param snapshots      the run's snapshots so far
     * @param index          the one under the time cursor (-1: none)
     * @param prunes         the run's pruning events so far
     * @param gammaThreshold the run's cut-off |γ|
     */
    public void show(Architecture supernet, List<ConnectivitySnapshot> snapshots, int index, List<PruneEvent> prunes,
            double gammaThreshold) {
        if (supernet == null || index < 0 || index >= snapshots.size()) {
            gammas.set(supernet == null ? null : GammaRows.of(supernet, null, gammaThreshold));
            magnitudes.set(null);
            caption.set("no snapshot yet: start a run (File ▸ New demo)");
            return;
        }
        ConnectivitySnapshot current = snapshots.get(index);
        PruneEvent event = null;
        for (PruneEvent p : prunes) {
            if (p.step() <= current.step()) {
                event = p;
            }
        }
        gammas.set(GammaRows.of(supernet, current, gammaThreshold));
        magnitudes.set(MagnitudeHistogram.of(SnapshotComparison.at(snapshots, index),
                event == null ? Double.NaN : event.threshold()));
        caption.set(String.format(Locale.ROOT, "epoch %.2f · after the %s%s", current.epoch(),
                switch (current.reason()) {
                    case "shrink" -> "architecture step";
                    case "prune" -> "pruning event";
                    case "start" -> "start (the supernet, nothing pruned)";
                    default -> "end of the run";
                }, event == null ? "" : " · pruning event " + event.index()));
    }
}
