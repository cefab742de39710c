package org.supertickets.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shipped {@code assets} folder: system property {@code supertickets.assets}, then the environment
 * variable {@code SUPERTICKETS_ASSETS}, then {@code assets/} in the working directory or up to three parents.
 */
public final class AssetLocator {

    private AssetLocator() {
    }

    public static Path find() throws DatasetException {
        String configured = System.getProperty("supertickets.assets", System.getenv("SUPERTICKETS_ASSETS"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isDirectory(p)) {
                return p;
            }
            throw new DatasetException("assets: " + p + " (from supertickets.assets / SUPERTICKETS_ASSETS) is not a "
                    + "folder. Fix: point it at the repository's assets/ folder.");
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("assets");
            if (Files.isDirectory(candidate.resolve("fashion-mnist"))) {
                return candidate;
            }
        }
        throw new DatasetException("assets: no assets/ folder with the embedded datasets was found from "
                + Path.of("").toAbsolutePath() + ". Fix: run from the repository folder, or set "
                + "SUPERTICKETS_ASSETS=/path/to/repo/assets.");
    }
}
