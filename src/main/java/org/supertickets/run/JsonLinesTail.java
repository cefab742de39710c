package org.supertickets.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one append-only JSON-lines file that may still be written: each {@link #readNew} returns the complete
 * lines added since the previous call, reading at most one window of bytes, so memory stays bounded however large
 * the file is or however far behind the reader starts (a multi-GB log opened in the GUI is read window by window,
 * one per call). A line longer than the window is skipped and counted, however long it turns out to be.
 *
 * <p>Safe on shared file systems: the file is opened for reading only, per call, and never locked, so the writer
 * (here or on another machine) is never held up. Only lines that end in a newline are taken. A live follower may
 * also ask to take a line that holds a NUL byte for one still arriving ({@link #HOLE_GRACE_NANOS}): on NFS a long
 * append (a snapshot of megabytes) may reach the server in pieces, out of order, leaving a hole of zeros that the
 * rest fills a moment later; such a line waits up to the grace before it is read as it is (and skipped as
 * unparseable when it still is one).
 */
public final class JsonLinesTail {

    /** How long a live follower lets a line with a hole of zeros wait for the rest of its bytes. */
    public static final long HOLE_GRACE_NANOS = 30_000_000_000L;


    private final Path file;
    private final int windowBytes;
    private final long holeGraceNanos;
    private long offset;
    /** Inside a line longer than the window: bytes up to its newline are skipped. */
    private boolean skippingLongLine;
    private int skippedLines;
    /** When a hole of zeros was first seen at {@link #offset}; 0 when there is none. */
    private long holeSinceNanos;

    public JsonLinesTail(Path file) {
        this(file, 0L);
    }

    /** @param holeGraceNanos how long a line with NUL bytes waits to be filled in; 0 = it is read at once */
    public JsonLinesTail(Path file, long holeGraceNanos) {
        // the longest line forEachLine takes, with its newline
        this(file, JsonLines.MAX_LINE_BYTES + 1, holeGraceNanos);
    }

    JsonLinesTail(Path file, int windowBytes) {
        this(file, windowBytes, 0);
    }

    JsonLinesTail(Path file, int windowBytes, long holeGraceNanos) {
        this.file = file;
        this.windowBytes = windowBytes;
        this.holeGraceNanos = holeGraceNanos;
    }

    /** Complete, non-blank lines written since the last call; at most one window's worth. */
    public List<String> readNew() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonLines.checkRegular(file); // a named pipe would block the open below, a device never end
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < offset) {
                offset = 0; // the file was repaired or replaced: start over
                skippingLongLine = false;
            }
            byte[] bytes = new byte[(int) Math.min(windowBytes, length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            int start = offset == 0 && JsonLines.startsWithBom(bytes, 0, bytes.length) ? JsonLines.BOM.length : 0;
            if (skippingLongLine) {
                int newline = indexOfNewline(bytes);
                if (newline < 0) {
                    offset += bytes.length;
                    return List.of();
                }
                skippingLongLine = false;
                start = newline + 1;
            }
            int lastNewline = -1;
            for (int i = bytes.length - 1; i >= start; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                if (bytes.length - start == windowBytes) {
                    // A whole window without a newline: a line too long to hold; skip it to its end.
                    skippedLines++;
                    skippingLongLine = true;
                    offset += bytes.length;
                } else {
                    offset += start; // an unfinished line: wait for the rest
                }
                return List.of();
            }
            int hole = holeGraceNanos > 0 ? indexOfZero(bytes, start, lastNewline) : -1;
            if (hole >= 0 && holeStillArriving()) {
                lastNewline = lastNewlineBefore(bytes, start, hole);
                if (lastNewline < 0) {
                    offset += start;
                    return List.of();
                }
            } else {
                holeSinceNanos = 0;
            }
            List<String> lines = new ArrayList<>();
            String text = new String(bytes, start, lastNewline - start, StandardCharsets.UTF_8);
            for (String line : text.split("\n", -1)) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            offset += lastNewline + 1;
            return lines;
        }
    }

    /** Lines skipped for their length so far. */
    public int skippedLines() {
        return skippedLines;
    }

    /** True while a hole first seen at the current offset is young enough to be a write still arriving. */
    private boolean holeStillArriving() {
        long now = System.nanoTime();
        if (holeSinceNanos == 0) {
            holeSinceNanos = now;
        }
        return now - holeSinceNanos < holeGraceNanos;
    }

    private static int indexOfZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNewlineBefore(byte[] bytes, int from, int before) {
        for (int i = before - 1; i >= from; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfNewline(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
