package org.supertickets.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.supertickets.train.RunFinished;
import org.supertickets.train.TrainingEvent;

/**
 * Follows a run folder that may still be written (by this process, the CLI or another machine): each call
 * returns the events of the complete lines added since the previous call, metrics, snapshots and predictions
 * merged in step order. A line that does not parse is skipped and counted, never fatal.
 */
public final class RunFolderReader {

    private final JsonLinesTail metrics;
    private final JsonLinesTail snapshots;
    private final JsonLinesTail predictions;
    private int skippedLines;

    public RunFolderReader(RunFolder folder) {
        this(folder, 0);
    }

    /**
     * A reader that lets a line with a hole of zeros wait up to {@code holeGraceNanos} for the rest of its bytes
     * (a live follower of a folder on a network file system; see {@link JsonLinesTail}).
     */
    public RunFolderReader(RunFolder folder, long holeGraceNanos) {
        this(folder, holeGraceNanos, true);
    }

    private RunFolderReader(RunFolder folder, long holeGraceNanos, boolean all) {
        this.metrics = new JsonLinesTail(folder.metrics(), holeGraceNanos);
        this.snapshots = all ? new JsonLinesTail(folder.snapshots(), holeGraceNanos) : null;
        this.predictions = all ? new JsonLinesTail(folder.predictions(), holeGraceNanos) : null;
    }

    /**
     * A reader of {@code metrics.jsonl} alone (curves of evaluations and steps), which leaves the snapshots'
     * and predictions' megabytes unread.
     */
    public static RunFolderReader metricsOnly(RunFolder folder) {
        return new RunFolderReader(folder, 0, false);
    }

    /**
     * The events written since the last call, at most one window ({@link JsonLines#MAX_LINE_BYTES}) of each file:
     * a follower polling a large log catches up over several calls instead of reading it whole.
     */
    public List<TrainingEvent> readNew() throws IOException {
        return readNewTimed().stream().map(TimedEvent::event).toList();
    }

    /** {@link #readNew()} with the moment each line was written (null for a line without one). */
    public synchronized List<TimedEvent> readNewTimed() throws IOException {
        List<TimedEvent> events = new ArrayList<>();
        parseInto(metrics.readNew(), events);
        if (snapshots != null) {
            parseInto(snapshots.readNew(), events);
            parseInto(predictions.readNew(), events);
        }
        // The events come from three files: merge by step, the end of a run last within its step.
        events.sort(java.util.Comparator.comparingLong((TimedEvent e) -> e.event().step())
                .thenComparing(e -> e.event() instanceof RunFinished));
        return events;
    }

    /**
     * Streams the events of a run's {@code metrics.jsonl} (every event but the connectivity snapshots) in the order
     * written, one line in memory at a time: for summaries of runs whose logs may be gigabytes.
     *
     * @return the number of lines skipped (unparseable or too long)
     */
    public static int forEachMetric(RunFolder folder, java.util.function.Consumer<TrainingEvent> each)
            throws IOException {
        int[] unparsed = {0};
        int tooLong = JsonLines.forEachLine(folder.metrics(), line -> {
            try {
                each.accept(EventJson.fromJson(line));
            } catch (IllegalArgumentException e) {
                unparsed[0]++;
            }
        });
        return unparsed[0] + tooLong;
    }

    /** Lines that could not be parsed or were too long so far (a damaged or foreign file). */
    public synchronized int skippedLines() {
        return skippedLines + metrics.skippedLines()
                + (snapshots == null ? 0 : snapshots.skippedLines() + predictions.skippedLines());
    }

    private void parseInto(List<String> lines, List<TimedEvent> out) {
        for (String line : lines) {
            try {
                out.add(EventJson.fromJsonTimed(line));
            } catch (IllegalArgumentException e) {
                skippedLines++;
            }
        }
    }
}
