package org.supertickets.ui.task;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Keeps a view model's refresh for while its view is on screen: a refresh asked for while hidden only marks it
 * stale, and showing it again refreshes once. A live run's every event would otherwise rebuild views nobody sees,
 * on the FX thread (docs/performance.md, "Hidden tabs"). Shown until told otherwise; UI thread only.
 */
public final class ShownRefresh {

    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private boolean stale;

    /** @param refresh the view model's refresh, which starts with {@link #mayRun()} */
    public ShownRefresh(Runnable refresh) {
        Objects.requireNonNull(refresh);
        shown.addListener((o, was, now) -> {
            if (now && stale) {
                refresh.run();
            }
        });
    }

    /** Whether the view is on screen (the window binds it to its tab's selection). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Whether a refresh may run now; false (and the view stale until shown) while it is hidden. */
    public boolean mayRun() {
        stale = !shown.get();
        return !stale;
    }
}
