package org.supertickets.ui.task;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into a sentence a user can act on; never a stack trace. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = error;
        // Unwrap executor and reflection wrappers to the cause that says something.
        while ((e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException
                || e instanceof java.lang.reflect.InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return e.getMessage() + " does not exist. Fix: check the path.";
        }
        if (e instanceof AccessDeniedException) {
            return "No permission for " + e.getMessage() + ". Fix: choose a folder you can write to.";
        }
        if (e instanceof OutOfMemoryError || e.getCause() instanceof OutOfMemoryError) {
            return "Out of memory. Fix: close other runs, or start the workbench with more heap (-Xmx).";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected " + e.getClass().getSimpleName() + ". Fix: see run.log of the run, or report it.";
        }
        return message;
    }
}
