package org.supertickets.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.supertickets.pipeline.PipelineIo;
import org.supertickets.run.RunFolder;

/**
 * The run folders directly under a folder (e.g. the {@code --out} of a sweep): subfolders holding
 * {@code config.json}, or a pipeline's {@code pipeline.json}, by name. Other subfolders (plots, notes) are not runs
 * and are passed over.
 *
 * @param parent  the folder scanned
 * @param runs    run folders found, sorted by name
 * @param skipped subfolders that are not run folders
 */
public record RunFolderScan(Path parent, List<Path> runs, int skipped) {

    public static RunFolderScan of(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            throw new IOException(parent + " is not a folder. Fix: choose the folder that holds the run folders "
                    + "(e.g. the --out folder of sweep).");
        }
        List<Path> folders;
        try (Stream<Path> children = Files.list(parent)) {
            folders = children.filter(Files::isDirectory).sorted().toList();
        }
        List<Path> runs = folders.stream().filter(f -> Files.isRegularFile(f.resolve(RunFolder.CONFIG))
                || PipelineIo.isPipeline(f)).toList();
        return new RunFolderScan(parent, runs, folders.size() - runs.size());
    }
}
