package org.supertickets.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.supertickets.TestConfigs;
import org.supertickets.run.LocalRun;
import org.supertickets.run.RunFolder;
import org.supertickets.space.DataConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;

/**
 * One real run on the shipped Fashion-MNIST, as small as still finds a ticket (two epochs on 576 images, a
 * pruning event each epoch), trained once per test JVM and shared by the tests that use a ticket from outside.
 */
final class TinyTicketRun {

    /** Test images the ticket is scored on: few, so the reported accuracy is a count that cannot hide a slip. */
    static final int TEST_IMAGES = 200;

    private static RunFolder folder;

    private TinyTicketRun() {
    }

    /** The shared tiny Fashion-MNIST config, two epochs on 576 training images, scored on the first 200 test ones. */
    static SearchSpaceConfig config() {
        SearchSpaceConfig base = TestConfigs.tinyFashionMnist();
        DataConfig d = base.data();
        return base.withName("outside").withData(new DataConfig(d.dataset(), d.path(), d.channels(), d.height(),
                d.width(), d.classes(), d.validationFraction(), 640, TEST_IMAGES, d.augment()))
                .withTraining(base.training().withEpochs(2)).withSeed(5);
    }

    /** The run's folder, training it on first use. */
    static synchronized RunFolder folder() throws Exception {
        if (folder == null) {
            Path runs = Files.createTempDirectory("outside-runs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(runs)));
            LocalRun run = LocalRun.start(config(), runs, "cpu", null);
            RunFinished finished = run.completion().get();
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
