package org.supertickets.ui.predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.data.DatasetDescription;
import org.supertickets.data.DatasetLoader;
import org.supertickets.data.ImageDataset;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.ConfusedPair;
import org.supertickets.train.ConfusionMatrix;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.ShownRefresh;
import org.supertickets.ui.task.TaskRunner;

/**
 * The Predictions tab of a classification run, without a window: the confusion matrix of the evaluation at the time
 * cursor (the newest while the cursor follows the run, the ticket's on the test set once the run has completed),
 * the accuracy and the most confused pair in words, and, for a completed run, the test images of its most-confused
 * pairs, read from the run's dataset in the background. Everything but the images is in the run's history. UI
 * thread only.
 */
public final class ConfusionViewModel {

    /** Reads a held-out split of a run's dataset (the indices a run records point into it). */
    @FunctionalInterface
    public interface HeldOutImages {
        /** The test split when {@code test}, else the validation split, as the run split its data. */
        ImageDataset load(SearchSpaceConfig config, boolean test) throws Exception;
    }

    /** The dataset code the runs themselves load with: the test split alone, or the run's own split of the rest. */
    public static final HeldOutImages FROM_DATASET = (config, test) -> test
            ? DatasetLoader.loadTest(config.data(), config.seed())
            : DatasetLoader.load(config.data(), config.seed()).validation();

    private final TimelineViewModel timeline;
    private final TaskRunner runner;
    private final HeldOutImages heldOutImages;
    /** The splits read so far for the shown run: the test split under true, the validation split under false. */
    private final java.util.Map<Boolean, ImageDataset> splits = new java.util.HashMap<>();
    private final ReadOnlyObjectWrapper<ConfusionFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ConfusedExamples> examples = new ReadOnlyObjectWrapper<>(this, "examples");
    private final ReadOnlyStringWrapper examplesMessage = new ReadOnlyStringWrapper(this, "examplesMessage", "");
    private SearchSpaceConfig config;
    private RunHistory history;
    /** The event the shown frame was built from, and whether it was shown following the run. */
    private Object shownSource;
    private boolean shownFollowing;
    /** The evaluation (or end of run) whose examples are shown or being read, and the read under way. */
    private Object examplesOf;
    private BackgroundTask.Handle loading;
    private final ShownRefresh shown = new ShownRefresh(this::refresh);

    public ConfusionViewModel(TimelineViewModel timeline, TaskRunner runner, HeldOutImages heldOutImages) {
        this.timeline = Objects.requireNonNull(timeline);
        this.runner = Objects.requireNonNull(runner);
        this.heldOutImages = Objects.requireNonNull(heldOutImages);
        timeline.currentProperty().addListener((o, a, b) -> refresh());
        timeline.followingProperty().addListener((o, a, b) -> refresh());

    }

    /** The matrix to draw; null while there is none ({@link #messageProperty()} says why). */
    public ReadOnlyObjectProperty<ConfusionFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ConfusionFrame getFrame() {
        return frame.get();
    }

    /** Why no matrix is drawn (no evaluation yet, none at the cursor, not recorded); empty while one is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The ticket's most-confused pairs with their images; null until the run completed and they are read. */
    public ReadOnlyObjectProperty<ConfusedExamples> examplesProperty() {
        return examples.getReadOnlyProperty();
    }

    public ConfusedExamples getExamples() {
        return examples.get();
    }

    /** Why no example images are shown (the run goes on, not recorded, being read, unreadable); empty while shown. */
    public ReadOnlyStringProperty examplesMessageProperty() {
        return examplesMessage.getReadOnlyProperty();
    }

    /**
     * Shows another run (or none: a null config or a segmentation run, which the tab draws otherwise), or the same
     * run's history started afresh.
     */
    public void show(SearchSpaceConfig config, RunHistory history) {
        boolean classifies = config != null && config.taskKind() == Task.CLASSIFICATION;
        this.config = classifies ? config : null;
        this.history = classifies ? history : null;
        shownSource = null;
        examplesOf = null;
        splits.clear();
        examples.set(null);
        if (loading != null) {
            loading.cancel();
            loading = null;
        }
        refresh();
    }

    /**
     * Whether the matrix is on screen. While it is not, refreshes only mark it stale: a live run's every evaluation
     * would otherwise rebuild a grid and its images nobody sees, on the FX thread (measured: 90 ms of its stalls
     * while the Monitor was shown).
     */
    public BooleanProperty activeProperty() {
        return shown.shownProperty();
    }

    /** New events, or a moved cursor: shows the evaluation at the cursor and, once the run completed, its images. */
    public void refresh() {
        if (!shown.mayRun()) {
            return;
        }
        if (config == null || history == null) {
            setFrame(null, "");
            examples.set(null);
            examplesMessage.set("");
            return;
        }
        refreshMatrix();
        refreshExamples();
    }

    private void refreshMatrix() {
        List<EvalMetrics> evals = history.evals();
        RunFinished finished = history.finished();
        RunFinished ticket = finished != null && finished.testConfusionMatrix() != null ? finished : null;
        if (evals.isEmpty() && ticket == null) {
            setFrame(null, finished != null ? "The run ended before its first evaluation: there is no confusion "
                    + "matrix to show." : String.format(Locale.ROOT, "Waiting for the first evaluation: every %s the "
                    + "run classifies its %sheld-out images, and what it took for what appears here.",
                    epochs(config.search().evalIntervalEpochs()), heldOutCount()));
            return;
        }
        ConnectivitySnapshot cursor = timeline.current();
        boolean follows = cursor == null || timeline.followingProperty().get();
        Object source;
        if (follows) {
            source = ticket != null ? ticket : evals.isEmpty() ? null : evals.get(evals.size() - 1);
        } else if (ticket != null && cursor.step() >= ticket.step()) {
            source = ticket;
        } else {
            source = history.evalAt(cursor.step());
            if (source == null) {
                setFrame(null, String.format(Locale.ROOT, "No evaluation yet at the time cursor (step %d): the first "
                        + "is at step %d. Move the cursor right, or to the end to follow the run.", cursor.step(),
                        evals.get(0).step()));
                return;
            }
        }
        if (source == shownSource && follows == shownFollowing && frame.get() != null) {
            return;
        }
        ConfusionMatrix matrix = source instanceof RunFinished f ? f.testConfusionMatrix()
                : ((EvalMetrics) source).confusionMatrix();
        if (matrix == null) {
            EvalMetrics e = (EvalMetrics) source;
            setFrame(null, String.format(Locale.ROOT, "The confusion matrix was not recorded in this run: its "
                    + "metrics.jsonl was written before the workbench recorded one. The evaluation at step %d measured "
                    + "an accuracy of %s (the Monitor charts it).", e.step(), percent(e.validationAccuracy())));
            return;
        }
        frame.set(build(source, matrix, follows, evals));
        message.set("");
        shownSource = source;
        shownFollowing = follows;
    }

    private ConfusionFrame build(Object source, ConfusionMatrix matrix, boolean follows, List<EvalMetrics> evals) {
        List<String> names = DatasetDescription.of(config.data()).classNamesOrNumbers(matrix.classes());
        String title;
        String which;
        String set;
        if (source instanceof RunFinished f) {
            title = String.format(Locale.ROOT, "The ticket on the test set · step %d · epoch %.2f", f.step(),
                    f.epoch());
            which = "the network extracted at the end of the run (BN re-estimated), on every test image";
            set = "test";
        } else {
            EvalMetrics e = (EvalMetrics) source;
            set = e.onTestSet() ? "test" : "validation";
            title = String.format(Locale.ROOT, "Evaluation at step %d · epoch %.2f · %s set", e.step(), e.epoch(),
                    set);
            which = String.format(Locale.ROOT, "evaluation %d of %d", evals.indexOf(e) + 1, evals.size());
        }
        String detail = (follows ? "following the run" : "at the time cursor") + " · " + which + " · rows: the true "
                + "class, columns: the class predicted; colour: share of the row";
        List<ConfusionMatrix.Cell> worst = matrix.mostConfused(1);
        ConfusionMatrix.Cell cell = worst.isEmpty() ? null : worst.get(0);
        String summary = String.format(Locale.ROOT, "Accuracy %s (%,d of %,d %s images right) · %s",
                percent(matrix.accuracy()), matrix.correct(), matrix.total(), set,
                cell == null ? "no image confused" : "most confused: " + cell.describe(names));
        long step = source instanceof RunFinished f ? f.step() : ((EvalMetrics) source).step();
        return new ConfusionFrame(step, title, detail, names, matrix, summary, cell);
    }

    /** The most-confused images of the evaluation the matrix shows (live, scrubbed, or the ticket's). */
    private void refreshExamples() {
        Object source = shownSource;
        RunFinished finishedWithout = history.finished();
        if (source == null && finishedWithout != null && finishedWithout.mostConfused() == null) {
            source = finishedWithout; // no matrix to show, and the end of the run says why there are no images
        }
        if (!(source instanceof RunFinished) && !(source instanceof EvalMetrics)) {
            examples.set(null);
            examplesMessage.set(history.finished() == null && history.evals().isEmpty() ? "When the run evaluates, "
                    + "the images it confuses most appear here: the five fullest cells off the diagonal, with up to "
                    + "six images each." : "");
            examplesOf = null;
            return;
        }
        List<ConfusedPair> pairs;
        ConfusionMatrix matrix;
        boolean test;
        String title;
        if (source instanceof RunFinished finished) {
            pairs = finished.mostConfused();
            matrix = finished.testConfusionMatrix();
            test = true;
            title = "Most confused on the test set (the ticket)";
            if (pairs == null) {
                showNoExamples(finished.testConfusionMatrix() == null && finished.outcome()
                        != RunFinished.Outcome.COMPLETED ? "The run ended (" + finished.outcome().name().toLowerCase(
                        Locale.ROOT) + ") before its ticket was evaluated on the test set: no most-confused test "
                        + "images." : "The most-confused test images were not recorded in this run (its "
                        + "metrics.jsonl was written before the workbench recorded them).");
                return;
            }
        } else {
            EvalMetrics e = (EvalMetrics) source;
            pairs = e.mostConfused();
            matrix = e.confusionMatrix();
            test = e.onTestSet();
            title = String.format(Locale.ROOT, "Most confused at step %d (%s set)", e.step(),
                    test ? "test" : "validation");
            if (pairs == null) {
                showNoExamples("The most-confused images of each evaluation were not recorded in this run (its "
                        + "metrics.jsonl was written before the workbench recorded them); the ticket's test images "
                        + "appear when the run completes.");
                return;
            }
        }
        if (pairs.isEmpty()) {
            showNoExamples("Every " + (test ? "test" : "validation") + " image was classified right: no pair to "
                    + "show.");
            return;
        }
        if (source == examplesOf) {
            return; // shown, or being read
        }
        Object shown = source;
        examplesOf = shown;
        List<String> names = DatasetDescription.of(config.data()).classNamesOrNumbers(matrix.classes());
        ImageDataset read = splits.get(test);
        if (read != null) {
            showExamples(read, pairs, names, matrix, title, test);
            return;
        }
        examples.set(null);
        String split = test ? "test" : "validation";
        examplesMessage.set("Reading the " + split + " images of " + config.data().dataset() + "…");
        SearchSpaceConfig run = config;
        if (loading != null) {
            loading.cancel();
        }
        loading = BackgroundTask.of("Reading the most-confused " + split + " images",
                ctx -> heldOutImages.load(run, test))
                .onSuccess(images -> {
                    if (run == config) {
                        splits.put(test, images);
                    }
                    if (examplesOf == shown) {
                        showExamples(images, pairs, names, matrix, title, test);
                    }
                })
                .onFailure(e -> {
                    if (examplesOf == shown) {
                        examplesMessage.set("The " + split + " images could not be read: " + e.getMessage() + " The "
                                + "counts in the matrix are from the run's own log and stand.");
                    }
                })
                .run(runner);
    }

    private void showNoExamples(String why) {
        examples.set(null);
        examplesMessage.set(why);
        examplesOf = null;
    }

    private void showExamples(ImageDataset images, List<ConfusedPair> pairs, List<String> names,
            ConfusionMatrix matrix, String title, boolean test) {
        try {
            examples.set(examplesOf(images, pairs, names, matrix, title, test));
            examplesMessage.set("");
        } catch (IllegalArgumentException e) {
            examples.set(null);
            examplesMessage.set("The images could not be shown: " + e.getMessage());
        }
    }

    /** The pairs with their images cut out of their split (refused when an index is past its end). */
    static ConfusedExamples examplesOf(ImageDataset split, List<ConfusedPair> pairs, List<String> names,
            ConfusionMatrix matrix, String title, boolean test) {
        List<ConfusedExamples.Pair> rows = new ArrayList<>();
        for (ConfusedPair pair : pairs) {
            List<int[]> images = new ArrayList<>();
            for (int index : pair.testIndices()) {
                if (index < 0 || index >= split.size()) {
                    String which = test ? "test" : "validation";
                    throw new IllegalArgumentException("the run names " + which + " image " + index + ", but the "
                            + which + " split of " + split.name() + " holds " + split.size() + " images now (was the "
                            + "dataset replaced?).");
                }
                images.add(argb(split, index));
            }
            long row = matrix.rowTotal(pair.trueClass());
            String share = row == 0 ? "" : String.format(Locale.ROOT, " (%.1f %% of the %s images)",
                    100.0 * pair.count() / row, names.get(pair.trueClass()));
            rows.add(new ConfusedExamples.Pair(pair.cell().describe(names) + share, images, pair.testIndices()));
        }
        return new ConfusedExamples(title, split.width(), split.height(), rows, test);
    }

    /** Test image {@code index} as ARGB: grey for one channel, RGB from the first three of more. */
    static int[] argb(ImageDataset data, int index) {
        int plane = data.height() * data.width();
        int base = index * data.pixelsPerImage();
        float[] px = data.pixels();
        int[] out = new int[plane];
        for (int k = 0; k < plane; k++) {
            int r = byteOf(px[base + k]);
            int g = data.channels() >= 3 ? byteOf(px[base + plane + k]) : r;
            int b = data.channels() >= 3 ? byteOf(px[base + 2 * plane + k]) : r;
            out[k] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    private static int byteOf(float value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    private void setFrame(ConfusionFrame f, String why) {
        frame.set(f);
        message.set(why);
        shownSource = null;
    }

    private String heldOutCount() {
        if (history.started() == null) {
            return "";
        }
        int n = history.started().validationImages() > 0 ? history.started().validationImages()
                : history.started().testImages();
        return n > 0 ? String.format(Locale.ROOT, "%,d ", n) : "";
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "not measured" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** {@code epoch}, {@code 2 epochs}, {@code 0.5 epochs}. */
    private static String epochs(double value) {
        if (value == 1) {
            return "epoch";
        }
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + " epochs";
    }
}
