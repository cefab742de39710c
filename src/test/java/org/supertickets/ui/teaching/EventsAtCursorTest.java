package org.supertickets.ui.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supertickets.train.PruneEvent;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;

/**
 * Issue 30, item 5: scrubbed back, "What just happened" explains the event at or before the time cursor, not the
 * run's latest.
 */
class EventsAtCursorTest {

    private static PruneEvent prune(int index, long step) {
        return new PruneEvent(step, step / 100.0, index, 0.2 * index, 0.2 * index, 0.01, 12, 0, false, List.of());
    }

    @Test
    void theExplanationIsTheLastEventAtOrBeforeTheCursor() {
        List<TrainingEvent> history = new ArrayList<>(List.of(TestEvents.started(), TestEvents.start(),
                prune(1, 100), TestEvents.pruned(100, 1, 3, 0)));
        EventsAtCursor events = new EventsAtCursor(TestEvents.CONFIG);

        Explanation before = events.at(history, 50);
        assertNull(before.event(), "nothing happened before step 50");
        assertTrue(before.text().contains("before step 50"), before.text());

        assertEquals(1, ((PruneEvent) events.at(history, 100).event()).index(), "an event at the cursor's step");
        history.add(prune(2, 200));
        history.add(TestEvents.pruned(200, 2, 3, 1));
        Explanation at150 = events.at(history, 150);
        assertEquals(1, ((PruneEvent) at150.event()).index(), "the later event is not shown at step 150");
        assertTrue(at150.title().startsWith("At the time cursor · Pruning event 1"), at150.title());
        assertEquals(2, ((PruneEvent) events.at(history, 200).event()).index(), "events read as the run grows");
    }
}
