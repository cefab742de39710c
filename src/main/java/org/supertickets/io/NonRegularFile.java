package org.supertickets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Says what a path is when it is not a regular file. A named pipe, a socket or a device such as {@code /dev/zero}
 * can block a reader forever or never end, so data readers refuse them up front, and say which it is rather than
 * "not found".
 */
public final class NonRegularFile {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private NonRegularFile() {
    }

    /** Empty for a regular file (links followed); otherwise what the path is, e.g. "is a named pipe (FIFO)". */
    public static Optional<String> describe(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.of("does not exist");
        }
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a folder, not a file");
        }
        String what = "is not a regular file (a pipe, socket or device)";
        try {
            int type = (Integer) Files.getAttribute(path, "unix:mode") & TYPE_MASK;
            what = switch (type) {
                case FIFO -> "is a named pipe (FIFO), not a regular file";
                case CHARACTER_DEVICE, BLOCK_DEVICE -> "is a device, not a regular file";
                case SOCKET -> "is a socket, not a regular file";
                default -> what;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix attributes here: the general description stands
        }
        return Optional.of(what + "; it could block or never end, so it is not read");
    }
}
