package org.supertickets.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.data.AssetLocator;

/** Finds the repository's files — the sample configs, README.md, docs — wherever the workbench was started. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /** Finds a repository file or folder from the working directory or up to three parents. */
    static Path locate(String relative) {
        // The working folder first (the repository), then beside the program (the app image carries the samples).
        for (Path from : new Path[] {Path.of("").toAbsolutePath(), AssetLocator.programFolder()}) {
            Path dir = from;
            for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
