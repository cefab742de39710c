package org.supertickets.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.supertickets.TestConfigs;
import org.supertickets.io.AtomicFiles;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainerCheckpoint;

/** Run folders as a stopped or a completed run leaves them, and a fingerprint to show that nothing was written. */
public final class RunFolderFixtures {

    private RunFolderFixtures() {
    }

    /** A run folder of the tiny Fashion-MNIST config with a checkpoint at step 0: what resume continues. */
    public static RunFolder stoppedRun(Path runs, String name) throws Exception {
        RunFolder folder = RunFolder.create(runs, name, LocalDateTime.now());
        AtomicFiles.writeString(folder.config(), ConfigIo.toJson(TestConfigs.tinyFashionMnist()));
        SearchSpaceConfig loaded = ConfigIo.loadResolved(folder.config());
        CheckpointIo.write(folder.latestCheckpoint(), new TrainerCheckpoint(0, 0,
                NetworkInitializer.initialize(Architecture.supernet(loaded), 1), Map.of(), 0, 0, 0, 0,
                ConfigIo.hash(loaded), Map.of()));
        return folder;
    }

    /** As {@link #stoppedRun}, with a log that ends COMPLETED and a ticket folder. */
    public static RunFolder completedRun(Path runs) throws Exception {
        RunFolder folder = stoppedRun(runs, "done");
        SearchSpaceConfig loaded = ConfigIo.loadResolved(folder.config());
        new RunFolderWriter(folder, loaded, ConfigIo.hash(loaded)).onEvent(new RunFinished(0, 0,
                RunFinished.Outcome.COMPLETED, "Completed 0 steps.", 0.8123, 0.5, 0.81, 0.9, 1000, 100, 50, 89, 1e9));
        Files.createDirectories(folder.ticket());
        return folder;
    }

    /**
     * Every path under {@code dir} (links not followed) with its size and modification time: equal before and after
     * means nothing was written.
     */
    public static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    files.put(dir.relativize(p).toString(), a.isDirectory() ? "folder"
                            : a.size() + " bytes, " + a.lastModifiedTime().toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
