package org.supertickets.ui.compare;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.report.ChannelChange;
import org.supertickets.report.TicketDiff;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.ui.graph.GraphFrame;
import org.supertickets.ui.graph.GraphNode;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.graph.NodeState;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;
import org.supertickets.ui.ticket.TicketViewModel;

/**
 * Two tickets side by side: each read in the background and drawn on its supernet's graph, the {@link TicketDiff}
 * between them, the layers both graphs mark as changed, and one layer selection shared by both graphs.
 */
public final class TicketDiffViewModel {

    /** Which of the two tickets. */
    public enum Side {
        A, B
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final Map<Side, ReadOnlyObjectWrapper<TicketViewModel.Loaded>> tickets = new EnumMap<>(Side.class);
    private final Map<Side, GraphViewModel> graphs = new EnumMap<>(Side.class);
    private final Map<Side, Path> requested = new EnumMap<>(Side.class);
    private final Map<Side, BackgroundTask.Handle> loading = new EnumMap<>(Side.class);
    private final ReadOnlyObjectWrapper<TicketDiff> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyObjectWrapper<Set<String>> changedLayers = new ReadOnlyObjectWrapper<>(this,
            "changedLayers", Set.of());
    private final ReadOnlyStringWrapper selectedLayer = new ReadOnlyStringWrapper(this, "selectedLayer");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Pick two tickets: select two runs in the table, or choose A and B above.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public TicketDiffViewModel(TaskRunner runner, Notifier notifier) {
        this.runner = Objects.requireNonNull(runner);
        this.notifier = Objects.requireNonNull(notifier);
        for (Side s : Side.values()) {
            tickets.put(s, new ReadOnlyObjectWrapper<>(this, "ticket" + s));
            graphs.put(s, new GraphViewModel());
        }
    }

    /** The ticket shown on a side; null until one is read. */
    public ReadOnlyObjectProperty<TicketViewModel.Loaded> ticketProperty(Side side) {
        return tickets.get(side).getReadOnlyProperty();
    }

    /** The graph of a side's ticket. */
    public GraphViewModel graph(Side side) {
        return graphs.get(side);
    }

    /** The difference; null until both tickets are read. */
    public ReadOnlyObjectProperty<TicketDiff> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    public TicketDiff getDiff() {
        return diff.get();
    }

    /** Layers present in one ticket only or with other channel counts; both graphs mark them. */
    public ReadOnlyObjectProperty<Set<String>> changedLayersProperty() {
        return changedLayers.getReadOnlyProperty();
    }

    /** The layer picked in either graph or in a table; both graphs outline it. */
    public ReadOnlyStringProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    /** One line saying what differs, or what to do next. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The folder last asked for on a side (loaded or loading); null when none. */
    public Path folder(Side side) {
        return requested.get(side);
    }

    /**
     * Reads both tickets (a side already showing or reading that folder is left alone). This follows the runs
     * selected in the table, which the user did not pick as tickets: a run without a readable ticket is reported
     * in {@link #summaryProperty()}, not in a dialog.
     */
    public void compare(Path a, Path b) {
        if (!Objects.equals(normal(a), requested.get(Side.A))) {
            load(Side.A, a, true);
        }
        if (!Objects.equals(normal(b), requested.get(Side.B))) {
            load(Side.B, b, true);
        }
    }

    /**
     * Reads a ticket folder (or the {@code ticket/} of a run folder) the user picked for one side, replacing a
     * pending read; a failure is shown as an error naming the folder.
     */
    public BackgroundTask.Handle load(Side side, Path folder) {
        return load(side, folder, false);
    }

    private BackgroundTask.Handle load(Side side, Path folder, boolean quiet) {
        Path path = normal(folder);
        requested.put(side, path);
        BackgroundTask.Handle previous = loading.remove(side);
        if (previous != null) {
            previous.cancel();
        }
        busy.set(true);
        BackgroundTask.Handle handle = BackgroundTask.of("Read ticket " + side, ctx -> TicketViewModel.read(path))
                .onSuccess(loaded -> {
                    // A result that was overtaken (another pick, a swap) is dropped.
                    if (path.equals(requested.get(side))) {
                        show(side, loaded);
                    }
                })
                .onFailure(e -> {
                    String title = "Cannot read ticket " + side + " (" + nameOf(path) + ")";
                    if (!quiet) {
                        notifier.error(title, UserMessages.describe(e));
                    }
                    if (path.equals(requested.get(side))) {
                        requested.remove(side);
                        show(side, null);
                        summary.set(title + ": " + UserMessages.describe(e));
                    }
                })
                .onDone(() -> {
                    loading.remove(side);
                    busy.set(!loading.isEmpty());
                })
                .run(runner);
        if (!handle.isDone()) {
            loading.put(side, handle);
        } else {
            busy.set(!loading.isEmpty());
        }
        return handle;
    }

    /** Swaps A and B. */
    public void swap() {
        TicketViewModel.Loaded a = tickets.get(Side.A).get();
        TicketViewModel.Loaded b = tickets.get(Side.B).get();
        Path ra = requested.get(Side.A);
        Path rb = requested.get(Side.B);
        put(requested, Side.A, rb);
        put(requested, Side.B, ra);
        tickets.get(Side.A).set(b);
        tickets.get(Side.B).set(a);
        refresh();
    }

    /** Picks a layer in both graphs (null clears the pick). */
    public void selectLayer(String layer) {
        selectedLayer.set(layer);
        for (GraphViewModel g : graphs.values()) {
            g.selectLayer(layer);
        }
    }

    /** The tooltip of a node in one side's graph: its numbers there, and what the other ticket has. */
    public String describe(Side side, GraphNode node) {
        GraphFrame own = graphs.get(side).getFrame();
        String text = GraphViewModel.describe(own, node).replace("\nclick: show its mask heatmap", "");
        Side other = side == Side.A ? Side.B : Side.A;
        GraphFrame theirs = graphs.get(other).getFrame();
        if (node == null || node.layer() == null || theirs == null) {
            return text;
        }
        GraphNode there = theirs.graph().nodeOfLayer(node.layer());
        String elsewhere;
        if (there == null) {
            elsewhere = "not in its supernet";
        } else {
            NodeState s = theirs.node(there.id());
            elsewhere = s.removed() ? "removed" : String.format(Locale.ROOT,
                    "%d / %d channels, %.1f%% of weights alive", s.channels(), s.maxChannels(),
                    100 * s.aliveFraction());
        }
        return text + "\nin " + other + ": " + elsewhere + "\nclick: select in both graphs";
    }

    /** A ticket's name: the run it came from, else its folder. */
    public static String nameOf(TicketViewModel.Loaded t) {
        TicketProvenance p = t.manifest().provenance();
        return p != null && p.sourceRun() != null && !p.sourceRun().isBlank() ? p.sourceRun() : nameOf(t.folder());
    }

    private void show(Side side, TicketViewModel.Loaded loaded) {
        tickets.get(side).set(loaded);
        refresh();
    }

    private void refresh() {
        for (Side s : Side.values()) {
            TicketViewModel.Loaded t = tickets.get(s).get();
            if (t == null) {
                graphs.get(s).showSupernet(null);
            } else {
                graphs.get(s).show(t.supernet(), t.snapshot(), s + ": " + nameOf(t));
            }
        }
        TicketViewModel.Loaded a = tickets.get(Side.A).get();
        TicketViewModel.Loaded b = tickets.get(Side.B).get();
        if (a == null || b == null) {
            diff.set(null);
            changedLayers.set(Set.of());
            summary.set("Pick " + (a == null && b == null ? "two tickets" : "ticket " + (a == null ? "A" : "B"))
                    + ": select two runs in the table, or choose A and B above.");
            return;
        }
        TicketDiff d = TicketDiff.of(a.manifest(), a.supernet(), b.manifest(), b.supernet());
        diff.set(d);
        changedLayers.set(d.changedLayers());
        summary.set(describe(d, a.folder().equals(b.folder())));
        selectLayer(selectedLayer.get());
    }

    static String describe(TicketDiff d, boolean sameTicket) {
        if (sameTicket) {
            return "A and B are the same ticket.";
        }
        long removed = d.channels().stream().filter(c -> c.kind() == ChannelChange.Kind.REMOVED_IN_B).count();
        long added = d.channels().stream().filter(c -> c.kind() == ChannelChange.Kind.ONLY_IN_B).count();
        long resized = d.channels().stream().filter(c -> c.kind() == ChannelChange.Kind.NARROWED
                || c.kind() == ChannelChange.Kind.WIDENED).count();
        String parts = removed + added + resized == 0 ? "same architecture"
                : removed + " part" + (removed == 1 ? "" : "s") + " removed in B, " + added + " removed in A, "
                        + resized + " with other widths";
        return parts + " · " + d.metrics().get(0).name() + " " + d.metrics().get(0).formatDelta() + " · "
                + d.metrics().get(3).name() + " " + d.metrics().get(3).formatDelta()
                + (d.sameSupernet() ? "" : " · different supernets (each graph has its own layout)");
    }

    private static String nameOf(Path folder) {
        Path name = folder.getFileName();
        Path parent = folder.getParent();
        // A run's ticket lives in <run>/ticket: the run's name says more than "ticket".
        if (name != null && "ticket".equals(name.toString()) && parent != null && parent.getFileName() != null) {
            return parent.getFileName().toString();
        }
        return name == null ? folder.toString() : name.toString();
    }

    private static Path normal(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize();
    }

    private static void put(Map<Side, Path> map, Side side, Path value) {
        if (value == null) {
            map.remove(side);
        } else {
            map.put(side, value);
        }
    }
}
