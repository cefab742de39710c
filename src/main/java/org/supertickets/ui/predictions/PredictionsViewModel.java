package org.supertickets.ui.predictions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.supertickets.data.DatasetDescription;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.PredictedMasks;
import org.supertickets.train.PredictionCanvases;
import org.supertickets.train.RunFinished;
import org.supertickets.train.SegmentationMetrics;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.ShownRefresh;
import org.supertickets.ui.task.TaskRunner;

/**
 * The Predictions tab without a window: for the selected segmentation run, its recorded test canvases with the
 * prediction at the time cursor (the newest while the cursor follows the run), the class legend and the per-class
 * IoU of that evaluation. Everything it needs is already in the run's history (the feed decoded nothing yet; the
 * few kilobytes of a record are inflated here, on a change of the shown record only). A classification run's
 * confusion matrices are {@link #confusion()}'s. UI thread only.
 */
public final class PredictionsViewModel {

    private final TimelineViewModel timeline;
    private final ReadOnlyObjectWrapper<PredictionsFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper segmentation = new ReadOnlyBooleanWrapper(this, "segmentation");
    private final ReadOnlyBooleanWrapper classification = new ReadOnlyBooleanWrapper(this, "classification");
    private final ConfusionViewModel confusion;
    private final InsideImageViewModel inside;
    private final BooleanProperty oneImage = new SimpleBooleanProperty(this, "oneImage");
    private final ShownRefresh shown = new ShownRefresh(this::refresh);
    private Path folder;
    private SearchSpaceConfig config;
    private RunHistory history;
    /** The canvases decoded last, and their pixels: they never change during a run. */
    private PredictionCanvases decoded;
    private byte[] images;
    private byte[] truth;
    /** What the shown frame was built from, so an unchanged cursor and record build nothing. */
    private PredictedMasks shownMasks;
    private Object shownIou;

    /** The tab of the app: a classification run's example images are read from its dataset on {@code runner}. */
    public PredictionsViewModel(TimelineViewModel timeline, TaskRunner runner) {
        this(timeline, new ConfusionViewModel(timeline, runner, ConfusionViewModel.FROM_DATASET),
                new InsideImageViewModel(runner));
    }

    /**
     * @param confusion what the tab shows of a classification run, on the same time cursor
     * @param inside    what it shows of one test image of a classification run
     */
    public PredictionsViewModel(TimelineViewModel timeline, ConfusionViewModel confusion,
            InsideImageViewModel inside) {
        this.timeline = timeline;
        this.confusion = confusion;
        this.inside = inside;
        confusion.activeProperty().bind(shown.shownProperty());
        inside.activeProperty().bind(shown.shownProperty().and(oneImage));
        timeline.currentProperty().addListener((o, a, b) -> refresh());
        timeline.followingProperty().addListener((o, a, b) -> refresh());
        show(null, null, null);
    }

    /** The one time cursor the predictions follow (the view scrubs it too). */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** What to draw; null while there is nothing ({@link #messageProperty()} says why). */
    public ReadOnlyObjectProperty<PredictionsFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public PredictionsFrame getFrame() {
        return frame.get();
    }

    /** Why nothing is drawn (no run, a classification run, no evaluation yet); empty while a frame is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the selected run is a segmentation run (canvases, legend and IoU). */
    public ReadOnlyBooleanProperty segmentationProperty() {
        return segmentation.getReadOnlyProperty();
    }

    /** Whether the selected run is a classification run ({@link #confusion()} draws it). */
    public ReadOnlyBooleanProperty classificationProperty() {
        return classification.getReadOnlyProperty();
    }

    /** The confusion matrices and most-confused test images of a classification run. */
    public ConfusionViewModel confusion() {
        return confusion;
    }

    /**
     * Whether the tab is on screen (the window binds it to the tab's selection). While it is not, nothing is built:
     * refreshes mark the tab stale, and it catches up when shown.
     */
    public BooleanProperty activeProperty() {
        return shown.shownProperty();
    }

    /** One test image of a classification run, inside its networks. */
    public InsideImageViewModel inside() {
        return inside;
    }

    /** Whether a classification run shows one test image inside its networks rather than its confusion matrix. */
    public BooleanProperty oneImageProperty() {
        return oneImage;
    }

    /** Shows test image {@code index} inside the run's networks (e.g. one of the most-confused images). */
    public void lookInside(int index) {
        inside.indexProperty().set(index);
        oneImage.set(true);
    }

    /**
     * Shows another run (or none: null config), or the same run's history started afresh.
     *
     * @param config  the run's resolved config
     * @param folder  its folder; null while it has none (queued)
     * @param history its events so far (the predictions among them)
     */
    public void show(SearchSpaceConfig config, Path folder, RunHistory history) {
        this.config = config;
        this.history = history;
        this.folder = folder;
        inside.show(config, folder, history);
        segmentation.set(config != null && config.taskKind() == Task.SEGMENTATION);
        classification.set(config != null && config.taskKind() == Task.CLASSIFICATION);
        confusion.show(config, history);
        shownMasks = null;
        shownIou = null;
        refresh();
    }

    /**
     * The shown run's folder now: a queued run gets one when it starts, and its networks can be read from then on.
     */
    public void followFolder(Path now) {
        if (config != null && now != null && !now.equals(folder)) {
            folder = now;
            inside.show(config, now, history);
        }
    }

    /** New events arrived in the shown history: shows the newest prediction if the cursor follows the run. */
    public void refresh() {
        inside.refresh();
        if (!shown.mayRun()) {
            return;
        }
        if (config == null) {
            clear("No run selected. Select a run in Runs: for a classification run this tab shows what it took for "
                    + "what at every evaluation (its confusion matrix) and the test images its ticket confuses most; "
                    + "for a segmentation run (sample-configs/segmentation-demo.json) a few test canvases with the "
                    + "network's prediction at every evaluation.");
            return;
        }
        if (classification.get()) {
            clear("");
            confusion.refresh();
            return;
        }
        PredictionCanvases canvases = history == null ? null : history.predictionCanvases();
        List<PredictedMasks> all = history == null ? List.of() : history.predictions();
        if (canvases == null || all.isEmpty()) {
            boolean ended = history != null && history.finished() != null;
            clear(ended ? "This run recorded no predictions (its folder holds no predictions.jsonl: it was written "
                    + "before the workbench recorded them, or the run ended before its first evaluation)."
                    : String.format(Locale.ROOT, "Waiting for the first evaluation: every %s epochs the run predicts "
                    + "its first test canvases, and they appear here.", number(config.search().evalIntervalEpochs())));
            return;
        }
        ConnectivitySnapshot cursor = timeline.current();
        boolean follows = cursor == null || timeline.followingProperty().get();
        PredictedMasks masks = follows ? all.get(all.size() - 1) : history.predictionAt(cursor.step());
        if (masks == null) {
            clear(String.format(Locale.ROOT, "No evaluation yet at the time cursor (step %d): the first prediction "
                    + "is at step %d. Move the cursor right, or to the end to follow the run.", cursor.step(),
                    all.get(0).step()));
            return;
        }
        Object iou = iouSource(masks);
        if (masks == shownMasks && iou == shownIou && frame.get() != null) {
            return;
        }
        try {
            frame.set(build(canvases, masks, iou, follows));
            message.set("");
            shownMasks = masks;
            shownIou = iou;
        } catch (IllegalArgumentException e) {
            clear("The run's predictions.jsonl holds a damaged record at step " + masks.step() + " (" + e.getMessage()
                    + "); the other steps still show.");
        }
    }

    private void clear(String why) {
        frame.set(null);
        message.set(why);
        shownMasks = null;
        shownIou = null;
    }

    /** The event whose IoU belongs to {@code masks}: the ticket's end of run, or the evaluation at its step. */
    private Object iouSource(PredictedMasks masks) {
        if (masks.ofTicket()) {
            return history.finished();
        }
        List<EvalMetrics> evals = history.evals();
        for (int i = evals.size() - 1; i >= 0; i--) {
            if (evals.get(i).step() == masks.step()) {
                return evals.get(i);
            }
        }
        return null;
    }

    private PredictionsFrame build(PredictionCanvases canvases, PredictedMasks masks, Object iouSource,
            boolean follows) {
        if (canvases != decoded) {
            images = canvases.imageBytes();
            truth = canvases.truthBytes();
            decoded = canvases;
        }
        int w = canvases.width();
        int h = canvases.height();
        int plane = w * h;
        int n = Math.min(canvases.count(), masks.canvases());
        if (masks.width() != w || masks.height() != h) {
            throw new IllegalArgumentException("predictions of " + masks.width() + "x" + masks.height()
                    + " for canvases of " + w + "x" + h);
        }
        byte[] predicted = masks.classBytes();
        List<PredictionsFrame.Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int right = 0;
            int[] t = new int[plane];
            int[] p = new int[plane];
            for (int k = 0; k < plane; k++) {
                int trueClass = truth[i * plane + k] & 0xff;
                int predictedClass = predicted[i * plane + k] & 0xff;
                t[k] = ClassColours.argb(trueClass);
                p[k] = ClassColours.argb(predictedClass);
                right += trueClass == predictedClass ? 1 : 0;
            }
            rows.add(new PredictionsFrame.Row("test canvas " + (canvases.testIndices()[i] + 1),
                    inputPixels(images, i, canvases.channels(), plane), t, p, (double) right / plane));
        }
        SegmentationMetrics metrics = iouSource instanceof EvalMetrics e ? e.segmentation()
                : iouSource instanceof RunFinished f ? f.testSegmentation() : null;
        List<String> names = classNames(canvases.classes());
        double[] iou = metrics == null ? null : metrics.classIou();
        List<PredictionsFrame.ClassRow> classes = new ArrayList<>(canvases.classes());
        for (int c = 0; c < canvases.classes(); c++) {
            classes.add(new PredictionsFrame.ClassRow(c, names.get(c), ClassColours.argb(c),
                    iou != null && c < iou.length ? iou[c] : Double.NaN));
        }
        String title = masks.ofTicket()
                ? String.format(Locale.ROOT, "The ticket · step %d · epoch %.2f", masks.step(), masks.epoch())
                : String.format(Locale.ROOT, "Evaluation at step %d · epoch %.2f", masks.step(), masks.epoch());
        int index = history.predictions().indexOf(masks) + 1;
        String detail = String.format(Locale.ROOT, "%s · prediction %d of %d · the first %d test canvases, the "
                + "network as %s (BN re-estimated)", follows ? "following the run" : "at the time cursor", index,
                history.predictions().size(), n, masks.ofTicket() ? "extracted at the end of the run"
                : "this evaluation measured it");
        return new PredictionsFrame(masks.step(), title, detail, w, h, rows, classes, summary(metrics, iouSource));
    }

    private String summary(SegmentationMetrics metrics, Object source) {
        if (metrics == null) {
            return "No IoU was recorded for this prediction.";
        }
        String split;
        if (source instanceof RunFinished) {
            split = "all " + images(history.started() == null ? 0 : history.started().testImages()) + "test canvases";
        } else {
            EvalMetrics e = (EvalMetrics) source;
            int count = history.started() == null ? 0
                    : e.onTestSet() ? history.started().testImages() : history.started().validationImages();
            split = "all " + images(count) + (e.onTestSet() ? "test" : "validation") + " canvases";
        }
        return String.format(Locale.ROOT, "mIoU %.3f · objects only %.3f · measured on %s", metrics.meanIou(),
                metrics.meanIouWithoutBackground(), split);
    }

    private static String images(int count) {
        return count > 0 ? count + " " : "";
    }

    /** The dataset's class names (background first), or {@code class k} where it names none. */
    private List<String> classNames(int classes) {
        List<String> named = DatasetDescription.of(config.data()).classNames();
        List<String> names = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            names.add(named != null && named.size() == classes ? named.get(c) : c == 0 ? "background" : "class " + c);
        }
        return names;
    }

    /** Canvas {@code i} as ARGB: grey for one channel, RGB for three (the first three of others). */
    static int[] inputPixels(byte[] images, int i, int channels, int plane) {
        int[] out = new int[plane];
        int base = i * channels * plane;
        for (int k = 0; k < plane; k++) {
            int r = images[base + k] & 0xff;
            int g = channels >= 3 ? images[base + plane + k] & 0xff : r;
            int b = channels >= 3 ? images[base + 2 * plane + k] & 0xff : r;
            out[k] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * How many canvases per line fit a {@code width} x {@code height} area best: the choice that gives every image the
     * largest square side, each canvas being three images side by side under a caption line.
     *
     * @param gap     space between images and between canvases
     * @param caption height of a canvas's caption and image labels
     * @return {columns, side of one image}
     */
    public static double[] fit(double width, double height, int canvases, double gap, double caption) {
        double bestSide = 0;
        int bestColumns = 1;
        for (int columns = 1; columns <= Math.max(1, canvases); columns++) {
            int lines = (int) Math.ceil((double) canvases / columns);
            double byWidth = ((width - (columns - 1) * 2 * gap) / columns - 2 * gap) / 3;
            double byHeight = (height - (lines - 1) * gap) / lines - caption;
            double side = Math.min(byWidth, byHeight);
            if (side > bestSide) {
                bestSide = side;
                bestColumns = columns;
            }
        }
        return new double[] {bestColumns, Math.max(0, bestSide)};
    }
}
