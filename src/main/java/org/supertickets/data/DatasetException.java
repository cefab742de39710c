package org.supertickets.data;

/**
 * A dataset could not be loaded because of something the user can fix. The message names the file (or the
 * config field), what is wrong and the fix, e.g. {@code "cifar10: /data/cifar/data_batch_3.bin: length 30000 is
 * not a multiple of 3073 bytes (truncated download?). Fix: re-download ..."}. It is meant to be shown as is,
 * without a stack trace.
 */
public class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the complete user message: where, what is wrong, and the fix */
    public DatasetException(String message) {
        super(message);
    }

    /**
     * Builds the message {@code "<where>: <problem>. Fix: <fix>."}.
     *
     * @param where   the file, folder or config field at fault
     * @param problem what is wrong with it
     * @param fix     what the user should do
     */
    public DatasetException(Object where, String problem, String fix) {
        super(where + ": " + problem + ". Fix: " + fix + ".");
    }

    /** The message to show the user (the same as {@link #getMessage()}). */
    public String userMessage() {
        return getMessage();
    }
}
