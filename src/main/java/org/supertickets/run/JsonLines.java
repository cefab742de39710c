package org.supertickets.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;
import org.supertickets.io.AtomicFiles;
import org.supertickets.io.NonRegularFile;

/**
 * Append-only JSON-lines files. Each record is written with one call, newline included, so a reader that
 * only takes lines ending in a newline never sees half a record; a line torn by a crash is dropped on repair.
 * Readers refuse a log that is not a regular file (a named pipe blocks, {@code /dev/zero} never ends) and skip a
 * UTF-8 byte-order mark at its start (an editor on Windows may add one).
 */
public final class JsonLines {

    private JsonLines() {
    }

    public static void append(Path file, String line) throws IOException {
        Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Rewrites the file keeping only complete lines that {@code keep} accepts (a torn last line is dropped, and so
     * is a line over {@link #MAX_LINE_BYTES}). Streamed: one line in memory at a time, however large the log.
     *
     * @return the number of lines dropped
     */
    public static int repair(Path file, Predicate<String> keep) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int[] dropped = {0};
        AtomicFiles.write(file, out -> {
            try {
                Tally tally = stream(file, line -> {
                    if (keep.test(line)) {
                        try {
                            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    } else {
                        dropped[0]++;
                    }
                });
                dropped[0] += tally.tooLong() + (tally.tornTail() ? 1 : 0);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
        return dropped[0];
    }

    /** Longest line {@link #forEachLine} hands on; an event is a few hundred bytes, a snapshot a few MB. */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    /**
     * Streams the complete lines of a file to {@code each}, in order, holding one line at a time: memory stays
     * bounded however large the file. A torn last line is left out; a line over {@link #MAX_LINE_BYTES} is skipped.
     *
     * @return the number of lines skipped for their length
     */
    public static int forEachLine(Path file, java.util.function.Consumer<String> each) throws IOException {
        return Files.exists(file) ? stream(file, each).tooLong() : 0;
    }

    /** Lines skipped for their length, and whether the file ended in a line without its newline. */
    private record Tally(int tooLong, boolean tornTail) {
    }

    /**
     * Refuses a log that is not a regular file before it is opened: opening a named pipe blocks until something
     * writes to it, and a device such as {@code /dev/zero} never ends.
     *
     * @throws IOException naming the file, what it is and the fix
     */
    static void checkRegular(Path file) throws IOException {
        java.util.Optional<String> notAFile = NonRegularFile.describe(file);
        if (notAFile.isPresent()) {
            throw new IOException(file + ": " + notAFile.get() + ". Fix: a run's logs are regular files written by "
                    + "the workbench; remove or rename " + file.getFileName() + " (the run is then read without it) "
                    + "or restore the file from a backup.");
        }
    }

    /** UTF-8's byte-order mark; left at the start of a file it would make the first line unparseable. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Whether {@code bytes} start with {@link #BOM} from {@code from} on. */
    static boolean startsWithBom(byte[] bytes, int from, int to) {
        return to - from >= BOM.length && bytes[from] == BOM[0] && bytes[from + 1] == BOM[1]
                && bytes[from + 2] == BOM[2];
    }

    private static Tally stream(Path file, java.util.function.Consumer<String> each) throws IOException {
        checkRegular(file);
        int skipped = 0;
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(BOM.length);
            byte[] head = in.readNBytes(BOM.length); // fewer for a file shorter than the mark
            if (!startsWithBom(head, 0, head.length)) {
                in.reset();
            }
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(1024);
            boolean tooLong = false;
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    if (!tooLong && line.size() + (i - start) <= MAX_LINE_BYTES) {
                        line.write(buffer, start, i - start);
                        String text = line.toString(StandardCharsets.UTF_8);
                        if (!text.isBlank()) {
                            each.accept(text);
                        }
                    } else {
                        skipped++;
                    }
                    line.reset();
                    tooLong = false;
                    start = i + 1;
                }
                if (!tooLong && line.size() + (n - start) <= MAX_LINE_BYTES) {
                    line.write(buffer, start, n - start);
                } else {
                    tooLong = true;
                    line.reset();
                }
            }
            return new Tally(skipped, tooLong || line.size() > 0);
        }
    }
}
