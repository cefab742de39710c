package org.supertickets.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunSummary;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;

/** Finds the run folders a pipeline's stages left in the pipeline folder, so a resumed pipeline can reuse them. */
public final class StageFolders {

    private StageFolders() {
    }

    /**
     * The newest run folder directly inside {@code pipeline} whose config is named {@code stageName}, or null.
     * Run folder names end in their creation time, so the newest sorts last.
     */
    static RunFolder latestAttempt(Path pipeline, String stageName) throws IOException {
        List<Path> attempts;
        try (Stream<Path> children = Files.list(pipeline)) {
            attempts = children.filter(p -> Files.isRegularFile(new RunFolder(p).config()))
                    .filter(p -> stageName.equals(configName(new RunFolder(p))))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        return attempts.isEmpty() ? null : new RunFolder(attempts.get(attempts.size() - 1));
    }

    /**
     * The stage folder inside {@code pipeline} written last (the stage running now, or the last one that ran), or
     * null before the first stage created its folder; what following a pipeline by its folder shows.
     */
    public static Path latestWritten(Path pipeline) throws IOException {
        try (Stream<Path> children = Files.list(pipeline)) {
            return children.filter(p -> Files.isRegularFile(new RunFolder(p).config()))
                    .max(Comparator.comparing(StageFolders::lastWritten)).orElse(null);
        }
    }

    private static long lastWritten(Path run) {
        RunFolder folder = new RunFolder(run);
        try {
            Path log = Files.exists(folder.metrics()) ? folder.metrics() : folder.config();
            return Files.getLastModifiedTime(log).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    /** True when the run finished all its steps (a pipeline may have stopped before recording it). */
    static boolean isCompleted(RunFolder run) {
        try {
            RunSummary.read(run);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String configName(RunFolder run) {
        try {
            return ConfigIo.loadRecorded(run.config()).name();
        } catch (ConfigException e) {
            return null; // a damaged folder is not an attempt to reuse
        }
    }
}
