package org.supertickets.ui.task;

/** How a ViewModel tells the user something without touching a control; the view shows dialogs. */
public interface Notifier {

    /** A problem the user should read: a title and a message that says the fix. */
    void error(String title, String message);

    /** Something worth a status line. */
    default void info(String message) {
    }
}
