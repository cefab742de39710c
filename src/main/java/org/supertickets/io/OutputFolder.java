package org.supertickets.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Says why a folder that output goes into (runs, pipelines, comparisons) cannot be used, before anything is
 * written: {@code createDirectories} only says "file exists" or names a path, whether the path is a regular file, a
 * symbolic link loop or a link to something missing. Each part of the path is looked at, as the folder is created
 * through all of them.
 */
public final class OutputFolder {

    /** Links followed before a chain counts as a loop (Linux gives up after 40 too). */
    private static final int MAX_LINKS = 40;

    private OutputFolder() {
    }

    /**
     * Why {@code dir} cannot be (or become) a folder, or empty when it is one or can be created: "X is a file, not a
     * folder", "X is a symbolic link loop", "X is a link to a missing Y", where X is {@code dir} or the part of it
     * that is wrong.
     */
    public static Optional<String> problem(Path dir) {
        Path absolute = dir.toAbsolutePath();
        Path prefix = absolute.getRoot();
        for (Path part : absolute) {
            prefix = prefix == null ? part : prefix.resolve(part);
            String name = prefix.equals(absolute) ? dir.toString() : prefix + " (in " + dir + ")";
            if (Files.isSymbolicLink(prefix)) {
                Optional<String> link = linkProblem(prefix, name);
                if (link.isPresent()) {
                    return link;
                }
            } else if (!Files.exists(prefix, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty(); // this part and the rest are created
            } else if (Files.isRegularFile(prefix)) {
                return Optional.of(name + " is a file, not a folder");
            } else if (!Files.isDirectory(prefix)) {
                return Optional.of(name + " is not a folder (a device, named pipe or socket)");
            }
        }
        return Optional.empty();
    }

    /** As {@link #problem}, thrown: for code that is about to create the folder. */
    public static void check(Path dir) throws IOException {
        Optional<String> problem = problem(dir);
        if (problem.isPresent()) {
            throw new IOException(problem.get());
        }
    }

    private static Optional<String> linkProblem(Path link, String name) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            return Optional.of(name + " is a link to a missing " + missingEnd(link));
        } catch (FileSystemException e) {
            return Optional.of(loops(link) || String.valueOf(e.getReason()).contains("symbolic links")
                    ? name + " is a symbolic link loop (following it leads back to itself)"
                    : name + " is a link that cannot be followed: " + e.getReason());
        } catch (IOException e) {
            return Optional.of(name + " is a link that cannot be followed: " + e.getMessage());
        }
        if (Files.isRegularFile(real)) {
            return Optional.of(name + " is a link to a file (" + real + "), not a folder");
        }
        if (!Files.isDirectory(real)) {
            return Optional.of(name + " is a link to " + real + ", which is not a folder");
        }
        return Optional.empty();
    }

    /** Whether following {@code link} from link to link comes back to one already seen. */
    private static boolean loops(Path link) {
        Set<Path> seen = new HashSet<>();
        Path at = link.toAbsolutePath().normalize();
        try {
            while (Files.isSymbolicLink(at)) {
                if (!seen.add(at) || seen.size() > MAX_LINKS) {
                    return true;
                }
                at = at.resolveSibling(Files.readSymbolicLink(at)).normalize();
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Where a chain of links starting at {@code link} ends: the first target that does not exist. */
    private static Path missingEnd(Path link) {
        Path at = link.toAbsolutePath();
        try {
            for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(at); i++) {
                at = at.resolveSibling(Files.readSymbolicLink(at));
            }
        } catch (IOException e) {
            // the last target read is as far as it goes
        }
        return at.normalize();
    }
}
