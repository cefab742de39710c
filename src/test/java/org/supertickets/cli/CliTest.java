package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void validateShowsTheSearchSpaceOfEverySampleConfig() {
        for (String name : new String[] {"quickstart", "fashion-mnist", "fashion-mnist-compare", "cifar10"}) {
            out.reset();
            assertEquals(0, Main.execute("validate", "sample-configs/" + name + ".json"), err.toString());
            assertTrue(out.toString().contains("supernet:"), out.toString());
        }
    }

    @Test
    void aBadConfigExitsWithTwoAndNamesFileFieldAndFix() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("sample-configs/quickstart.json"))
                .replace("\"kernelSizes\" : [ 3, 5, 7 ]", "\"kernelSizes\" : [ 3, 4 ]"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("validate", bad.toString()));
        String message = err.toString();
        assertTrue(message.contains("bad.json"), message);
        assertTrue(message.contains("stages[0].kernelSizes[1]"), message);
        assertTrue(message.contains("Fix:"), message);
    }

    /** Issue 11, item 3: validate lists an unknown field with every other problem, as the README promises. */
    @Test
    void validateReportsAnUnknownFieldTogetherWithTheOtherProblems() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("sample-configs/quickstart.json"))
                .replace("\"kernelSizes\" : [ 3, 5, 7 ]", "\"kernelSizes\" : [ 3, 4 ]")
                .replace("\"rerank\" : true", "\"rerank\" : true, \"rerankk\" : true"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("validate", bad.toString()));
        String message = err.toString();
        assertTrue(message.contains("pruning.rerankk: unknown field 'rerankk'"), message);
        assertTrue(message.contains("stages[0].kernelSizes[1]"), message);
        assertTrue(message.contains("stages[1].kernelSizes[1]"), message);
    }

    /** Issue 11, item 3: quickstart shortened to 3 epochs runs; its end epochs of 4 belong to switched-off options. */
    @Test
    void aRunShortenedOnTheCommandLineIsNotRefusedForSwitchedOffOptions() throws Exception {
        Path shortened = dir.resolve("short.json");
        Files.writeString(shortened, Files.readString(Path.of("sample-configs/quickstart.json"))
                .replace("\"epochs\" : 6", "\"epochs\" : 3"));
        assertEquals(0, Main.execute("validate", shortened.toString()), err.toString());
        var config = Configs.load(Path.of("sample-configs/quickstart.json"), null, 3);
        assertEquals(3, config.training().epochs());
        assertEquals(4.0, config.pruning().cubicEndEpoch());
    }

    @Test
    void aTypoInAFieldNameSuggestsTheRightOne() throws Exception {
        Path bad = dir.resolve("typo.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"trainin\": {} }");
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("run", bad.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("did you mean 'training'"), err.toString());
    }

    @Test
    void infoOnAFolderThatIsNotARunSaysWhat() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("info", dir.toString()));
        assertTrue(err.toString().contains("not a run folder"), err.toString());
    }

    @Test
    void resumingAPipelineWithADamagedManifestNamesTheFileAndTheFix() throws Exception {
        Files.writeString(dir.resolve("pipeline.json"), "{ \"method\": ");
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("resume", dir.toString()));
        String message = err.toString();
        assertTrue(message.contains("pipeline.json") && message.contains("Fix"), message);
    }

    @Test
    void impRefusesUnusableSettingsAndASearchRunThatIsNotARun() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("imp", "sample-configs/quickstart.json", "--fraction", "1.5",
                "--out", dir.toString()));
        assertTrue(err.toString().contains("fraction per level 1.5") && err.toString().contains("Fix"),
                err.toString());
        err.reset();
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("imp", "sample-configs/quickstart.json", "--search-run",
                dir.toString(), "--out", dir.resolve("out").toString()));
        assertTrue(err.toString().contains("not a run folder"), err.toString());
    }

    @Test
    void helpIsEverywhere() {
        assertEquals(0, Main.execute("--help"));
        assertEquals(0, Main.execute("bench", "--help"));
        assertTrue(out.toString().contains("--warmup"));
    }
}
