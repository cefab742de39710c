package org.supertickets.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;

/**
 * A run or pipeline folder found under an output folder, and where it stands.
 *
 * @param folder      the run or pipeline folder
 * @param config      its resolved config (a pipeline's base config)
 * @param imp         a pipeline's settings; null for a single run
 * @param finished    how its latest attempt ended; null when no end was recorded (still written, or the writing
 *                    process died) and for a pipeline, whose stages each end
 * @param complete    true when it completed (a run with its ticket, a pipeline with all its levels)
 * @param resumable   true when it has not completed and holds what resume continues from (a checkpoint, or a
 *                    pipeline's manifest)
 * @param lastWritten when its log (metrics.jsonl, a pipeline's pipeline.json) last changed
 * @param progress    steps done / total steps of its latest attempt, 0..1 (a pipeline: its finished stages / all
 *                    its stages)
 */
public record FoundRun(Path folder, SearchSpaceConfig config, ImpSettings imp, RunFinished finished,
        boolean complete, boolean resumable, Instant lastWritten, double progress) {

    public String name() {
        return folder.getFileName().toString();
    }
}
