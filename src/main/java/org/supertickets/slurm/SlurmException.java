package org.supertickets.slurm;

/** A Slurm command failed or is missing; the message says which command, what it said and the fix. */
public final class SlurmException extends Exception {

    public SlurmException(String message) {
        super(message);
    }
}
