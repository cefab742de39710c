package org.supertickets.ui.runqueue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.run.EventJson;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigIo;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.TestEvents;

/** Run folders as a run of an earlier session left them, written without training. */
final class TinyRunFolders {

    private TinyRunFolders() {
    }

    /**
     * A run folder with a start, one step and {@code end} (null: the writing process died), an hour old.
     *
     * @param checkpoint whether it holds a checkpoint to resume from
     */
    static Path write(Path dir, RunFinished end, boolean checkpoint) throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS));
        ConfigIo.write(folder.config(), TestEvents.CONFIG);
        List<TrainingEvent> events = new ArrayList<>(List.of(TestEvents.started(),
                new StepMetrics(10, 0.1, 2, 0.1, 0.1, 0, 1, 100)));
        if (end != null) {
            events.add(end);
        }
        StringBuilder lines = new StringBuilder();
        events.forEach(e -> lines.append(EventJson.toJson(e)).append('\n'));
        Files.writeString(folder.metrics(), lines);
        if (checkpoint) {
            Files.writeString(folder.latestCheckpoint(), "a checkpoint");
        }
        Files.setLastModifiedTime(folder.metrics(), FileTime.from(Instant.now().minusSeconds(3600)));
        return dir;
    }
}
