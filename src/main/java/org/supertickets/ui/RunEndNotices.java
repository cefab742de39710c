package org.supertickets.ui;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunStatus;

/**
 * Says when a run ends that this window trained or followed: a long run is rarely watched to its end, and the
 * Runs list only tells whoever looks at it. Runs listed already ended (after a restart) say nothing.
 */
final class RunEndNotices {

    /**
     * What to tell.
     *
     * @param problem true for a failed run (shown as an error)
     */
    record Notice(String title, String text, boolean problem) {
    }

    private RunEndNotices() {
    }

    /** The notice for a run whose status went from {@code before} to {@code now}; empty when there is none. */
    static Optional<Notice> of(String run, RunStatus before, RunStatus now, String message) {
        boolean watched = before != null && (before.active() || before == RunStatus.FOLLOWING
                || before == RunStatus.FOLLOW_IDLE);
        if (!watched || now == null || !now.ended()) {
            return Optional.empty();
        }
        String text = message == null || message.isBlank() ? now.label() : message;
        return Optional.of(switch (now) {
            case COMPLETED -> new Notice("Run completed: " + run, text, false);
            case STOPPED -> new Notice("Run stopped: " + run, text + " (resume it from its checkpoint)", false);
            default -> new Notice("Run failed: " + run, text, true);
        });
    }

    /** Watches every entry, present and future, and hands each notice to {@code show} (FX thread). */
    static void install(ObservableList<RunEntry> entries, Consumer<Notice> show) {
        entries.forEach(e -> watch(e, show));
        entries.addListener((ListChangeListener<RunEntry>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(e -> watch(e, show));
            }
        });
    }

    private static void watch(RunEntry entry, Consumer<Notice> show) {
        ChangeListener<RunStatus> listener = (o, before, now) -> of(entry.getName(), before, now,
                entry.messageProperty().get()).ifPresent(show);
        entry.statusProperty().addListener(listener);
    }
}
