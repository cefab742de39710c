package org.supertickets.ui.ticket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.model.CorruptFileException;
import org.supertickets.onnx.OnnxExport;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.report.CountFormat;
import org.supertickets.space.Architecture;
import org.supertickets.space.HeadSummary;
import org.supertickets.space.LayerKind;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketLayer;
import org.supertickets.ticket.TicketManifest;
import org.supertickets.ticket.TicketMetrics;
import org.supertickets.ticket.TicketProvenance;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.SnapshotBuilder;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * The ticket inspector: a ticket folder read in the background, its per-layer table, measures and provenance,
 * and a snapshot of it so the same graph and heatmap views can draw it.
 */
public final class TicketViewModel {

    /** What an opened ticket shows. */
    public record Loaded(Path folder, TicketManifest manifest, Architecture supernet, ConnectivitySnapshot snapshot) {
    }

    private final TaskRunner runner;
    private final Notifier notifier;
    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");
    private final ReadOnlyObjectWrapper<List<TicketLayer>> layers = new ReadOnlyObjectWrapper<>(this, "layers",
            List.of());
    private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper(this, "metrics", "");
    private final ReadOnlyStringWrapper head = new ReadOnlyStringWrapper(this, "head", "");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper(this, "provenance",
            "Open a ticket folder (a run writes it to <run>/ticket/ when it completes).");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final GraphViewModel graph = new GraphViewModel();

    public TicketViewModel(TaskRunner runner, Notifier notifier) {
        this.runner = Objects.requireNonNull(runner);
        this.notifier = Objects.requireNonNull(notifier);
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<TicketLayer>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** The task and what sits on the body for it: the head, and for segmentation the decoder and its cost. */
    public ReadOnlyStringProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The ticket's graph (its own, independent of the run's time cursor). */
    public GraphViewModel graph() {
        return graph;
    }

    /** Reads a ticket folder (or a run folder holding {@code ticket/}) in the background. */
    public BackgroundTask.Handle open(Path path) {
        busy.set(true);
        return BackgroundTask.of("Open ticket", ctx -> read(path)).onSuccess(this::show)
                .onFailure(e -> notifier.error("Cannot open ticket " + path.getFileName(), UserMessages.describe(e)))
                .onDone(() -> busy.set(false))
                .run(runner);
    }

    /**
     * Writes the open ticket to {@code file} as an ONNX model in the background; the notifier says where it went, or
     * why it could not.
     *
     * @throws IllegalStateException when no ticket is open (the button is disabled then)
     */
    public BackgroundTask.Handle exportOnnx(Path file) {
        Loaded l = loaded.get();
        if (l == null) {
            throw new IllegalStateException("no ticket is open");
        }
        busy.set(true);
        return BackgroundTask.of("Export ONNX", ctx -> OnnxExport.toOnnx(l.folder(), file))
                .onSuccess(r -> notifier.info(String.format(Locale.ROOT, "Wrote %s (%s bytes; %s of %s weights "
                        + "alive, pruned ones stored as zeros). Open it in Netron to see the graph.", r.file(),
                        CountFormat.human(r.bytes()), CountFormat.human(r.kept()),
                        CountFormat.human(r.weights()))))
                .onFailure(e -> notifier.error("Cannot export " + file.getFileName(), UserMessages.describe(e)))
                .onDone(() -> busy.set(false))
                .run(runner);
    }

    /**
     * Reads a ticket folder, the {@code ticket/} of a run folder, or the final ticket of a completed pipeline, with
     * the supernet it came from and a snapshot the graph can draw (background thread; the ticket diff reads its
     * two tickets the same way).
     */
    public static Loaded read(Path path) throws IOException, CorruptFileException {
        Path folder = ticketFolder(path);
        Ticket ticket = TicketIo.read(folder);
        TicketManifest m = ticket.manifest();
        TicketProvenance p = m.provenance();
        ConnectivitySnapshot snapshot = SnapshotBuilder.build(ticket.network(), p == null ? 0 : p.steps(),
                p == null ? 0 : p.epochs(), "ticket", true);
        Architecture supernet = p != null && p.config() != null ? Architecture.supernet(p.config())
                : m.architecture();
        return new Loaded(folder, m, supernet, snapshot);
    }

    private static Path ticketFolder(Path path) throws IOException, CorruptFileException {
        if (path.resolve(TicketIo.MANIFEST).toFile().isFile()) {
            return path;
        }
        if (PipelineIo.isPipeline(path)) {
            return PipelineIo.finalTicket(path);
        }
        return path.resolve("ticket").toFile().isDirectory() ? path.resolve("ticket") : path;
    }

    void show(Loaded l) {
        loaded.set(l);
        layers.set(l.manifest().layers());
        metrics.set(describe(l.manifest().metrics(), l.manifest().architecture()));
        head.set(describeHead(l.manifest().architecture()));
        provenance.set(describe(l.folder(), l.manifest().provenance()));
        graph.show(l.supernet(), l.snapshot(), "ticket");
    }

    /**
     * E.g. "Task: segmentation · output N×11×64×64 · decoder (decoder.skip + per-pixel classifier) 0.23 M MACs,
     * 10.6% of the ticket's", then the head in words.
     */
    static String describeHead(Architecture a) {
        if (a == null) {
            return "";
        }
        HeadSummary h = HeadSummary.of(a);
        String first = "Task: " + h.task().configName() + " · output " + h.outputText();
        if (a.segments()) {
            first += String.format(Locale.ROOT, " · decoder (%s) %s MACs, %.1f%% of the ticket's",
                    h.decoderLayers().stream().map(l -> l.kind() == LayerKind.CLASSIFIER ? "per-pixel " + l.name()
                            : l.name()).collect(Collectors.joining(" + ")), CountFormat.human(h.decoderMacs()),
                    100.0 * h.decoderMacs() / Math.max(1, a.macs()));
        }
        return first + "\n" + h.text();
    }

    /** The metrics of a ticket of network {@code a} (whose task says what its accuracy counts). */
    static String describe(TicketMetrics m, Architecture a) {
        if (m == null) {
            return "";
        }
        if (m.segmentation() || a != null && a.segments()) {
            // The accuracies are per pixel: they say so, and the mean IoU comes first, as segmentation reports it.
            // A segmentation ticket written before tickets kept their mean IoU has none to show.
            String iou = m.segmentation() ? "test mIoU " + pct(m.testMeanIou()) + " (objects only "
                    + pct(m.testMeanIouWithoutBackground()) + ")" : "test mIoU not in this ticket (see its run's log)";
            return String.format(Locale.ROOT, "%s · test pixel accuracy %s · validation pixel accuracy %s · weight "
                    + "sparsity %.1f%%%n", iou, pct(m.testAccuracy()), pct(m.validationAccuracy()), 100 * m.sparsity())
                    + costs(m);
        }
        return String.format(Locale.ROOT, "test accuracy %s · validation accuracy %s · weight sparsity %.1f%%%n",
                pct(m.testAccuracy()), pct(m.validationAccuracy()), 100 * m.sparsity()) + costs(m);
    }

    private static String costs(TicketMetrics m) {
        return String.format(Locale.ROOT, "MACs %s dense (%.1f%% of supernet %s), %s sparse (official), %s exact "
                + "sparse (ours)%n" + "params %s dense, %s alive (supernet %s)",
                CountFormat.human(m.macs()), m.supernetMacs() == 0 ? 0 : 100.0 * m.macs() / m.supernetMacs(),
                CountFormat.human(m.supernetMacs()), CountFormat.human(m.sparseMacs()),
                CountFormat.human(m.exactSparseMacs()), CountFormat.human(m.params()),
                CountFormat.human(m.keptParams()), CountFormat.human(m.supernetParams()));
    }

    static String describe(Path folder, TicketProvenance p) {
        if (p == null) {
            return folder + "\n(no provenance recorded)";
        }
        return "folder: " + folder + "\nsource run: " + p.sourceRun() + "\nconfig: "
                + (p.config() == null ? "?" : p.config().name()) + " · hash " + shortHash(p.configHash())
                + "\nseed: " + p.seed() + String.format(Locale.ROOT, "\ntrained: %d steps (%.2f epochs)", p.steps(),
                p.epochs()) + "\nwhat: " + p.extractedAt() + "\nengine: " + p.engine() + " on " + p.device()
                + "\ncreated: " + p.createdAt() + " by workbench " + p.workbench();
    }

    private static String shortHash(String h) {
        return h == null ? "?" : h.substring(0, Math.min(12, h.length()));
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
