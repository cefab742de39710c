package org.supertickets.ui.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.TrainingEvent;

/**
 * The explanations of one run's architecture steps and pruning events, looked up by the time cursor: when the user
 * scrubs back, "What just happened" is the event at or before the cursor, not the run's latest. The events are read
 * in order, once, as the run's history grows (an {@link EventExplainer} needs them in order). Plain Java, UI thread.
 */
public final class EventsAtCursor {

    private final EventExplainer explainer;
    private final List<Explanation> explained = new ArrayList<>();
    private int read;

    /** @param resolved the run's resolved config, as for {@link EventExplainer} */
    public EventsAtCursor(SearchSpaceConfig resolved) {
        explainer = new EventExplainer(resolved);
    }

    /**
     * The explanation of the last architecture step or pruning event at or before {@code step}; when there is none
     * yet, an explanation that says so.
     *
     * @param history every event of the run so far, in order (only the ones not read before are read)
     */
    public Explanation at(List<? extends TrainingEvent> history, long step) {
        Objects.requireNonNull(history);
        for (; read < history.size(); read++) {
            Explanation e = explainer.accept(history.get(read));
            if (e != null) {
                explained.add(e);
            }
        }
        Explanation shown = null;
        for (Explanation e : explained) {
            if (e.event().step() > step) {
                break;
            }
            shown = e;
        }
        if (shown == null) {
            return new Explanation(null, "Nothing had happened yet at the time cursor",
                    String.format(Locale.ROOT, "No architecture step or pruning event before step %d. Live (End) "
                            + "follows the run again.", step));
        }
        return new Explanation(shown.event(), "At the time cursor · " + shown.title(), shown.text());
    }
}
