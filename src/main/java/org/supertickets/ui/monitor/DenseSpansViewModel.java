package org.supertickets.ui.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.DenseSpan;
import org.supertickets.train.DenseSpans;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.session.TimelineViewModel;

/**
 * Where the shown run's masks were dense after a shrink ({@link DenseSpans}, read from its events): the stretches the
 * charts shade, the marks of the time slider, and a line saying which blocks were dense at the time cursor, since
 * which shrink and until which prune. Empty for a run whose folder does not record the resets (unknown is not
 * shown as dense) and for the planned curves. UI thread.
 */
public final class DenseSpansViewModel {

    private final DenseSpans spans = new DenseSpans();
    private final ReadOnlyStringWrapper atCursor = new ReadOnlyStringWrapper(this, "atCursor", "");
    /** The step of the snapshot under the time cursor; -1 with none. */
    private long cursorStep = -1;

    /** Reads a batch of the run's events (in order). */
    void accept(Collection<? extends TrainingEvent> events) {
        events.forEach(spans::accept);
        describeCursor();
    }

    /** Forgets the run (another one, or the planned curves). */
    void clear() {
        spans.clear();
        describeCursor();
    }

    /** The spans so far; the last one, still open in a live run, ends at the latest epoch seen. */
    public List<DenseSpan> spans() {
        return spans.spans();
    }

    /**
     * What was dense at the cursor, in a sentence: "The masks of blocks 0 and 1 are dense since the shrink at epoch
     * 1.50 (241 pruned weights reset), until the prune at epoch 2.00." Empty outside every span.
     */
    public ReadOnlyStringProperty atCursorProperty() {
        return atCursor.getReadOnlyProperty();
    }

    /** The time cursor stands at the snapshot of {@code step}; -1 when there is none. */
    public void showCursor(long step) {
        cursorStep = step;
        describeCursor();
    }

    /**
     * The spans as stretches of the time slider over {@code snapshots}: from the shrink's snapshot to the prune's
     * (the cursor is inside up to, not at, the prune), or on to the end of the track while the masks are still dense.
     */
    public List<TimelineViewModel.Mark> marks(List<ConnectivitySnapshot> snapshots) {
        List<TimelineViewModel.Mark> marks = new ArrayList<>();
        for (DenseSpan span : spans.spans()) {
            int from = firstAtOrAfter(snapshots, span.fromStep());
            if (from < 0) {
                continue; // the shrink's snapshot has not been read yet
            }
            int to = switch (span.end()) {
                case PRUNE -> firstAtOrAfter(snapshots, span.untilStep());
                case RUN_END -> lastAtOrBefore(snapshots, span.untilStep());
                case OPEN -> -1;
            };
            marks.add(to < 0 ? new TimelineViewModel.Mark(from, snapshots.size() - 1, true)
                    : new TimelineViewModel.Mark(from, to, false));
        }
        return marks;
    }

    private void describeCursor() {
        DenseSpan span = cursorStep < 0 ? null : spans.at(cursorStep);
        if (span == null) {
            atCursor.set("");
            return;
        }
        String text = span.describe();
        atCursor.set(Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".");
    }

    private static int firstAtOrAfter(List<ConnectivitySnapshot> snapshots, long step) {
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).step() >= step) {
                return i;
            }
        }
        return -1;
    }

    private static int lastAtOrBefore(List<ConnectivitySnapshot> snapshots, long step) {
        int last = -1;
        for (int i = 0; i < snapshots.size() && snapshots.get(i).step() <= step; i++) {
            last = i;
        }
        return last;
    }
}
