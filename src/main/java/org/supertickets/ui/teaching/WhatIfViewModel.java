package org.supertickets.ui.teaching;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.supertickets.report.CountFormat;
import org.supertickets.train.InspectableNetwork;
import org.supertickets.train.WhatIf;
import org.supertickets.train.WhatIfMeasure;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * What-if by hand on a paused or finished run: switch off a channel, a branch or a block body, or set one global
 * sparsity, and see accuracy on a fixed batch of validation images and the MACs change. Every edit works on a copy
 * of the network the trainer handed out ({@link InspectableNetwork}); the run, its checkpoints and its ticket never
 * see it. Undo goes back one edit; the first state is the run's own.
 */
public final class WhatIfViewModel {

    /** Said on screen whenever a what-if is shown. */
    public static final String NEVER_CHANGES = "A copy: the run and its ticket are not changed.";

    private final TaskRunner runner;
    /** The latest copy per run, written by training threads. */
    private final Map<RunEntry, InspectableNetwork> latest = new ConcurrentHashMap<>();
    private final Deque<WhatIf> undo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<InspectableNetwork> inspected = new ReadOnlyObjectWrapper<>(this,
            "inspected");
    private final ReadOnlyObjectWrapper<WhatIf> current = new ReadOnlyObjectWrapper<>(this, "current", WhatIf.NONE);
    private final ReadOnlyObjectWrapper<WhatIfMeasure> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyObjectWrapper<WhatIfMeasure> measured = new ReadOnlyObjectWrapper<>(this, "measured");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private RunEntry shown;
    private long revision;

    public WhatIfViewModel(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner);
        updateBanner();
    }

    /** Any thread: the trainer handed out a copy of a run's network (paused, or finished). */
    public void offer(RunEntry entry, InspectableNetwork network) {
        latest.put(entry, network);
    }

    /** The run whose network the what-if works on (the selected run). */
    public void select(RunEntry entry) {
        if (entry != shown) {
            shown = entry;
            take(null);
        }
        pump();
    }

    /**
     * UI thread, with the workbench's pump: a run that waits or finished with a new copy gets it; a run that trains
     * on loses its what-if (its network has moved on).
     */
    public void pump() {
        RunEntry entry = shown;
        InspectableNetwork now = entry == null ? null : latest.get(entry);
        RunStatus status = entry == null ? null : entry.getStatus();
        boolean inspectable = now != null && (status == RunStatus.PAUSED || status == RunStatus.COMPLETED
                || now.finished());
        if (!inspectable) {
            if (inspected.get() != null) {
                take(null);
            }
        } else if (now != inspected.get()) {
            take(now);
        }
    }

    private void take(InspectableNetwork network) {
        inspected.set(network);
        undo.clear();
        canUndo.set(false);
        current.set(WhatIf.NONE);
        baseline.set(null);
        measured.set(null);
        updateBanner();
        result.set("");
        if (network != null) {
            measure(WhatIf.NONE);
        }
    }

    public ReadOnlyObjectProperty<InspectableNetwork> inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    /** What is switched off now. */
    public ReadOnlyObjectProperty<WhatIf> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The network as the run left it, measured on the same images. */
    public ReadOnlyObjectProperty<WhatIfMeasure> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    /** The what-if, measured; equals the baseline with nothing switched off. */
    public ReadOnlyObjectProperty<WhatIfMeasure> measuredProperty() {
        return measured.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** What the what-if works on, and that it changes nothing. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** Accuracy and MACs, as the run left them and with the what-if. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public void switchOffChannel(int block, int kernel, int supernetChannel) {
        apply(current.get().withChannelOff(block, kernel, supernetChannel));
    }

    public void switchOffBranch(int block, int kernel) {
        apply(current.get().withBranchOff(block, kernel));
    }

    public void switchOffBlock(int block) {
        apply(current.get().withBlockOff(block));
    }

    /** One global magnitude threshold over all prunable weights of the copy; NaN = the run's masks. */
    public void setGlobalSparsity(double sparsity) {
        if (Double.compare(sparsity, current.get().globalSparsity()) != 0) {
            apply(current.get().withGlobalSparsity(sparsity));
        }
    }

    /** Back one edit; after the last, the run's own network. */
    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        current.set(undo.pop());
        canUndo.set(!undo.isEmpty());
        measure(current.get());
    }

    /** Back to the run's own network. */
    public void reset() {
        if (!current.get().isNone()) {
            undo.clear();
            canUndo.set(false);
            current.set(WhatIf.NONE);
            measure(WhatIf.NONE);
        }
    }

    private void apply(WhatIf next) {
        if (inspected.get() == null || next.equals(current.get())) {
            return;
        }
        undo.push(current.get());
        canUndo.set(true);
        current.set(next);
        measure(next);
    }

    private void measure(WhatIf whatIf) {
        InspectableNetwork network = inspected.get();
        if (network == null) {
            return;
        }
        long mine = ++revision;
        busy.set(true);
        BackgroundTask.of("Measure the what-if", ctx -> WhatIfMeasure.of(network, whatIf))
                .onSuccess(m -> {
                    if (mine != revision || network != inspected.get()) {
                        return; // superseded by a later edit
                    }
                    if (whatIf.isNone()) {
                        baseline.set(m);
                    }
                    measured.set(m);
                    updateResult();
                    busy.set(false); // last: whoever waits for it sees the words as well
                })
                .onFailure(e -> {
                    if (mine == revision) {
                        busy.set(false);
                        result.set("Could not measure the what-if: " + UserMessages.describe(e));
                    }
                })
                .run(runner);
    }

    private void updateBanner() {
        InspectableNetwork n = inspected.get();
        banner.set(n == null ? "What-if: pause a run (step mode or Pause) or let it finish, then switch parts off "
                + "here. " + NEVER_CHANGES : String.format(Locale.ROOT, "What-if on the network at step %d "
                + "(epoch %.2f, %s). %s", n.step(), n.epoch(), n.finished() ? "finished" : "paused", NEVER_CHANGES));
    }

    private void updateResult() {
        WhatIfMeasure b = baseline.get();
        WhatIfMeasure m = measured.get();
        if (b == null || m == null) {
            return;
        }
        String what = describe(current.get());
        result.set(String.format(Locale.ROOT, "Accuracy on %d fixed validation images: %.1f %% → %.1f %% (%+.1f "
                + "pts) · MACs %s → %s · sparsity %.0f %% → %.0f %%%s", m.images(), 100 * b.accuracy(),
                100 * m.accuracy(), 100 * (m.accuracy() - b.accuracy()), CountFormat.human(b.macs()),
                CountFormat.human(m.macs()), 100 * b.sparsity(), 100 * m.sparsity(),
                what.isEmpty() ? "" : "\nSwitched off: " + what));
    }

    /** The edits in words, e.g. "the 7×7 branch of block 1, 2 channels". */
    static String describe(WhatIf w) {
        StringBuilder s = new StringBuilder();
        w.blocksOff().forEach(b -> s.append(s.isEmpty() ? "" : "; ").append("block ").append(b).append("'s body"));
        w.branchesOff().forEach(b -> {
            String[] p = b.split("/");
            s.append(s.isEmpty() ? "" : "; ").append("the ").append(p[1]).append("×").append(p[1])
                    .append(" branch of block ").append(p[0]);
        });
        if (!w.channelsOff().isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(w.channelsOff().size()).append(" channel")
                    .append(w.channelsOff().size() == 1 ? "" : "s");
        }
        if (!Double.isNaN(w.globalSparsity())) {
            s.append(s.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "global sparsity %.0f %%",
                    100 * w.globalSparsity()));
        }
        return s.toString();
    }
}
