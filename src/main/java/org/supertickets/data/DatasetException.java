package org.supertickets.data;

/**
 * A dataset could not be loaded. The message names the file (or config field), what is wrong, and the fix.
 */
public class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }
}
