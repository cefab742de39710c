package org.supertickets.ui.compare;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;
import org.supertickets.train.SegmentationMetrics;

/**
 * Run folders written event by event through the trainer's own writers, with known values: a start, three
 * evaluations at epochs 1, 2, 3 (validation accuracy {@code accuracy - 0.1/epoch}, sparsity {@code 0.2 x epoch},
 * MACs {@code macs x (4 - epoch)}) and a completed end.
 */
final class TinyRuns {

    private TinyRuns() {
    }

    static RunFolder finished(Path parent, String name, SearchSpaceConfig config, double accuracy, long macs)
            throws Exception {
        return finished(parent, name, config, accuracy, macs, null);
    }

    /** A finished run; a segmentation one ends with its test mean IoU ({@code testSegmentation} not null). */
    static RunFolder finished(Path parent, String name, SearchSpaceConfig config, double accuracy, long macs,
            SegmentationMetrics testSegmentation) throws Exception {
        RunFolder f = started(parent, name, config);
        for (int i = 1; i <= 3; i++) {
            JsonLines.append(f.metrics(), EventJson.toJson(new EvalMetrics(10L * i, i, 1.0 / i, accuracy - 0.1 / i,
                    0.2 * i, 0.2 * i, macs * (4 - i), macs, macs, 1000, 500, 30, 4, 2)));
        }
        JsonLines.append(f.metrics(), EventJson.toJson(new RunFinished(30, 3, RunFinished.Outcome.COMPLETED, "ok",
                accuracy, 0.5, accuracy, 0.6, macs, macs / 2, 1000, 12.5, 1e9, testSegmentation)));
        return f;
    }

    /** A run that started and never finished (still training, or killed). */
    static RunFolder started(Path parent, String name, SearchSpaceConfig config) throws Exception {
        RunFolder f = RunFolder.create(parent, name, LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(f.config(), config);
        Architecture a = Architecture.supernet(config);
        JsonLines.append(f.metrics(), EventJson.toJson(new RunStarted(0, 0, 30, 10, 10, 10, "cpu()", "e", a,
                a.macs(), a.params(), 100, 10, 10, false)));
        return f;
    }
}
