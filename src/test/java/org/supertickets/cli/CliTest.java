package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    void validateShowsTheSearchSpaceOfEverySampleConfig() {
        for (String name : new String[] {"quickstart", "fashion-mnist", "fashion-mnist-compare",
                "fashion-mnist-official", "fashion-mnist-best", "cifar10", "demo"}) {
            console.reset();
            assertEquals(0, Main.execute("validate", "sample-configs/" + name + ".json"), console.err());
            assertTrue(console.out().contains("supernet:"), console.out());
        }
    }

    @Test
    void aBadConfigExitsWithTwoAndNamesFileFieldAndFix() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of("sample-configs/quickstart.json"))
                .replace("\"kernelSizes\" : [ 3, 5, 7 ]", "\"kernelSizes\" : [ 3, 4 ]"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("validate", bad.toString()));
        String message = console.err();
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
        String message = console.err();
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
        assertEquals(0, Main.execute("validate", shortened.toString()), console.err());
        var config = Configs.load(Path.of("sample-configs/quickstart.json"), null, 3);
        assertEquals(3, config.training().epochs());
        assertEquals(4.0, config.pruning().cubicEndEpoch());
    }

    @Test
    void aTypoInAFieldNameSuggestsTheRightOne() throws Exception {
        Path bad = dir.resolve("typo.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"trainin\": {} }");
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("run", bad.toString(), "--out", dir.toString()));
        assertTrue(console.err().contains("did you mean 'training'"), console.err());
    }

    @Test
    void infoOnAFolderThatIsNotARunSaysWhat() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("info", dir.toString()));
        assertTrue(console.err().contains("not a run folder"), console.err());
    }

    @Test
    void resumingAPipelineWithADamagedManifestNamesTheFileAndTheFix() throws Exception {
        Files.writeString(dir.resolve("pipeline.json"), "{ \"method\": ");
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("resume", dir.toString()));
        String message = console.err();
        assertTrue(message.contains("pipeline.json") && message.contains("Fix"), message);
    }

    @Test
    void impRefusesUnusableSettingsAndASearchRunThatIsNotARun() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("imp", "sample-configs/quickstart.json", "--fraction", "1.5",
                "--out", dir.toString()));
        assertTrue(console.err().contains("fraction per level 1.5") && console.err().contains("Fix"),
                console.err());
        console.reset();
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("imp", "sample-configs/quickstart.json", "--search-run",
                dir.toString(), "--out", dir.resolve("out").toString()));
        assertTrue(console.err().contains("not a run folder"), console.err());
    }

    /** Issue 30, item 8: too few steps are refused with the minimum and why, not measured as 0 images/s and NaN. */
    @Test
    void benchRefusesTooFewStepsSayingTheMinimumAndWhy() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "sample-configs/demo.json", "--steps", "5"));
        assertTrue(console.err().contains("--steps 5 is too few"), console.err());
        assertTrue(console.err().contains("every 10 steps") && console.err().contains("Fix: --steps 10"),
                console.err());
        console.reset();
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("bench", "sample-configs/demo.json", "--warmup", "0"));
        assertTrue(console.err().contains("Fix: --warmup 10"), console.err());
        assertTrue(console.out().isEmpty(), "nothing measured: " + console.out());
    }

    @Test
    void helpIsEverywhere() {
        assertEquals(0, Main.execute("--help"));
        assertEquals(0, Main.execute("bench", "--help"));
        assertTrue(console.out().contains("--warmup"));
    }
}
