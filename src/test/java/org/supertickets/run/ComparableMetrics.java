package org.supertickets.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** A run folder's metrics log without what measures time or says how the run was started: what must be equal. */
public final class ComparableMetrics {

    private ComparableMetrics() {
    }

    /**
     * Every event but run_started, without its wall-clock time, images/s, wall time, the resumed flag and the end's
     * message.
     */
    public static List<String> of(RunFolder folder) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(folder.metrics())) {
            ObjectNode o = (ObjectNode) EventJson.MAPPER.readTree(line);
            o.remove(List.of("time", "imagesPerSecond", "wallSeconds", "resumed", "message"));
            if (!"run_started".equals(o.path("type").asText())) {
                out.add(o.toString());
            }
        }
        return out;
    }
}
