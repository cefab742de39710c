package org.supertickets.ui.heatmap;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.LayerSnapshot;
import org.supertickets.train.SnapshotComparison;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The mask heatmap of the layer picked in the graph at the cursor's snapshot. Decoding (inflate, int8 → float,
 * diff with the previous snapshot) runs in the background; a newer request supersedes an older one, whose
 * result is dropped.
 */
public final class HeatmapViewModel {

    private final TaskRunner runner;
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded");
    private final ReadOnlyObjectWrapper<HeatmapData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Click a layer in the graph to see its weights.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private String layer;
    private ConnectivitySnapshot current;
    private ConnectivitySnapshot previous;
    private SnapshotComparison comparison;
    private long generation;
    private BackgroundTask.Handle running;

    public HeatmapViewModel(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner);
        folded.addListener((o, a, b) -> rebuild());
    }

    /** One pixel per k×k kernel instead of one per weight. */
    public BooleanProperty foldedProperty() {
        return folded;
    }

    public ReadOnlyObjectProperty<HeatmapData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public HeatmapData getData() {
        return data.get();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Shows {@code layerName} at {@code snapshot}; {@code before} is the snapshot to diff against (or null). */
    public void show(String layerName, ConnectivitySnapshot snapshot, ConnectivitySnapshot before) {
        show(layerName, snapshot, before, null);
    }

    /**
     * Shows {@code layerName} at the compared snapshot, its counts split by kind as the trainer counts them
     * ({@link SnapshotComparison}); null shows nothing.
     */
    public void show(String layerName, SnapshotComparison compared) {
        show(layerName, compared == null ? null : compared.current(), compared == null ? null : compared.previous(),
                compared);
    }

    private void show(String layerName, ConnectivitySnapshot snapshot, ConnectivitySnapshot before,
            SnapshotComparison compared) {
        if (Objects.equals(layerName, layer) && snapshot == current && before == previous && data.get() != null
                && sameReference(compared, comparison)) {
            return;
        }
        layer = layerName;
        current = snapshot;
        previous = before;
        comparison = compared;
        rebuild();
    }

    private void rebuild() {
        long mine = ++generation;
        if (running != null) {
            running.cancel();
        }
        if (layer == null || current == null) {
            data.set(null);
            summary.set(layer == null ? "Click a layer in the graph to see its weights."
                    : "No snapshot yet: the heatmap appears with the run's first snapshot.");
            busy.set(false);
            return;
        }
        LayerSnapshot now = find(current, layer);
        if (now == null) {
            data.set(null);
            summary.set(layer + " does not exist at this moment: the search removed it.");
            busy.set(false);
            return;
        }
        LayerSnapshot before = previous == null ? null : find(previous, layer);
        SnapshotComparison compared = comparison;
        boolean fold = folded.get();
        busy.set(true);
        running = BackgroundTask.of("Decode " + layer, ctx -> compared != null
                ? HeatmapData.against(now, compared, fold) : HeatmapData.of(now, before, fold))
                .onSuccess(d -> {
                    if (mine == generation) {
                        data.set(d);
                        summary.set(d.summary());
                        busy.set(false);
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        data.set(null);
                        summary.set("Cannot decode " + layer + ": " + UserMessages.describe(e));
                        busy.set(false);
                    }
                })
                .run(runner);
    }

    /** By identity: snapshots are immutable, and equals would compare every encoded mask. */
    private static boolean sameReference(SnapshotComparison a, SnapshotComparison b) {
        return a == null ? b == null : b != null && a.previousPrune() == b.previousPrune();
    }

    private static LayerSnapshot find(ConnectivitySnapshot snapshot, String name) {
        for (LayerSnapshot l : snapshot.layers()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return null;
    }
}
