package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigIoTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private ConfigException readFails(String name, String text) throws Exception {
        Path f = write(name, text);
        return assertThrows(ConfigException.class, () -> ConfigIo.read(f));
    }

    // ---- the samples ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "fashion-mnist", "cifar10"})
    void everySampleLoadsValidatesAndWritesEveryFieldOut(String name) throws Exception {
        Path file = SampleEdits.sample(name);
        SearchSpaceConfig resolved = ConfigIo.loadResolved(file);
        assertEquals(name, resolved.name());
        assertEquals(List.of(), ConfigResolverTest.nulls(ConfigIo.read(file), ""), "raw file, before resolving");
        assertEquals(ConfigIo.toJson(resolved, "../" + ConfigSchema.REPOSITORY_PATH).replaceAll("\\s+", " "),
                Files.readString(file).replaceAll("\\s+", " "), "apart from line breaks, the sample is exactly what "
                + "ConfigIo writes: its $schema, then every field, in order");
    }

    @Test
    void theSamplesDescribeTheAgreedSearchSpaces() throws Exception {
        SearchSpaceConfig q = ConfigIo.loadResolved(SampleEdits.sample("quickstart"));
        assertEquals(new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 6000, 2000, false), q.data());
        assertEquals(new StemConfig(8, 3, 1), q.stem());
        assertEquals(List.of(new StageConfig(16, 1, 2, List.of(3, 5, 7), 2), new StageConfig(24, 2, 2,
                List.of(3, 5, 7), 2)), q.stages());
        assertEquals(64, q.head().channels());
        assertEquals(List.of(6e-3, 0.5, 0.5), List.of(q.search().rho(), q.search().rhoWarmupEpochs(),
                q.search().evalIntervalEpochs()));
        assertEquals(List.of(0.75, 0.5, 0.1), List.of(q.pruning().targetSparsity(), q.pruning().intervalEpochs(),
                q.pruning().increment()));
        assertEquals(List.of(6, 64), List.of(q.training().epochs(), q.training().batchSize()));

        SearchSpaceConfig f = ConfigIo.loadResolved(SampleEdits.sample("fashion-mnist"));
        assertEquals(List.of(24, 32, 64), f.stages().stream().map(StageConfig::channels).toList());
        assertEquals(List.of(12, 256), List.of(f.training().epochs(), f.head().channels()));
        assertEquals(List.of(1.5e-3, 1.0, 0.75, 0.75), List.of(f.search().rho(), f.search().rhoWarmupEpochs(),
                f.search().evalIntervalEpochs(), f.pruning().intervalEpochs()));

        SearchSpaceConfig c = ConfigIo.loadResolved(SampleEdits.sample("cifar10"));
        assertEquals(new DataConfig("cifar10", "/path/to/cifar-10-batches-bin", 3, 32, 32, 10, 0.1, 0, 0, true),
                c.data());
        assertEquals(List.of(32, 48, 64, 128), c.stages().stream().map(StageConfig::channels).toList());
        assertEquals(List.of(120, 512), List.of(c.training().epochs(), c.head().channels()));
        assertEquals(List.of(0.1, 5e-5), List.of(c.training().labelSmoothing(), c.training().weightDecay()));
        assertEquals(List.of(1.5e-4, 10.0, 5.0, 8.0), List.of(c.search().rho(), c.search().rhoWarmupEpochs(),
                c.search().evalIntervalEpochs(), c.pruning().intervalEpochs()));
    }

    // ---- reading errors ------------------------------------------------------------------------------------

    @Test
    void malformedJsonNamesFileLineColumnAndField() throws Exception {
        ConfigException e = readFails("broken.json", "{\n  \"name\": \"x\",\n  \"seed\": ,\n}");
        assertTrue(e.getMessage().startsWith(dir.resolve("broken.json") + ":3:11: 1 problem"), e.getMessage());
        assertEquals(List.of(3, 11), List.of(e.line(), e.column()));
        ValidationIssue issue = e.issues().get(0);
        assertEquals("seed", issue.path());
        assertTrue(issue.message().contains("line 3, column 11"), issue.message());
        assertTrue(issue.fix().contains("comma"), issue.fix());
    }

    @Test
    void anUnknownFieldSuggestsTheClosestNameAndListsTheKnownOnes() throws Exception {
        ConfigException e = readFails("typo.json", """
                {
                  "stages": [ { "channels": 8, "kernelSize": [3] } ]
                }""");
        ValidationIssue issue = e.issues().get(0);
        assertEquals("stages[0].kernelSize", issue.path());
        assertTrue(issue.message().startsWith("unknown field 'kernelSize' (line 2"), issue.message());
        assertTrue(issue.fix().contains("did you mean 'kernelSizes'?"), issue.fix());
        assertTrue(issue.fix().contains("channels, repeats, stride, kernelSizes, expansionRatio"), issue.fix());
        assertTrue(e.getMessage().contains("typo.json:2:"), e.getMessage());

        ConfigException top = readFails("top.json", "{ \"trainin\": {} }");
        assertTrue(top.getMessage().contains("did you mean 'training'"), top.getMessage());
        assertTrue(top.issues().get(0).fix().contains("The fields of the config are: name, data,"),
                top.issues().get(0).fix());
    }

    /** Issue 11, item 3: an unknown field no longer hides the other problems until it is fixed. */
    @Test
    void unknownFieldsAreReportedTogetherWithEveryOtherProblem() throws Exception {
        String text = SampleEdits.edit("quickstart", "stages[0].kernelSizes", "[3, 4]", "pruning.targetSparsity",
                "1.5", "training.epochz", "3", "stem.chanels", "8");
        Path f = write("many.json", text);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.loadResolved(f));
        List<String> paths = e.issues().stream().map(ValidationIssue::path).toList();
        assertEquals(List.of("stem.chanels", "training.epochz", "stages[0].kernelSizes[1]", "pruning.targetSparsity"),
                paths, e.getMessage());
        assertTrue(e.issues().get(0).fix().contains("did you mean 'channels'?"), e.issues().get(0).fix());
        assertTrue(e.getMessage().contains("4 problems"), e.getMessage());
        assertTrue(e.line() > 0, "the place of the first unknown field");
        assertEquals(paths, readFails("many-raw.json", text).issues().stream().map(ValidationIssue::path).toList(),
                "reading the raw file says the same");
    }

    /** Values JSON gives with another type are refused, never coerced: "16" is not 16, 16.5 is not 16. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            stages[0].channels       | "many" | expected a whole number, found the text "many"
            stages[0].channels       | "16"   | expected a whole number, found the text "16"
            stages[0].channels       | 16.5   | expected a whole number, found the number 16.5
            stages[0].kernelSizes    | 3      | expected a list [ ... ], found a whole number
            stages[0].kernelSizes[1] | "x"    | expected a whole number, found the text "x"
            data.augment             | 1      | expected true or false, found the number 1
            name                     | 5      | expected a text in double quotes, found the number 5
            search.rho               | {}     | expected a number, found an object { ... }
            stages                   | {}     | expected a list [ ... ], found an object { ... }
            seed                     | 1500.5 | expected a whole number, found the number 1500.5
            stages[0].channels       | 99999999999 | the number 99999999999 is too large (at most 2147483647)
            stages[0].channels       | 1e10   | the number 1.0E10 is too large (at most 2147483647)
            seed                     | 1e30   | the number 1.0E30 is too large (at most 9223372036854775807)
            """)
    void aWrongTypeNamesThePathTheLineAndBothTypes(String path, String json, String message) throws Exception {
        ConfigException e = readFails("type.json", SampleEdits.edit("quickstart", path, json));
        ValidationIssue issue = e.issues().get(0);
        assertEquals(path, issue.path());
        assertTrue(issue.message().startsWith(message + " (line "), issue.message());
        assertTrue(e.getMessage().startsWith(dir.resolve("type.json") + ":" + e.line() + ":"), e.getMessage());
        assertTrue(e.line() > 1, "the edited field is not on the first line");
    }

    @Test
    void wholeNumbersMayBeWrittenWithAnExponent() throws Exception {
        // MAC counts are naturally written 1e6 (the official minimum shrink); a fraction is refused, not truncated.
        Path f = write("exp.json", Files.readString(SampleEdits.sample("quickstart"))
                .replace("\"minShrinkMacs\" : 0", "\"minShrinkMacs\" : 1e6")
                .replace("\"channels\" : 8,", "\"channels\" : 8.0,"));
        SearchSpaceConfig c = ConfigIo.read(f);
        assertEquals(1_000_000L, c.search().minShrinkMacs());
        assertEquals(8, c.stem().channels());
    }

    @Test
    void aListOrTextInsteadOfAConfigSaysSo() throws Exception {
        ValidationIssue list = readFails("list.json", "[1, 2]").issues().get(0);
        assertEquals("(root)", list.path());
        assertTrue(list.message().startsWith("expected a config object { ... }, found a list"), list.message());
        assertTrue(readFails("null.json", "null").getMessage().contains("holds null"));
    }

    @Test
    void aFieldGivenTwiceIsAnError() throws Exception {
        ConfigException e = readFails("twice.json", "{ \"search\": { \"rho\": 1e-3,\n \"rho\": 2e-3 } }");
        assertEquals("search.rho", e.issues().get(0).path());
        assertTrue(e.issues().get(0).message().startsWith("field 'rho' is given twice (line 2"),
                e.issues().get(0).message());
    }

    @Test
    void aCutOffFileSaysItEndsEarly() throws Exception {
        ConfigException e = readFails("cut.json", "{ \"training\": { \"epochs\": 3");
        assertTrue(e.issues().get(0).message().startsWith("the file ends before the JSON is complete"),
                e.getMessage());
    }

    @Test
    void missingEmptyFolderTooBigAndNotTextFilesSaySo() throws Exception {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigIo.read(dir.resolve("nope.json")))
                .getMessage().contains("nope.json: 1 problem\n  - (file): was not found"));
        assertTrue(readFails("empty.json", "").getMessage().contains("is empty"));
        assertTrue(readFails("blank.json", " \n\t ").getMessage().contains("is empty"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigIo.read(dir)).getMessage()
                .contains("is a folder"));

        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ConfigIo.MAX_BYTES + 1); // sparse: refused by its size, never read
        }
        ConfigException tooBig = assertThrows(ConfigException.class, () -> ConfigIo.read(big));
        assertTrue(tooBig.getMessage().contains("is 1048577 bytes; a config is at most 1048576 bytes"),
                tooBig.getMessage());

        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertTrue(assertThrows(ConfigException.class, () -> ConfigIo.read(binary)).getMessage()
                .contains("is not UTF-8 text"));
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Path f = dir.resolve("bom.json");
        Files.write(f, ("\uFEFF" + Files.readString(SampleEdits.sample("quickstart")))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(ConfigIo.loadResolved(SampleEdits.sample("quickstart")), ConfigIo.loadResolved(f));
    }

    @Test
    void loadResolvedListsEveryIssueWithTheFileName() throws Exception {
        Path f = write("bad.json", SampleEdits.edit("quickstart", "training", """
                {"batchSize": 0, "device": "tpu"}"""));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.loadResolved(f));
        assertEquals(List.of("training.batchSize", "training.device"), SampleEdits.paths(e.issues()));
        assertTrue(e.getMessage().startsWith(f + ": 2 problems\n  - training.batchSize: is 0, outside 1..4096. "
                + "Fix: "), e.getMessage());
        assertEquals(-1, e.line(), "validation issues have no place in the text");
    }

    // ---- writing and hashing -------------------------------------------------------------------------------

    @Test
    void writeThenReadGivesTheSameConfigAndHash() throws Exception {
        SearchSpaceConfig c = ConfigIo.loadResolved(SampleEdits.sample("cifar10"));
        Path f = dir.resolve("sub/w.json");
        ConfigIo.write(f, c);
        assertEquals(c, ConfigIo.read(f));
        assertEquals(ConfigIo.hash(c), ConfigIo.hash(ConfigIo.loadResolved(f)));
        assertTrue(Files.readString(f).startsWith("{\n  \"name\" : \"cifar10\",\n  \"data\" : {"),
                "pretty, in the records' field order");
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void theHashIsSha256OfTheResolvedConfigWhateverTheFormatting() throws Exception {
        SearchSpaceConfig c = ConfigIo.loadResolved(SampleEdits.sample("quickstart"));
        String hash = ConfigIo.hash(c);
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        // Same content, other formatting and field order: same hash.
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = json.readTree(Files.readString(SampleEdits.sample("quickstart")));
        var reversed = json.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reversed.set(n, tree.get(n)));
        String compact = json.writeValueAsString(reversed);
        assertTrue(compact.startsWith("{\"task\":\"classification\",\"seed\":1995,"), compact);
        assertEquals(hash, ConfigIo.hash(ConfigIo.parse(Path.of("compact.json"), compact)));
        // A raw config hashes as its resolved form: defaults are part of what ran.
        SearchSpaceConfig raw = new SearchSpaceConfig(null, null, null, List.of(new StageConfig(8, null, null,
                null, null)), null, null, null, null, null);
        assertEquals(ConfigIo.hash(ConfigResolver.resolve(raw)), ConfigIo.hash(raw));
    }

    @Test
    void theHashChangesWithAnyField() throws Exception {
        SearchSpaceConfig c = ConfigIo.loadResolved(SampleEdits.sample("quickstart"));
        String hash = ConfigIo.hash(c);
        assertNotEquals(hash, ConfigIo.hash(c.withSeed(c.seed() + 1)));
        assertNotEquals(hash, ConfigIo.hash(c.withTraining(c.training().withLearningRate(0.05))));
        assertNotEquals(hash, ConfigIo.hash(SampleEdits.resolvedWith("quickstart", "stages[1].kernelSizes",
                "[3, 5]")));
        assertEquals(hash, ConfigIo.hash(SampleEdits.resolvedWith("quickstart", "search.rho", "0.006")));
    }
}
