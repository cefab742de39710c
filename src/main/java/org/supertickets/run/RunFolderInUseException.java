package org.supertickets.run;

/**
 * A run folder is owned by another run (another process, machine, or this one), so it was left untouched. The
 * message names the owner and how to take over; callers keep showing the folder as it was.
 */
public class RunFolderInUseException extends RunSetupException {

    public RunFolderInUseException(String message) {
        super(message);
    }
}
