package org.supertickets.ui.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.prune.SparsitySchedule;
import org.supertickets.space.Architecture;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.ShrinkEvent;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.session.RunHistory;

/**
 * The live monitor's data: six charts fed by training events in batches (the UI drains events ~10 times a
 * second, never per batch), the planned sparsity drawn before the run starts, and the shared time cursor.
 * {@link #revisionProperty()} changes once per batch, which is when the view repaints.
 */
public final class MonitorViewModel {

    private final ChartModel accuracy = new ChartModel("accuracy", "Accuracy", "epoch", "accuracy").asShare();
    private final ChartModel loss = new ChartModel("loss", "Loss (cross-entropy)", "epoch", "loss");
    private final ChartModel sparsity = new ChartModel("sparsity", "Weight sparsity", "epoch", "share pruned")
            .asShare();
    private final ChartModel cost = new ChartModel("cost", "MACs and params (% of supernet)", "epoch",
            "% of supernet");
    private final ChartModel learningRate = new ChartModel("learning-rate", "Learning rate", "epoch",
            "learning rate");
    private final ChartModel pruning = new ChartModel("pruning-events", "Pruning events: weights moved", "epoch",
            "weights");

    private final SeriesModel trainAccuracy = accuracy.add("train", SeriesModel.Style.LINE).withSmoothing();
    private final SeriesModel validationAccuracy = accuracy.add("validation", SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel trainLoss = loss.add("train", SeriesModel.Style.LINE).withSmoothing();
    private final SeriesModel validationLoss = loss.add("validation", SeriesModel.Style.LINE).withMarkers();
    /** A run without a validation split is evaluated on the test set (official); its curves say so. */
    private final SeriesModel testAccuracy = accuracy.add("test set (no validation split)", SeriesModel.Style.LINE)
            .withMarkers();
    private final SeriesModel testLoss = loss.add("test set (no validation split)", SeriesModel.Style.LINE)
            .withMarkers();
    /*
     * Segmentation: mean IoU beside the pixel accuracy, with the background class and without it (a model that
     * paints everything background scores a high pixel accuracy and a mean IoU near 1/classes).
     */
    private final SeriesModel validationMeanIou = accuracy.add("validation mIoU (background included)",
            SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel validationObjectsIou = accuracy.add("validation mIoU (objects only)",
            SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel testMeanIou = accuracy.add("test-set mIoU (background included, no validation split)",
            SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel testObjectsIou = accuracy.add("test-set mIoU (objects only, no validation split)",
            SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel plannedSparsity = sparsity.add("planned", SeriesModel.Style.DASHED);
    private final SeriesModel actualSparsity = sparsity.add("actual", SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel macs = cost.add("MACs (dense)", SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel sparseMacs = cost.add("MACs (sparse, official)", SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel keptParams = cost.add("params alive", SeriesModel.Style.LINE).withMarkers();
    private final SeriesModel macsTarget = cost.add("MACs target (our extension)", SeriesModel.Style.DASHED);
    private final SeriesModel lr = learningRate.add("learning rate", SeriesModel.Style.LINE);
    // The kinds of docs/metrics.md: a prune counts against the previous prune; a shrink's resets at the shrink.
    private final SeriesModel reactivated = pruning.add("back by re-ranking (since the previous prune)",
            SeriesModel.Style.BARS);
    private final SeriesModel newlyPruned = pruning.add("newly pruned (since the previous prune)",
            SeriesModel.Style.BARS);
    private final SeriesModel resetByShrink = pruning.add("reset by a shrink", SeriesModel.Style.BARS);
    /** Shaded on every chart: where masks were dense after a shrink. */
    private final DenseSpansViewModel dense = new DenseSpansViewModel();
    /** Not charted: the throughput the headline quotes at the cursor. */
    private final SeriesModel imagesPerSecond = new SeriesModel("images/s", SeriesModel.Style.LINE);

    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    /** Other runs' held-out curves drawn over this run's, by run name, in the order they were added. */
    private final javafx.collections.ObservableMap<String, OverlayCurves> overlays =
            javafx.collections.FXCollections.observableMap(new java.util.LinkedHashMap<>());
    /** TensorBoard's smoothing of the per-step curves, 0 (off) to 0.99. */
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0);
    private final ReadOnlyDoubleWrapper cursorEpoch = new ReadOnlyDoubleWrapper(this, "cursorEpoch", Double.NaN);
    private final ReadOnlyDoubleWrapper epochs = new ReadOnlyDoubleWrapper(this, "epochs", 1);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "No run yet");
    /** TensorBoard's "Horizontal axis": what the user chose. */
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(this, "xAxis", XAxis.EPOCH);
    /** What the charts plot against: the choice, or the epoch while the run cannot be placed on it. */
    private final ReadOnlyObjectWrapper<XAxis> shownAxis = new ReadOnlyObjectWrapper<>(this, "shownAxis",
            XAxis.EPOCH);
    private final ReadOnlyStringWrapper axisNote = new ReadOnlyStringWrapper(this, "axisNote", "");
    /** The shown run's moments: every chart's x, and every marker's, on the shown axis (see {@link RunClock}). */
    private final RunClock clock = new RunClock();
    /** The clock times of the wall axis's read-out are in this zone (the user's; tests fix one). */
    private ZoneId zone = ZoneId.systemDefault();

    private double supernetMacs = 1;
    private double supernetParams = 1;
    private double pruneInterval = 1;
    private double latestEpoch;
    private RunFinished finished;
    private boolean measured;
    /** Whether the run segments: its accuracy is per pixel, and mean IoU is charted beside it. */
    private boolean segmentation;
    /** The latest shrink, while its sparsity waits to be charted: not yet known to train before a prune. */
    private ShrinkEvent shrinkSparsity;
    /** The cursor stands for "now": the timeline follows the newest snapshot of the run. */
    private boolean cursorAtNewest = true;

    public MonitorViewModel() {
        xAxis.addListener((o, was, now) -> showAxis());
    }

    public List<ChartModel> charts() {
        return List.of(accuracy, loss, sparsity, cost, learningRate, pruning);
    }

    /**
     * What the charts should plot against (TensorBoard's "Horizontal axis"): epoch (the default), step, time since
     * the run's first event, or clock time. The series keep their epochs; the view puts them on this axis.
     */
    public ObjectProperty<XAxis> xAxisProperty() {
        return xAxis;
    }

    /**
     * The axis the charts plot against now: the chosen one, or the epoch while the shown run cannot be placed on it
     * (its log has no wall-clock times, or there is no run yet); {@link #axisNoteProperty()} then says why.
     */
    public ReadOnlyObjectProperty<XAxis> shownAxisProperty() {
        return shownAxis.getReadOnlyProperty();
    }

    /**
     * Why the chosen axis is not the one shown ("no wall-clock times in this run's log": a folder written before
     * the field; "no run yet": the planned curves); empty when it is.
     */
    public ReadOnlyStringProperty axisNoteProperty() {
        return axisNote.getReadOnlyProperty();
    }

    /** {@code epoch} on the shown axis (a point's or a marker's x); NaN where the run has no such moment. */
    public double toShownX(double epoch) {
        return clock.toAxis(epoch, shownAxis.get());
    }

    /**
     * Where a marker at {@code epoch} (the time cursor, a shaded span's end) stands on the shown axis: past the
     * newest moment a time axis knows (a snapshot read before its metrics line), at that moment, the run's "now".
     */
    public double markerX(double epoch) {
        return toShownX(Math.min(epoch, shownUntilEpoch()));
    }

    /** The epoch at a value of the shown axis (where the mouse is); NaN where the run has no such moment. */
    public double epochAtShownX(double x) {
        return clock.toEpoch(x, shownAxis.get());
    }

    /** The newest epoch with a place on the shown axis (a time axis does not reach past the newest timed event). */
    public double shownUntilEpoch() {
        return clock.knownUntil(shownAxis.get());
    }

    /** A value of the shown axis as the hover read-out prints it ("epoch 2.35", "time 1:02:03", "at 21:47:03"). */
    public String describeShownX(double x) {
        return shownAxis.get().describe(x, zone);
    }

    /** The time zone of the wall axis's read-out (tests fix one; the charts' date axis uses the default zone). */
    void setZone(ZoneId zone) {
        this.zone = zone;
    }

    /** The shown axis follows the choice where the run can be placed on it, and says why not where it cannot. */
    private void showAxis() {
        XAxis chosen = xAxis.get();
        String note = "";
        if (!clock.supports(chosen)) {
            note = !measured ? "no run yet" : chosen.timed() ? "no wall-clock times in this run's log"
                    : "no steps in this run's log yet";
        }
        axisNote.set(note);
        shownAxis.set(note.isEmpty() ? chosen : XAxis.EPOCH);
    }

    /** Where the shown run's masks were dense after a shrink (shaded on the charts, marked on the timeline). */
    public DenseSpansViewModel dense() {
        return dense;
    }

    /** The weight on the past of the per-step curves' moving average: 0 shows them raw (TensorBoard's slider). */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** The runs overlaid on the charts (TensorBoard's several runs at once), by name; the view listens to it. */
    public javafx.collections.ObservableMap<String, OverlayCurves> overlays() {
        return overlays;
    }

    /** Draws (or redraws, as it grows) another run's curves over this run's. UI thread. */
    public void overlay(OverlayCurves curves) {
        overlays.put(curves.name(), curves);
    }

    /** Takes a run's curves off the charts. UI thread. */
    public void removeOverlay(String name) {
        overlays.remove(name);
    }

    /** Changes after every batch of new data: the moment to repaint. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The epoch of the shared time cursor; NaN when there is none. */
    public ReadOnlyDoubleProperty cursorEpochProperty() {
        return cursorEpoch.getReadOnlyProperty();
    }

    public void setCursorEpoch(double epoch) {
        setCursorEpoch(epoch, false);
    }

    /**
     * Moves the cursor; the headline then describes the same moment as the charts there. {@code atNewest} says
     * the cursor follows the run: the headline shows the latest numbers, step metrics newer than the last
     * snapshot included.
     */
    public void setCursorEpoch(double epoch, boolean atNewest) {
        cursorAtNewest = atNewest;
        cursorEpoch.set(epoch);
        if (measured) {
            headline.set(describe());
        }
    }

    /** Length of the run in epochs: the charts' x range, known before the run starts. */
    public ReadOnlyDoubleProperty epochsProperty() {
        return epochs.getReadOnlyProperty();
    }

    /** One line with the numbers at the cursor (the latest ones while it follows the run). */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The bar width for pruning events (a fraction of the interval between them), on the shown axis. */
    public double barWidth() {
        double perEpoch = clock.perEpoch(shownAxis.get());
        return pruneInterval * 0.35 * (Double.isNaN(perEpoch) ? 1 : perEpoch);
    }

    /**
     * Shows what the config plans before any event arrives: the sparsity schedule (dashed) and the MACs target.
     * Clears the measured curves.
     */
    public void plan(SearchSpaceConfig resolved) {
        charts().forEach(ChartModel::clear);
        dense.clear(); // planned curves: a config's cadence is not a run's events
        shrinkSparsity = null;
        showTask(Architecture.supernet(resolved).segments());
        imagesPerSecond.clear();
        measured = false;
        finished = null;
        latestEpoch = 0;
        clock.clear();
        showAxis();
        Architecture supernet = Architecture.supernet(resolved);
        supernetMacs = Math.max(1, supernet.macs()); // the decoder included, for segmentation
        supernetParams = Math.max(1, supernet.params());
        epochs.set(resolved.training().epochs());
        pruneInterval = resolved.pruning().intervalEpochs();
        SparsitySchedule schedule = new SparsitySchedule(resolved.pruning());
        double end = resolved.training().epochs();
        double previous = schedule.plannedAt(0);
        plannedSparsity.add(0, previous);
        // Staircase: a vertical step at each event; cubic: dense samples between events.
        int samples = "cubic".equals(resolved.pruning().schedule()) ? 8 : 1;
        for (int k = 1; k * pruneInterval <= end + 1e-9; k++) {
            for (int s = 1; s <= samples; s++) {
                double x = (k - 1 + (double) s / samples) * pruneInterval;
                double y = schedule.plannedAt(x);
                if (samples == 1) {
                    plannedSparsity.add(x, previous);
                }
                plannedSparsity.add(x, y);
                previous = y;
            }
        }
        plannedSparsity.add(end, schedule.plannedAt(end));
        long target = resolved.search().macsTarget() == null ? 0 : resolved.search().macsTarget();
        if (target > 0 && resolved.search().enabled()) {
            macsTarget.add(0, 100.0 * target / supernetMacs);
            macsTarget.add(end, 100.0 * target / supernetMacs);
        }
        headline.set("Planned: " + resolved.training().epochs() + " epochs, sparsity target "
                + pct(resolved.pruning().enabled() ? resolved.pruning().targetSparsity() : 0)
                + (target > 0 ? ", MACs target " + pct((double) target / supernetMacs) + " of the supernet" : ""));
        revision.set(revision.get() + 1);
    }

    /** Plans from the config and replays a whole history (when another run is selected). */
    public void reset(SearchSpaceConfig resolved, RunHistory history) {
        plan(resolved);
        accept(history.all(), history::timeOf);
    }

    /** Adds a batch of events without wall-clock times, then signals one repaint. */
    public void accept(Collection<? extends TrainingEvent> events) {
        accept(events, e -> null);
    }

    /**
     * Adds a batch of events, then signals one repaint. {@code timeOf} gives when each event's log line was written
     * (null when it does not say): the time axes place the run by it.
     */
    public void accept(Collection<? extends TrainingEvent> events, Function<TrainingEvent, Instant> timeOf) {
        if (events.isEmpty()) {
            return;
        }
        for (TrainingEvent e : events) {
            clock.add(e.epoch(), e.step(), timeOf.apply(e));
            latestEpoch = Math.max(latestEpoch, e.epoch());
            chartShrinkSparsity(e);
            if (e instanceof StepMetrics s) {
                trainAccuracy.add(s.epoch(), s.trainAccuracy());
                trainLoss.add(s.epoch(), s.trainLoss());
                lr.add(s.epoch(), s.learningRate());
                imagesPerSecond.add(s.epoch(), s.imagesPerSecond());
            } else if (e instanceof EvalMetrics v) {
                (v.onTestSet() ? testAccuracy : validationAccuracy).add(v.epoch(), v.validationAccuracy());
                (v.onTestSet() ? testLoss : validationLoss).add(v.epoch(), v.validationLoss());
                if (v.segmentation() != null) {
                    showTask(true);
                    (v.onTestSet() ? testMeanIou : validationMeanIou).add(v.epoch(), v.segmentation().meanIou());
                    (v.onTestSet() ? testObjectsIou : validationObjectsIou).add(v.epoch(),
                            v.segmentation().meanIouWithoutBackground());
                }
                actualSparsity.add(v.epoch(), v.sparsity());
                macs.add(v.epoch(), 100.0 * v.macs() / supernetMacs);
                sparseMacs.add(v.epoch(), 100.0 * v.sparseMacs() / supernetMacs);
                keptParams.add(v.epoch(), 100.0 * v.keptParams() / supernetParams);
            } else if (e instanceof PruneEvent p) {
                actualSparsity.add(p.epoch(), p.sparsity());
                // an older run folder does not split its pruned→alive count by kind: all of it is shown here
                reactivated.add(p.epoch(), p.backByReranking());
                newlyPruned.add(p.epoch(), p.newlyPruned());
            } else if (e instanceof ShrinkEvent s) {
                macs.add(s.epoch(), 100.0 * s.macsAfter() / supernetMacs);
                shrinkSparsity = Double.isNaN(s.sparsityAfter()) ? null : s;
                if (s.resetByShrink() != null) {
                    resetByShrink.add(s.epoch(), s.resetByShrink());
                }
            } else if (e instanceof RunStarted r) {
                if (r.supernet() != null) {
                    showTask(r.supernet().segments());
                }
                supernetMacs = Math.max(1, r.supernetMacs());
                supernetParams = Math.max(1, r.supernetParams());
                if (r.stepsPerEpoch() > 0) {
                    epochs.set(Math.max(epochs.get(), (double) r.totalSteps() / r.stepsPerEpoch()));
                }
            } else if (e instanceof RunFinished f) {
                finished = f;
            }
        }
        dense.accept(events);
        measured = true;
        showAxis();
        headline.set(describe());
        revision.set(revision.get() + 1);
    }

    /**
     * The sparsity right after a shrink (a reset's dip, shaded as dense until the next prune) is charted once the run
     * trains past the shrink's step; a prune on the same step overwrites the fresh masks before any training, so
     * that dip never happened to the weights and is left out, as it is from the shading.
     */
    private void chartShrinkSparsity(TrainingEvent next) {
        if (shrinkSparsity == null) {
            return;
        }
        if (next.step() > shrinkSparsity.step()) {
            actualSparsity.add(shrinkSparsity.epoch(), shrinkSparsity.sparsityAfter());
            shrinkSparsity = null;
        } else if (next instanceof PruneEvent) {
            shrinkSparsity = null;
        }
    }

    /**
     * The headline at the cursor, read from the charts' own series: at an epoch with an evaluation, a shrink and
     * a pruning event, the sparsity and MACs after them, as the curves show there (not the evaluation's, taken
     * before them).
     */
    private String describe() {
        boolean now = cursorAtNewest || Double.isNaN(cursorEpoch.get());
        double moment = now ? Double.POSITIVE_INFINITY : cursorEpoch.get();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %.2f / %.0f", now ? latestEpoch
                : moment, epochs.get()));
        // Segmentation's accuracy is per pixel: it says so wherever it is quoted, and mean IoU stands beside it.
        String acc = segmentation ? " pixel acc " : " acc ";
        int step = trainAccuracy.lastIndexAtOrBefore(moment);
        if (step >= 0) {
            sb.append(String.format(Locale.ROOT, " · train%s%s · loss %.3f · %.0f img/s", acc,
                    pct(trainAccuracy.y(step)), trainLoss.y(step), imagesPerSecond.y(step)));
        }
        int eval = validationAccuracy.lastIndexAtOrBefore(moment);
        if (eval >= 0) {
            sb.append(" · val").append(acc).append(pct(validationAccuracy.y(eval)));
            appendMeanIou(sb, " · val mIoU ", validationMeanIou, validationObjectsIou, moment);
        }
        int test = testAccuracy.lastIndexAtOrBefore(moment);
        if (test >= 0) {
            sb.append(" · TEST").append(acc).append(pct(testAccuracy.y(test)));
            appendMeanIou(sb, " · TEST mIoU ", testMeanIou, testObjectsIou, moment);
        }
        int pruned = actualSparsity.lastIndexAtOrBefore(moment);
        if (pruned >= 0) {
            sb.append(" · sparsity ").append(pct(actualSparsity.y(pruned)));
        }
        int cost = macs.lastIndexAtOrBefore(moment);
        if (cost >= 0) {
            sb.append(" · MACs ").append(pct(macs.y(cost) / 100)).append(" of supernet");
        }
        if (finished != null && finished.epoch() <= moment) {
            sb.append(" · ").append(finished.outcome().name().toLowerCase(Locale.ROOT));
            if (!Double.isNaN(finished.testAccuracy())) {
                sb.append(", ticket test").append(acc).append(pct(finished.testAccuracy()));
            }
            if (finished.testSegmentation() != null) {
                sb.append(", test mIoU ").append(pct(finished.testSegmentation().meanIou())).append(" (objects only ")
                        .append(pct(finished.testSegmentation().meanIouWithoutBackground())).append(')');
            }
        }
        return sb.toString();
    }

    /** {@code " · val mIoU 41.0% (objects only 35.2%)"} at the moment, when the curve has a point there. */
    private static void appendMeanIou(StringBuilder sb, String label, SeriesModel withBackground,
            SeriesModel objectsOnly, double moment) {
        int i = withBackground.lastIndexAtOrBefore(moment);
        if (i >= 0) {
            sb.append(label).append(pct(withBackground.y(i))).append(" (objects only ")
                    .append(pct(objectsOnly.y(objectsOnly.lastIndexAtOrBefore(moment)))).append(')');
        }
    }

    /**
     * Labels the accuracy chart for the run's task: for segmentation its accuracy curves are pixel accuracies,
     * named so, beside the mean IoU; for classification everything reads as it always did.
     */
    private void showTask(boolean segments) {
        segmentation = segments;
        accuracy.retitle(segments ? "Pixel accuracy and mean IoU (segmentation)" : "Accuracy",
                segments ? "share (pixels / IoU)" : "accuracy");
        trainAccuracy.rename(segments ? "train pixel accuracy" : "train");
        validationAccuracy.rename(segments ? "validation pixel accuracy" : "validation");
        testAccuracy.rename(segments ? "test-set pixel accuracy (no validation split)"
                : "test set (no validation split)");
    }

    /** Whether the run on the charts is a segmentation run. */
    public boolean segmentation() {
        return segmentation;
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
