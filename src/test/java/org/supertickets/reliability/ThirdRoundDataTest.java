package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.cli.Main;
import org.supertickets.data.DatasetException;
import org.supertickets.data.DatasetLoader;
import org.supertickets.data.IdxBombs;
import org.supertickets.pipeline.RunFolderScan;
import org.supertickets.run.ChildJvm;
import org.supertickets.run.EventJson;
import org.supertickets.run.JsonLines;
import org.supertickets.run.RunFolder;
import org.supertickets.run.RunFolderReader;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.DataConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.train.RunFinished;
import org.supertickets.train.RunStarted;

/**
 * Hostile inputs of issue 28 (items 2, 4 and part of 7), third round: gzip bombs in IDX data, run logs that are a
 * named pipe, a device or a folder, a log that starts with a byte-order mark, and an unreadable PNG. Each ends in
 * a message naming the file, the problem and the fix, exit code 2 from the command line, no stack trace and
 * nothing written. Every read that could block or never end runs under a timeout, so a regression fails, not hangs.
 */
class ThirdRoundDataTest {

    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void gzipBombsEndInAMessageAndExitCode2WithASmallHeap() throws Exception {
        // 1,000,000 images of 28x28 (784 MB of zeros, 3.1 GB as floats) in a file of about 1 MB.
        Path many = IdxBombs.folder(dir.resolve("many"), 1_000_000, 28, 28);
        Path runs = dir.resolve("runs");
        Child run = runWithSmallHeap("run", idxConfig(many, 0).toString(), "--out", runs.toString());
        assertBadInput(run, many.resolve("train-images-idx3-ubyte.gz").toString(), "declares 1000000 images",
                "set data.trainLimit to at most");

        // 127 images of 4096x4096 (2.1 GB of zeros) in a file of about 2 MB, for a config of 28x28 images.
        Path huge = IdxBombs.folder(dir.resolve("huge"), 127, 4096, 4096);
        run = runWithSmallHeap("run", idxConfig(huge, 0).toString(), "--out", runs.toString());
        assertBadInput(run, huge.resolve("train-images-idx3-ubyte.gz").toString(), "data.height and data.width",
                "4096x4096", "set data.height to 4096");
        assertFalse(Files.exists(runs) && Files.list(runs).findAny().isPresent(), "no run folder was written");

        // In this process too (the tests' heap of 4 GB holds neither), and within a limit the bomb is only zeros.
        DataConfig all = idxData(many, 0);
        String message = assertTimeoutPreemptively(QUICK, () -> assertThrows(DatasetException.class,
                () -> DatasetLoader.load(all, 1))).getMessage();
        assertTrue(message.contains("train-images-idx3-ubyte.gz") && message.contains("Fix:"), message);
        assertEquals(90, assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> DatasetLoader.load(idxData(many, 100), 1)).train().size());
    }

    @Test
    void aLogThatIsANamedPipeIsRefusedNotWaitedFor() throws Exception {
        RunFolder run = completedRun("fifo");
        Files.delete(run.metrics());
        Process mkfifo = new ProcessBuilder("mkfifo", run.metrics().toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertRefused(run, "named pipe");
    }

    @Test
    void aLogThatIsALinkToAnEndlessDeviceIsRefusedNotReadForever() throws Exception {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            RunFolder run = completedRun("device" + device.length());
            Files.delete(run.metrics());
            Files.createSymbolicLink(run.metrics(), Path.of(device));
            assertRefused(run, "is a device");
        }
    }

    @Test
    void aLogThatIsAFolderIsCalledAFolderWithTheFix() throws Exception {
        RunFolder run = completedRun("folder");
        Files.delete(run.metrics());
        Files.createDirectory(run.metrics());
        Child info = runWithSmallHeap("info", run.path().toString());
        assertBadInput(info, run.metrics().toString(), "is a folder, not a file");
        assertFalse(info.text().contains("Is a directory"), info.text());
    }

    @Test
    void aLogThatStartsWithAByteOrderMarkIsComparedLikeAnyOther() throws Exception {
        RunFolder run = completedRun("bom");
        byte[] log = Files.readAllBytes(run.metrics());
        byte[] marked = new byte[log.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(log, 0, marked, 3, log.length);
        Files.write(run.metrics(), marked);

        Child compare = runWithSmallHeap("compare", run.path().toString());
        assertEquals(0, compare.exit(), compare.text());
        assertTrue(compare.text().contains("bom") && compare.text().contains("0.8100"), compare.text());
        List<String> lines = new ArrayList<>();
        JsonLines.forEachLine(run.metrics(), lines::add);
        assertTrue(lines.get(0).startsWith("{\"type\":\"run_started\""), lines.get(0));
        assertEquals(2, new RunFolderReader(run).readNew().size());
    }

    @Test
    void aTruncatedPngSaysItEndsEarly() throws Exception {
        Path images = dir.resolve("images");
        java.util.Random random = new java.util.Random(3);
        for (String label : List.of("cat", "dog")) {
            for (int i = 0; i < 3; i++) {
                BufferedImage noise = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        noise.setRGB(x, y, random.nextInt());
                    }
                }
                Path file = images.resolve(label).resolve(i + ".png");
                Files.createDirectories(file.getParent());
                ImageIO.write(noise, "png", file.toFile());
            }
        }
        Path cut = images.resolve("dog/1.png");
        byte[] png = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(png, png.length / 2));
        DataConfig config = new DataConfig("image-folder", images.toString(), 3, 32, 32, 2, 0.0, 0, 0, false);
        String message = assertThrows(DatasetException.class, () -> DatasetLoader.load(config, 1)).getMessage();
        assertTrue(message.contains(cut.toString()) && message.contains("ends early") && message.contains("Fix:"),
                message);
    }

    /** info, compare, the Runs view's scan and a follower each refuse the log at once, naming it. */
    private void assertRefused(RunFolder run, String what) throws Exception {
        for (String command : List.of("info", "compare")) {
            assertBadInput(runWithSmallHeap(command, run.path().toString()), run.metrics().toString(), what);
        }
        RunFolderScan.Result scan = assertTimeoutPreemptively(QUICK, () -> RunFolderScan.under(dir));
        assertTrue(scan.unreadable().stream().anyMatch(u -> u.startsWith(run.name()) && u.contains(what)),
                scan.unreadable().toString());
        IOException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(IOException.class,
                () -> new RunFolderReader(run).readNew()));
        assertTrue(e.getMessage().contains(run.metrics().toString()) && e.getMessage().contains("Fix:"),
                e.getMessage());
    }

    /** A run folder holding a completed run's config and a two-line log. */
    private RunFolder completedRun(String name) throws IOException {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        RunFolder run = RunFolder.create(dir, name, LocalDateTime.of(2026, 1, 1, 0, 0));
        ConfigIo.write(run.config(), config);
        Architecture a = Architecture.supernet(config);
        Files.writeString(run.metrics(), EventJson.toJson(new RunStarted(0, 0, 10, 10, 5, 5, "cpu()", "e", a,
                a.macs(), a.params(), 100, 10, 10, false)) + "\n" + EventJson.toJson(new RunFinished(10, 1,
                RunFinished.Outcome.COMPLETED, "ok", 0.81, 0.5, 0.8, 0.6, 1000, 500, 1000, 12.5, 1e9)) + "\n",
                StandardCharsets.UTF_8);
        return run;
    }

    /** A config file for the tiny network on the IDX files in {@code idx} (28x28, 10 classes). */
    private Path idxConfig(Path idx, int trainLimit) throws IOException {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist().withData(idxData(idx, trainLimit));
        Path file = dir.resolve("idx-" + idx.getFileName() + "-" + trainLimit + ".json");
        ConfigIo.write(file, config);
        return file;
    }

    private static DataConfig idxData(Path idx, int trainLimit) {
        return new DataConfig("idx", idx.toString(), 1, 28, 28, 10, 0.1, trainLimit, 0, false);
    }

    private record Child(int exit, String text) {
    }

    /** The command line in a JVM of 200 MB heap, killed after a minute (a read that blocks fails, not hangs). */
    private Child runWithSmallHeap(String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(Main.class, List.of(args)));
        command.add(1, "-Xmx200m");
        Path log = Files.createTempFile(dir, args[0], ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor();
        }
        assertTrue(ended, String.join(" ", args) + " did not end within a minute: " + Files.readString(log));
        return new Child(child.exitValue(), Files.readString(log));
    }

    private static void assertBadInput(Child child, String... parts) {
        assertEquals(2, child.exit(), child.text());
        for (String part : parts) {
            assertTrue(child.text().contains(part), "'" + child.text() + "' lacks '" + part + "'");
        }
        assertTrue(child.text().contains("Fix:"), child.text());
        assertFalse(child.text().contains("Exception") || child.text().contains("\tat ")
                || child.text().contains("Error:"), child.text());
    }
}
