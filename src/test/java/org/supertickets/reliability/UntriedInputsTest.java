package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.data.DatasetException;
import org.supertickets.data.DatasetLoader;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderWriter;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigValidator;
import org.supertickets.space.DataConfig;
import org.supertickets.space.SearchConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketRunPlan;
import org.supertickets.train.EvalMetrics;
import org.supertickets.train.RunFinished;

/**
 * Inputs issue 13 had not tried (item 7) and messages that blamed the wrong thing (item 6): each gives one clear
 * message naming the file or field and the fix, or a run whose records say what really happened.
 */
@Timeout(60)
class UntriedInputsTest {

    @TempDir
    Path dir;

    private static List<ValidationIssue> issuesAt(SearchSpaceConfig config, String path) {
        return ConfigValidator.validate(config).stream().filter(i -> i.path().equals(path)).toList();
    }

    @Test
    void aFiveThousandCharacterNameIsRefusedByValidateNotBlamedOnTheRunsFolder() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        List<ValidationIssue> issues = issuesAt(config.withName("x".repeat(5000)), "name");
        assertEquals(1, issues.size(), String.valueOf(ConfigValidator.validate(config.withName("x".repeat(5000)))));
        assertTrue(issues.get(0).message().contains("5000 characters") && issues.get(0).fix().contains("80"),
                issues.get(0).toString());
        assertEquals(1, issuesAt(config.withName("two\nlines"), "name").size(), "a control character");
        assertEquals(1, issuesAt(config.withName("runs/../x"), "name").size(), "a path");
        assertEquals(List.of(), issuesAt(config.withName("fashion-mnist_v2.1 (wide)"), "name"));

        // A name from elsewhere (a ticket, a found run) still makes a folder: cut, not 'File name too long'.
        RunFolder folder = RunFolder.create(dir, "y".repeat(5000), LocalDateTime.now());
        assertTrue(Files.isDirectory(folder.path()) && folder.name().length() < 255, folder.name());

        // A derived run of a name at the limit stays valid (retrain appends its own suffix).
        SearchSpaceConfig longest = config.withName("z".repeat(ConfigValidator.MAX_NAME_LENGTH));
        assertEquals(ConfigValidator.MAX_NAME_LENGTH, TicketRunPlan.frozenConfig(longest, "-retrain-random", 1)
                .name().length());
    }

    @Test
    void aNamedPipeOrADeviceAsDataIsRefusedWithoutReadingIt() throws Exception {
        Path idx = Files.createDirectories(dir.resolve("idx"));
        List<String> names = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte");
        for (String name : names) {
            Process mkfifo = new ProcessBuilder("mkfifo", idx.resolve(name).toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor());
        }
        DataConfig fromFifo = new DataConfig("idx", idx.toString(), 1, 28, 28, 10, 0.1, 0, 0, false);
        String message = assertThrows(DatasetException.class, () -> DatasetLoader.load(fromFifo, 1)).getMessage();
        assertTrue(message.contains(idx.toString()) && message.contains("named pipe") && message.contains("Fix:"),
                message);

        for (String name : names) {
            Files.delete(idx.resolve(name));
            Files.createSymbolicLink(idx.resolve(name), Path.of("/dev/zero"));
        }
        message = assertThrows(DatasetException.class, () -> DatasetLoader.load(fromFifo, 1)).getMessage();
        assertTrue(message.contains(idx.toString()) && message.contains("is a device"), message);

        DataConfig atDevZero = new DataConfig("idx", "/dev/zero", 1, 28, 28, 10, 0.1, 0, 0, false);
        message = assertThrows(DatasetException.class, () -> DatasetLoader.load(atDevZero, 1)).getMessage();
        assertTrue(message.contains("/dev/zero") && message.contains("not a folder (data.path)")
                && message.contains("device"), message);
    }

    @Test
    void aTrainLimitBelowOneBatchIsRefusedWithTheFieldAndTheFix() {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        DataConfig d = config.data();
        SearchSpaceConfig one = config.withData(new DataConfig(d.dataset(), d.path(), d.channels(), d.height(),
                d.width(), d.classes(), d.validationFraction(), 1, d.testLimit(), d.augment()));
        List<ValidationIssue> issues = issuesAt(one, "data.trainLimit");
        assertEquals(1, issues.size(), String.valueOf(ConfigValidator.validate(one)));
        assertTrue(issues.get(0).message().contains("fewer than one batch")
                && issues.get(0).fix().contains("at least 36"), issues.get(0).toString());
        assertEquals(List.of(), issuesAt(config, "data.trainLimit"));
    }

    @Test
    void aRunWithoutValidationImagesLogsThatRatherThanNaN() throws Exception {
        RunFolder folder = RunFolder.create(dir, "no-validation", LocalDateTime.now());
        RunFolderWriter writer = new RunFolderWriter(folder, TestConfigs.tinySynthetic(), "h");
        writer.onEvent(new EvalMetrics(16, 1, Double.NaN, Double.NaN, 0.1, 0.1, 10, 9, 9, 100, 90, 8, 2, 2));
        String log = Files.readString(folder.log());
        assertTrue(log.contains("val acc not measured (no validation images)") && !log.contains("NaN"), log);
    }

    @Test
    void aTicketOfARunWithoutBnReestimationSaysSo() throws Exception {
        SearchSpaceConfig c = TestConfigs.tinySynthetic();
        SearchConfig s = c.search();
        SearchSpaceConfig noRecalibration = new SearchSpaceConfig(c.name(), c.data(), c.stem(), c.stages(), c.head(),
                new SearchConfig(s.enabled(), s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(), s.minShrinkMacs(),
                        s.evalIntervalEpochs(), 0, s.macsTarget(), s.macsTargetEndEpoch()),
                c.pruning(), c.training(), c.seed());
        RunFolder folder = RunFolder.create(dir, "bn0", LocalDateTime.now());
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(c), 1);
        new RunFolderWriter(folder, noRecalibration, "h").onTicket(network, new RunFinished(64, 4,
                RunFinished.Outcome.COMPLETED, "done", 0.5, 1, 0.5, 0, 10, 10, 100, 1, 1e6));
        String extracted = TicketIo.read(folder.ticket()).manifest().provenance().extractedAt();
        assertTrue(extracted.contains("as kept during training") && !extracted.contains("re-estimated"), extracted);
    }
}
