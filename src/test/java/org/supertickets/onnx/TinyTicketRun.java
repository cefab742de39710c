package org.supertickets.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.DataConfig;
import org.supertickets.space.HeadConfig;
import org.supertickets.space.PruningConfig;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.StageConfig;
import org.supertickets.space.StemConfig;
import org.supertickets.space.TrainingConfig;
import org.supertickets.train.RunFinished;

/**
 * One real run on the shipped Fashion-MNIST, as small as still finds a ticket (two epochs on 576 images, a
 * pruning event each epoch), trained once per test JVM and shared by the tests that use a ticket from outside.
 */
final class TinyTicketRun {

    /** Test images the ticket is scored on: few, so the reported accuracy is a count that cannot hide a slip. */
    static final int TEST_IMAGES = 200;

    private static RunFolder folder;
    private static RunFinished finished;

    private TinyTicketRun() {
    }

    static SearchSpaceConfig config() {
        return ConfigResolver.resolve(new SearchSpaceConfig("outside",
                new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 640, TEST_IMAGES, false),
                new StemConfig(6, 3, 2),
                List.of(new StageConfig(12, 1, 2, List.of(3, 5), 2), new StageConfig(16, 1, 2, List.of(3, 5), 2)),
                new HeadConfig(24),
                new SearchConfig(true, 0.05, 0.5, 1e-3, 0L, 1.0, 2, 0L, 2.0),
                new PruningConfig(true, 0.4, 1.0, "staircase", 0.2, 2.0, true, false, false, false),
                new TrainingConfig(2, 32, "sgd", 0.1, 0.9, 4e-5, "cosine", 0.0, 0.0, 200, "cpu"),
                5L));
    }

    /** The run's folder, training it on first use. */
    static synchronized RunFolder folder() throws Exception {
        if (folder == null) {
            Path runs = Files.createTempDirectory("outside-runs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(runs)));
            LocalRun run = LocalRun.start(config(), runs, "cpu", null);
            finished = run.completion().get();
            if (finished.outcome() != RunFinished.Outcome.COMPLETED) {
                throw new IllegalStateException("the tiny run did not complete: " + finished.message());
            }
            folder = run.folder();
        }
        return folder;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
