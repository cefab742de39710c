package org.supertickets.run;

import org.supertickets.io.AtomicFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Append-only JSON-lines files. Each record is written with one call, newline included, so a reader that
 * only takes lines ending in a newline never sees half a record; a line torn by a crash is dropped on repair.
 */
public final class JsonLines {

    private JsonLines() {
    }

    public static void append(Path file, String line) throws IOException {
        Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Rewrites the file keeping only complete lines that {@code keep} accepts (a torn last line is dropped).
     *
     * @return the number of lines dropped
     */
    public static int repair(Path file, Predicate<String> keep) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                dropped++;
                break;
            }
            String line = content.substring(start, end);
            if (!line.isBlank() && keep.test(line)) {
                kept.add(line);
            } else {
                dropped++;
            }
            start = end + 1;
        }
        StringBuilder out = new StringBuilder();
        kept.forEach(l -> out.append(l).append('\n'));
        AtomicFiles.writeString(file, out.toString());
        return dropped;
    }

    /** Reads complete lines from {@code offset} on; returns them and the offset after the last complete one. */
    public static Chunk readFrom(Path file, long offset) throws IOException {
        if (!Files.exists(file)) {
            return new Chunk(List.of(), offset);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            if (length < offset) {
                offset = 0; // the file was repaired or replaced: start over
            }
            byte[] bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 8, length - offset)];
            raf.seek(offset);
            raf.readFully(bytes);
            int lastNewline = -1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline < 0) {
                return new Chunk(List.of(), offset);
            }
            String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return new Chunk(lines, offset + lastNewline + 1);
        }
    }

    /** Longest line {@link #forEachLine} hands on; an event is a few hundred bytes, a snapshot a few MB. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    /**
     * Streams the complete lines of a file to {@code each}, in order, holding one line at a time: memory stays
     * bounded however large the file. A torn last line is left out; a line over {@link #MAX_LINE_BYTES} is skipped.
     *
     * @return the number of lines skipped for their length
     */
    public static int forEachLine(Path file, java.util.function.Consumer<String> each) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int skipped = 0;
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
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
        }
        return skipped;
    }

    /** Lines read and where to continue. */
    public record Chunk(List<String> lines, long nextOffset) {
    }
}
