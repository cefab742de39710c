package org.supertickets.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;

/**
 * The config the window opens with (the quickstart), read on a thread of its own while the FX toolkit starts:
 * reading it (and loading Jackson) took half a second of the cold start when {@code init()} did it after the
 * toolkit was up (docs/performance.md, "Cold start").
 */
final class StartupConfig {

    /** The config the window opens with, relative to the repository. */
    static final String QUICKSTART = "sample-configs/quickstart.json";

    /** What the window opens: the config, its file (null when it could not be read) and why not, if so. */
    record Loaded(SearchSpaceConfig config, Path file, String problem) {
    }

    private static CompletableFuture<Loaded> pending;

    private StartupConfig() {
    }

    /** Starts reading the quickstart config, once; later calls do nothing. */
    static synchronized void readInBackground() {
        if (pending == null) {
            pending = CompletableFuture.supplyAsync(() -> read(QUICKSTART));
        }
    }

    /** The config, waiting for the read {@link #readInBackground()} started (or starting it). */
    static Loaded get() {
        readInBackground();
        return pending.join();
    }

    static Loaded read(String relative) {
        Path file = RepositoryFiles.locate(relative);
        try {
            if (file == null) {
                throw new ConfigException(Path.of(relative), new ValidationIssue("(file)",
                        "was not found from " + Path.of("").toAbsolutePath(),
                        "start the workbench from the repository folder (mvn javafx:run)"));
            }
            return new Loaded(ConfigIo.read(file), file, null);
        } catch (ConfigException e) {
            return new Loaded(new SearchSpaceConfig("untitled", null, null, List.of(), null, null, null, null, null),
                    null, e.getMessage());
        }
    }
}
