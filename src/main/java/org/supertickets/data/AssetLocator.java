package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the {@code assets} folder that holds the embedded datasets: the system property
 * {@value #PROPERTY}, then the environment variable {@value #ENV}, then {@code assets/} in the working
 * directory or one of its three nearest parents (so it works from the repository and from its sub-folders), then
 * the same beside the program itself: the packaged jar in {@code target/} of the repository, or the app image that
 * jpackage builds, which carries {@code assets/} next to its jar.
 */
public final class AssetLocator {

    public static final String PROPERTY = "supertickets.assets";
    public static final String ENV = "SUPERTICKETS_ASSETS";
    private static final int PARENTS = 3;

    private AssetLocator() {
    }

    /** The assets folder for this process. */
    public static Path find() throws DatasetException {
        return find(System.getProperty(PROPERTY), System.getenv(ENV), Path.of("").toAbsolutePath(), programFolder());
    }

    /** The assets folder from an explicit property value, environment value and start folder (each may be null). */
    static Path find(String property, String env, Path start) throws DatasetException {
        return find(property, env, start, null);
    }

    /**
     * As {@link #find(String, String, Path)}, trying {@code programFolder} (may be null) and its parents after the
     * start folder's.
     */
    static Path find(String property, String env, Path start, Path programFolder) throws DatasetException {
        if (property != null && !property.isBlank()) {
            return configured(property, "-D" + PROPERTY);
        }
        if (env != null && !env.isBlank()) {
            return configured(env, ENV);
        }
        for (Path from : new Path[] {start, programFolder}) {
            Path dir = from;
            for (int i = 0; i <= PARENTS && dir != null; i++, dir = dir.getParent()) {
                Path candidate = dir.resolve("assets");
                if (Files.isDirectory(candidate.resolve("fashion-mnist"))
                        || Files.isDirectory(candidate.resolve("mnist"))) {
                    return candidate;
                }
            }
        }
        throw new DatasetException("assets", "no assets/ folder with the embedded datasets in " + start
                + " or its " + PARENTS + " parent folders", "run from the repository folder, or set " + ENV
                + "=/path/to/repository/assets (or -D" + PROPERTY + "=...)");
    }

    /** The folder of the jar (or classes folder) this class was loaded from; null when it cannot be told. */
    public static Path programFolder() {
        try {
            var source = AssetLocator.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static Path configured(String value, String source) throws DatasetException {
        Path p;
        try {
            p = Path.of(value);
        } catch (InvalidPathException e) {
            throw new DatasetException("assets: " + value, "is not a valid path (set by " + source + ")", "point "
                    + source + " at the repository's assets/ folder");
        }
        if (!Files.isDirectory(p)) {
            throw new DatasetException("assets: " + p, "is not a folder (set by " + source + ")", "point " + source
                    + " at the repository's assets/ folder");
        }
        return p;
    }
}
