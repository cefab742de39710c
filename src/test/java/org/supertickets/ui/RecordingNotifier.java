package org.supertickets.ui;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.ui.task.Notifier;

/** Keeps what would have been shown as error dialogs. */
public final class RecordingNotifier implements Notifier {

    public final List<String> errors = new ArrayList<>();

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
