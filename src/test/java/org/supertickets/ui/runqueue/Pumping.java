package org.supertickets.ui.runqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.session.RunSession;

/** Drives a Runs view the way the window's timer does, for tests whose runs reach it through their folders. */
public final class Pumping {

    private Pumping() {
    }

    /**
     * Pumps every 10 ms until {@code done} holds (the feed reads the folders on its own thread), at most 10 s;
     * returns the selected run's events since its session last started over.
     */
    public static List<TrainingEvent> until(RunsViewModel vm, BooleanSupplier done) throws InterruptedException {
        List<TrainingEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            RunSession.Batch b = vm.pump();
            if (b.restarted()) {
                seen.clear();
            }
            seen.addAll(b.events());
            if (done.getAsBoolean()) {
                break;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return seen;
    }
}
