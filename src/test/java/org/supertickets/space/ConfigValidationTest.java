package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {

    @TempDir
    Path dir;

    private static SearchSpaceConfig quickstart() throws ConfigException {
        return ConfigIo.loadResolved(Path.of("sample-configs/quickstart.json"));
    }

    private static List<String> paths(SearchSpaceConfig c) {
        return ConfigValidator.validate(c).stream().map(ValidationIssue::path).toList();
    }

    @Test
    void resolveFillsEveryFieldOfAnEmptyConfig() throws Exception {
        SearchSpaceConfig resolved = ConfigResolver.resolve(
                new SearchSpaceConfig(null, null, null, List.of(), null, null, null, null, null));
        assertNoNulls(resolved, "config");
    }

    private static void assertNoNulls(Object o, String path) throws Exception {
        if (o == null) {
            throw new AssertionError(path + " is null");
        }
        if (!o.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(o);
            if (c.getName().equals("path") && o instanceof DataConfig) {
                continue; // embedded datasets have no path
            }
            assertNoNulls(v, path + "." + c.getName());
        }
    }

    @Test
    void impossibleSearchSpacesAreReportedAtTheirFields() throws Exception {
        SearchSpaceConfig c = quickstart();
        StageConfig bad = new StageConfig(16, 1, 3, List.of(3, 4, 3), 0);
        SearchSpaceConfig broken = new SearchSpaceConfig(c.name(), c.data(), c.stem(), List.of(bad), c.head(),
                c.search(), c.pruning(), c.training(), c.seed());
        List<String> p = paths(broken);
        assertTrue(p.contains("stages[0].stride"), p.toString());
        assertTrue(p.contains("stages[0].kernelSizes[1]"), p.toString());
        assertTrue(p.contains("stages[0].kernelSizes[2]"), "duplicate kernel: " + p);
        assertTrue(p.contains("stages[0].expansionRatio"), p.toString());
    }

    @Test
    void tooManyStrideTwoStagesForTheImageIsCaught() throws Exception {
        SearchSpaceConfig c = quickstart();
        List<StageConfig> stages = List.of(new StageConfig(8, 1, 2, List.of(3), 1),
                new StageConfig(8, 1, 2, List.of(3), 1), new StageConfig(8, 1, 2, List.of(3), 1),
                new StageConfig(8, 1, 2, List.of(3), 1), new StageConfig(8, 1, 2, List.of(3), 1),
                new StageConfig(8, 1, 2, List.of(3), 1));
        SearchSpaceConfig deep = new SearchSpaceConfig(c.name(), c.data(), c.stem(), stages, c.head(), c.search(),
                c.pruning(), c.training(), c.seed());
        assertTrue(paths(deep).contains("stages[5].stride"), paths(deep).toString());
    }

    @Test
    void unreachableMacsTargetNamesTheValidRange() throws Exception {
        SearchSpaceConfig c = quickstart();
        SearchConfig s = c.search();
        SearchConfig tooSmall = new SearchConfig(s.enabled(), s.rho(), s.rhoWarmupEpochs(), s.gammaThreshold(),
                s.minShrinkMacs(), s.evalIntervalEpochs(), s.bnRecalibrationBatches(), 10L, s.macsTargetEndEpoch());
        List<ValidationIssue> issues = ConfigValidator.validate(new SearchSpaceConfig(c.name(), c.data(), c.stem(),
                c.stages(), c.head(), tooSmall, c.pruning(), c.training(), c.seed()));
        assertEquals(1, issues.size(), issues.toString());
        assertEquals("search.macsTarget", issues.get(0).path());
        assertTrue(issues.get(0).fix().contains("smallest subnet"), issues.get(0).fix());
    }

    @Test
    void unknownNamesListTheAllowedOnes() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, Files.readString(Path.of("sample-configs/quickstart.json"))
                .replace("\"staircase\"", "\"linear\"").replace("\"auto\"", "\"tpu\""));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.loadResolved(f));
        List<String> p = e.issues().stream().map(ValidationIssue::path).toList();
        assertEquals(List.of("pruning.schedule", "training.device"), p);
        assertTrue(e.getMessage().contains("staircase, cubic"), e.getMessage());
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"name\": \"x\",\n  \"seed\": ,\n}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.read(f));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void wrongTypeNamesTheFieldPath() throws Exception {
        Path f = dir.resolve("type.json");
        Files.writeString(f, "{ \"stages\": [ { \"channels\": \"many\" } ] }");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.read(f));
        assertEquals("stages[0].channels", e.issues().get(0).path());
    }

    @Test
    void missingAndEmptyFilesSaySo() throws Exception {
        assertTrue(assertThrows(ConfigException.class, () -> ConfigIo.read(dir.resolve("nope.json")))
                .getMessage().contains("not found"));
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "  ");
        assertTrue(assertThrows(ConfigException.class, () -> ConfigIo.read(empty)).getMessage().contains("empty"));
    }

    @Test
    void hashIsStableAcrossWriteAndReadAndChangesWithAField() throws Exception {
        SearchSpaceConfig c = quickstart();
        Path f = dir.resolve("w.json");
        ConfigIo.write(f, c);
        assertEquals(ConfigIo.hash(c), ConfigIo.hash(ConfigIo.loadResolved(f)));
        assertTrue(!ConfigIo.hash(c).equals(ConfigIo.hash(c.withSeed(c.seed() + 1))));
    }
}
