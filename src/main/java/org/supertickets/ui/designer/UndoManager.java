package org.supertickets.ui.designer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Executes commands and keeps bounded undo and redo stacks. The revision counts every change (execute, undo
 * or redo), so "unsaved" is simply {@code revision != savedRevision}... except that undoing back to the saved
 * state must read as saved: {@link #stateId()} names the state reached, not the number of changes.
 */
public final class UndoManager {

    private final int capacity;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private long nextId = 1;
    private long stateId;

    private record Entry(EditCommand command, long before, long after) {
    }

    public UndoManager(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    public void execute(EditCommand command) {
        command.execute();
        long after = nextId++;
        undo.push(new Entry(command, stateId, after));
        stateId = after;
        redo.clear();
        while (undo.size() > capacity) {
            undo.removeLast();
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public void undo() {
        Entry e = undo.pop();
        e.command().undo();
        stateId = e.before();
        redo.push(e);
    }

    public void redo() {
        Entry e = redo.pop();
        e.command().redo();
        stateId = e.after();
        undo.push(e);
    }

    public Optional<String> undoDescription() {
        return undo.isEmpty() ? Optional.empty() : Optional.of(undo.peek().command().description());
    }

    public Optional<String> redoDescription() {
        return redo.isEmpty() ? Optional.empty() : Optional.of(redo.peek().command().description());
    }

    /** Identifies the document state reached; equal ids mean equal documents. */
    public long stateId() {
        return stateId;
    }

    public int undoSize() {
        return undo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
