package org.supertickets.ui.predictions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.supertickets.data.DatasetDescription;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.Task;
import org.supertickets.train.EvalMetrics;
import org.supertickets.ui.session.RunHistory;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;

/**
 * "One image" without a window, as CNN Explainer shows a prediction: pick a test image of a classification run and
 * see what its supernet (the latest checkpoint, so a live run's newest) and its ticket (once extracted) do with it —
 * each one's class probabilities, and one network's feature maps branch by branch and block by block, with how much
 * the ticket's differ from the supernet's at each place. The work (reading the dataset and the networks, the forward
 * passes) runs on the task runner; one look at a time, a newer request waiting for the one under way. It works only
 * while {@link #activeProperty() shown}. UI thread only.
 */
public final class InsideImageViewModel {

    private final TaskRunner runner;
    private final InsideImageSource.DataReader reader;
    private final IntegerProperty index = new SimpleIntegerProperty(this, "index");
    private final BooleanProperty mapsOfTicket = new SimpleBooleanProperty(this, "mapsOfTicket");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyObjectWrapper<InsideImageFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private SearchSpaceConfig config;
    private RunHistory history;
    private InsideImageSource source;
    private List<String> classes = List.of();
    private InsideImageSource.Look last;
    /** Whether a look was asked for while one was under way. */
    private boolean pending;
    /** The history's size when the last look was asked for, so a lagging supernet is re-read once per new batch. */
    private int askedAtEvents = -1;

    /** The app's: a run's own dataset, read as the run reads it. */
    public InsideImageViewModel(TaskRunner runner) {
        this(runner, InsideImageSource.FROM_DATASET);
    }

    InsideImageViewModel(TaskRunner runner, InsideImageSource.DataReader reader) {
        this.runner = Objects.requireNonNull(runner);
        this.reader = Objects.requireNonNull(reader);
        index.addListener((o, a, b) -> onIndex());
        mapsOfTicket.addListener((o, a, b) -> showLast());
        active.addListener((o, a, b) -> look());
        show(null, null, null);
    }

    /** The test image looked at (its index in the test split); kept within the split once its size is known. */
    public IntegerProperty indexProperty() {
        return index;
    }

    /** Whether the feature maps are the ticket's (when it exists) rather than the supernet's. */
    public BooleanProperty mapsOfTicketProperty() {
        return mapsOfTicket;
    }

    /** Whether the view is on screen: nothing is read or computed while it is not. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** What to draw; null while there is nothing ({@link #messageProperty()} says why). */
    public ReadOnlyObjectProperty<InsideImageFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public InsideImageFrame getFrame() {
        return frame.get();
    }

    /** Why nothing is drawn, or what is being read; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether a look is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The previous test image. */
    public void previous() {
        index.set(index.get() - 1);
    }

    /** The next test image. */
    public void next() {
        index.set(index.get() + 1);
    }

    /**
     * Shows the run of {@code config} in {@code folder} (null for none): its networks are read when first looked
     * at. A segmentation run has no class probabilities: the view says so.
     */
    public void show(SearchSpaceConfig config, Path folder, RunHistory history) {
        if (source != null) {
            InsideImageSource old = source;
            // Closed on the runner: a look under way holds the source's lock, and this thread must not wait.
            BackgroundTask.of("Free the inspected networks", ctx -> {
                old.close();
                return null;
            }).run(runner);
        }
        this.config = config;
        this.history = history;
        this.last = null;
        this.askedAtEvents = -1;
        frame.set(null);
        boolean classification = config != null && config.taskKind() == Task.CLASSIFICATION;
        source = classification && folder != null ? new InsideImageSource(config, folder, reader) : null;
        classes = classification ? DatasetDescription.of(config.data()).classNamesOrNumbers(
                config.data().classes()) : List.of();
        if (config == null) {
            message.set("No run selected.");
        } else if (!classification) {
            message.set("One image shows class probabilities: it is for classification runs.");
        } else if (folder == null) {
            message.set("This run has no folder yet: it has not started.");
        } else {
            message.set("");
        }
        look();
    }

    /**
     * New events arrived: while the supernet shown is older than the run's newest evaluation (whose checkpoint is
     * written just after it), or the run ended and no ticket is shown yet, look again.
     */
    public void refresh() {
        if (source == null || history == null || last == null || !active.get()) {
            return;
        }
        List<EvalMetrics> evals = history.evals();
        long newest = evals.isEmpty() ? -1 : evals.get(evals.size() - 1).step();
        boolean supernetBehind = last.supernet() == null ? newest >= 0 : last.supernet().step() < newest;
        boolean ticketDue = history.finished() != null && last.ticket() == null;
        if ((supernetBehind || ticketDue) && history.all().size() != askedAtEvents) {
            look();
        }
    }

    /** Keeps the index within the test split once its size is known (setting it again comes back here). */
    private void onIndex() {
        int limit = last == null ? Integer.MAX_VALUE : last.testSize() - 1;
        if (index.get() > limit) {
            index.set(limit);
        } else if (index.get() < 0) {
            index.set(0);
        } else {
            look();
        }
    }

    private void look() {
        if (source == null || !active.get()) {
            return;
        }
        if (busy.get()) {
            pending = true;
            return;
        }
        InsideImageSource asked = source;
        int wanted = index.get();
        askedAtEvents = history == null ? -1 : history.all().size();
        busy.set(true);
        if (last == null) {
            message.set("Reading " + config.data().dataset() + " and the run's networks…");
        }
        BackgroundTask.of("Look inside one test image", ctx -> asked.look(wanted))
                .onSuccess(look -> {
                    if (asked == source) {
                        last = look;
                        message.set(look.supernet() == null && look.ticket() == null
                                ? "The run has no checkpoint yet: the first is written after its first evaluation."
                                : "");
                        showLast();
                    }
                })
                .onFailure(e -> {
                    if (asked == source) {
                        frame.set(null);
                        message.set("Could not look inside test image " + wanted + ": " + e.getMessage());
                    }
                })
                .onDone(() -> {
                    busy.set(false);
                    if (pending) {
                        pending = false;
                        look();
                    }
                })
                .run(runner);
    }

    private void showLast() {
        if (last == null) {
            return;
        }
        if (index.get() >= last.testSize()) {
            index.set(last.testSize() - 1);
            return;
        }
        frame.set(last.supernet() == null && last.ticket() == null ? null
                : InsideImageFrame.of(last, classes, mapsOfTicket.get()));
    }
}
