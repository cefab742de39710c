package org.supertickets.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.run.JsonLines;
import org.supertickets.run.JsonLinesTail;

/**
 * {@value #FILE} in a pipeline folder: one JSON line per stage start, appended the moment the stage's run folder
 * exists (after a resumed stage's logs were repaired). Append-only and line-complete like {@code metrics.jsonl}, so
 * it is followed the same way, from this machine or another.
 */
public final class StageAnnouncements {

    public static final String FILE = "stages.jsonl";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final JsonLinesTail tail;
    private int skippedLines;

    /** A reader of the announcements of {@code pipelineFolder}, from the first. */
    public StageAnnouncements(Path pipelineFolder) {
        tail = new JsonLinesTail(pipelineFolder.resolve(FILE));
    }

    /** Appends one announcement to {@code pipelineFolder}'s file. */
    public static void announce(Path pipelineFolder, StageAnnouncement stage) throws IOException {
        JsonLines.append(pipelineFolder.resolve(FILE), JSON.writeValueAsString(stage));
    }

    /** The announcements appended since the last call, in order; a line that does not parse is skipped. */
    public List<StageAnnouncement> readNew() throws IOException {
        List<StageAnnouncement> out = new ArrayList<>();
        for (String line : tail.readNew()) {
            try {
                StageAnnouncement a = JSON.readValue(line, StageAnnouncement.class);
                if (a.kind() == null || a.runFolder() == null) {
                    skippedLines++;
                } else {
                    out.add(a);
                }
            } catch (JsonProcessingException e) {
                skippedLines++;
            }
        }
        return out;
    }

    /** Lines that could not be read as an announcement so far (a damaged or foreign file). */
    public int skippedLines() {
        return skippedLines + tail.skippedLines();
    }
}
