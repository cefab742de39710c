package org.supertickets.ui.teaching;

import org.supertickets.train.TrainingEvent;

/**
 * What one architecture step or pruning event did, in words.
 *
 * @param event the event explained
 * @param title one line: what happened, with its headline numbers
 * @param text  the why, with the event's own numbers (several lines)
 */
public record Explanation(TrainingEvent event, String title, String text) {
}
