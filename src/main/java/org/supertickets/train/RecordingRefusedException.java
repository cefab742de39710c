package org.supertickets.train;

import java.io.IOException;

/**
 * Thrown by a listener or checkpoint store that may no longer record the run at all — its run folder was taken
 * over by another process — as opposed to a write that failed (disk full). The trainer stops at once, writes
 * nothing more, and reports this message as it is, without the disk-space fix.
 */
public final class RecordingRefusedException extends IOException {

    public RecordingRefusedException(String message) {
        super(message);
    }
}
