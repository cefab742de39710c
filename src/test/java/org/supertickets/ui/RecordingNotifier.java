package org.supertickets.ui;

import java.util.ArrayList;
import java.util.List;
import org.supertickets.ui.task.Notifier;

/** Keeps what would have been shown as error dialogs and status lines. */
public final class RecordingNotifier implements Notifier {

    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }
}
