package org.supertickets.ui.designer;

/** One undoable edit of a document. */
public interface EditCommand {

    void execute();

    void undo();

    /** Redo is execute again unless a command needs otherwise. */
    default void redo() {
        execute();
    }

    /** Shown in the Edit menu, e.g. "Set training.epochs to 8". */
    String description();
}
