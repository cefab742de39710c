package org.supertickets.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.supertickets.model.CorruptFileException;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigException;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.TrainingEvent;

/**
 * Finds the runs and pipelines an output folder holds (its direct sub-folders), like a log directory: the
 * workbench lists them again after a restart. Only the start and end lines of each log are parsed, so a folder
 * full of long runs is scanned quickly; their curves are read when one is shown.
 */
public final class RunFolderScan {

    /**
     * What was found, oldest first.
     *
     * @param runs       run and pipeline folders that could be read
     * @param unreadable sub-folders that look like runs but could not be read, each with the reason
     */
    public record Result(List<FoundRun> runs, List<String> unreadable) {
    }

    private RunFolderScan() {
    }

    /** Scans {@code outputFolder}; a folder that does not exist holds no runs. */
    public static Result under(Path outputFolder) throws IOException {
        List<FoundRun> runs = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(outputFolder)) {
            return new Result(runs, unreadable);
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(outputFolder)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            try {
                if (PipelineIo.isPipeline(folder)) {
                    runs.add(pipeline(folder));
                } else if (Files.isRegularFile(folder.resolve(RunFolder.CONFIG))) {
                    runs.add(run(new RunFolder(folder)));
                }
            } catch (IOException | ConfigException | CorruptFileException e) {
                unreadable.add(folder.getFileName() + " (" + e.getMessage().replaceAll("\\s*\n\\s*", " ") + ")");
            }
        }
        runs.sort(Comparator.comparing(FoundRun::lastWritten));
        return new Result(runs, unreadable);
    }

    /**
     * Where one run or pipeline folder stands (a sweep's point or a pipeline on a cluster, followed by its folder
     * alone).
     *
     * @throws IOException when it is no run or pipeline folder or cannot be read
     */
    public static FoundRun run(Path folder) throws IOException, ConfigException {
        if (PipelineIo.isPipeline(folder)) {
            try {
                return pipeline(folder);
            } catch (CorruptFileException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return run(RunFolder.open(folder));
    }

    private static FoundRun run(RunFolder folder) throws IOException, ConfigException {
        SearchSpaceConfig config = ConfigIo.loadRecorded(folder.config());
        // Streamed, one line at a time: a found run's log may be far larger than the heap.
        RunFinished[] finishedBox = {null};
        long[] totalStepsBox = {0};
        String[] lastLine = {null};
        JsonLines.forEachLine(folder.metrics(), line -> {
            // Lines start with their type (EventJson writes it first); only starts and ends matter here.
            if (line.startsWith("{\"type\":\"run_started\"")) {
                finishedBox[0] = null; // a resumed attempt: its end is what counts
                totalStepsBox[0] = parse(line) instanceof RunStarted s ? s.totalSteps() : totalStepsBox[0];
            } else if (line.startsWith("{\"type\":\"run_finished\"")) {
                finishedBox[0] = parse(line) instanceof RunFinished f ? f : finishedBox[0];
            }
            lastLine[0] = line;
        });
        RunFinished finished = finishedBox[0];
        long totalSteps = totalStepsBox[0];
        TrainingEvent last = lastLine[0] == null ? null : parse(lastLine[0]);
        double progress = last == null || totalSteps <= 0 ? 0 : Math.min(1, (double) last.step() / totalSteps);
        boolean complete = finished != null && finished.outcome() == RunFinished.Outcome.COMPLETED;
        return new FoundRun(folder.path(), config, null, finished, complete,
                !complete && Files.isRegularFile(folder.latestCheckpoint()), lastWritten(folder.metrics(),
                        folder.config()), complete ? 1 : progress);
    }

    /** One line's event, or null for a damaged line (the reader skips it too). */
    private static TrainingEvent parse(String line) {
        try {
            return EventJson.fromJson(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FoundRun pipeline(Path folder) throws IOException, ConfigException, CorruptFileException {
        PipelineManifest manifest = PipelineIo.read(folder);
        SearchSpaceConfig base = ConfigIo.loadRecorded(folder.resolve(ImpPipeline.BASE_CONFIG));
        Path manifestFile = folder.resolve(PipelineManifest.FILE);
        // the share of its stages (search, train, every level) that finished
        double stages = manifest.settings().levelSparsities().size() + 2;
        return new FoundRun(folder, base, manifest.settings(), null, manifest.complete(), !manifest.complete(),
                lastWritten(manifestFile, manifestFile), manifest.complete() ? 1
                        : Math.min(1, manifest.stages().size() / stages));
    }

    private static Instant lastWritten(Path log, Path fallback) throws IOException {
        Path file = Files.exists(log) ? log : fallback;
        return Files.getLastModifiedTime(file).toInstant();
    }
}
