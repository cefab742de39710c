package org.supertickets.run;

/** A run could not start: bad config, missing data, no such device, unwritable folder. The message says the fix. */
public class RunSetupException extends Exception {

    public RunSetupException(String message) {
        super(message);
    }
}
