package org.supertickets.ui.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.train.ConnectivitySnapshot;

/**
 * The one time cursor of the run: which snapshot the graph, the heatmap and the charts' vertical line show.
 * It follows the newest snapshot until the user scrubs back; moving to the end, or {@link #goLive()}, follows
 * again. Play advances one snapshot per {@link #tick()} (the view's timer), stopping at the end.
 */
public final class TimelineViewModel {

    private final List<ConnectivitySnapshot> snapshots = new ArrayList<>();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following", true);
    private final ReadOnlyObjectWrapper<ConnectivitySnapshot> current = new ReadOnlyObjectWrapper<>(this,
            "current");
    private final ReadOnlyBooleanWrapper scrubbed = new ReadOnlyBooleanWrapper(this, "scrubbed");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "no snapshots yet");
    private final ReadOnlyObjectWrapper<List<Mark>> marks = new ReadOnlyObjectWrapper<>(this, "marks", List.of());

    /**
     * A stretch of the timeline the slider shades (the masks dense after a shrink): from snapshot {@code from} to
     * snapshot {@code to}, or on to the end of the track when {@code toEnd} (still going in a live run).
     */
    public record Mark(int from, int to, boolean toEnd) {
    }

    public TimelineViewModel() {
        scrubbed.bind(following.not().and(count.greaterThan(0)));
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int getIndex() {
        return index.get();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /**
     * True while the cursor is held away from the run's newest snapshot (scrubbed back or replaying): the views
     * show the past, and {@link #goLive()} has something to undo.
     */
    public ReadOnlyBooleanProperty scrubbedProperty() {
        return scrubbed.getReadOnlyProperty();
    }

    public boolean isScrubbed() {
        return scrubbed.get();
    }

    /** The snapshot under the cursor; null when there is none. */
    public ReadOnlyObjectProperty<ConnectivitySnapshot> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ConnectivitySnapshot current() {
        return current.get();
    }

    /** The snapshot before the cursor (for "since the previous snapshot" diffs); null at the first. */
    public ConnectivitySnapshot previous() {
        int i = index.get();
        return i > 0 ? snapshots.get(i - 1) : null;
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The shaded stretches, by snapshot index; empty when none. */
    public ReadOnlyObjectProperty<List<Mark>> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    /** Shades these stretches (they follow the run's events, which the timeline does not read). */
    public void setMarks(List<Mark> newMarks) {
        List<Mark> copy = List.copyOf(Objects.requireNonNull(newMarks));
        if (!copy.equals(marks.get())) {
            marks.set(copy);
        }
    }

    /** Replaces all snapshots (another run) and follows the newest; the marks go with the old run. */
    public void reset(Collection<ConnectivitySnapshot> all) {
        setMarks(List.of());
        snapshots.clear();
        snapshots.addAll(all);
        count.set(snapshots.size());
        playing.set(false);
        following.set(true);
        moveTo(snapshots.size() - 1);
    }

    /** New snapshots of a live run; the cursor moves along only while it follows. */
    public void append(Collection<ConnectivitySnapshot> added) {
        if (added.isEmpty()) {
            return;
        }
        snapshots.addAll(added);
        count.set(snapshots.size());
        if (following.get() && !playing.get()) {
            moveTo(snapshots.size() - 1);
        } else {
            updateCaption();
        }
    }

    /** Scrubbing: any index; the end means "follow the run again". */
    public void select(int i) {
        if (snapshots.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(snapshots.size() - 1, i));
        following.set(clamped == snapshots.size() - 1);
        moveTo(clamped);
    }

    /** Back to the run: stops a replay, moves to the newest snapshot and follows the run from there on. */
    public void goLive() {
        playing.set(false);
        following.set(true);
        moveTo(snapshots.size() - 1);
    }

    public void stepForward() {
        select(index.get() + 1);
    }

    public void stepBack() {
        select(index.get() - 1);
    }

    /** Play from the cursor (from the start when at the end), or pause. */
    public void togglePlay() {
        if (playing.get()) {
            playing.set(false);
            return;
        }
        if (snapshots.size() < 2) {
            return;
        }
        if (index.get() >= snapshots.size() - 1) {
            select(0);
        }
        following.set(false);
        playing.set(true);
    }

    /** One replay step; the view's timer calls it while {@link #playingProperty()} is true. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (index.get() >= snapshots.size() - 1) {
            playing.set(false);
            following.set(true);
            return;
        }
        moveTo(index.get() + 1);
        if (index.get() >= snapshots.size() - 1) {
            playing.set(false);
            following.set(true);
        }
    }

    public List<ConnectivitySnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    private void moveTo(int i) {
        index.set(i);
        current.set(i >= 0 ? snapshots.get(i) : null);
        updateCaption();
    }

    private void updateCaption() {
        ConnectivitySnapshot s = current.get();
        caption.set(s == null ? "no snapshots yet" : String.format(Locale.ROOT,
                "snapshot %d/%d · %s · epoch %.2f · step %d", index.get() + 1, snapshots.size(), s.reason(),
                s.epoch(), s.step()));
    }
}
