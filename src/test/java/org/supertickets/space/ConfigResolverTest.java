package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigResolverTest {

    private static final SearchSpaceConfig EMPTY =
            new SearchSpaceConfig(null, null, null, null, null, null, null, null, null);

    /** Every null in a config tree (records and lists), by path; {@code data.path} of embedded data is allowed. */
    static List<String> nulls(Object value, String path) throws ReflectiveOperationException {
        List<String> found = new ArrayList<>();
        if (value == null) {
            found.add(path);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(nulls(list.get(i), path + "[" + i + "]"));
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                Object v = c.getAccessor().invoke(value);
                boolean embeddedPath = value instanceof DataConfig d && c.getName().equals("path")
                        && ConfigDefaults.EMBEDDED_DATASETS.contains(d.dataset());
                if (!embeddedPath) {
                    found.addAll(nulls(v, path.isEmpty() ? c.getName() : path + "." + c.getName()));
                }
            }
        }
        return found;
    }

    @Test
    void resolvingFillsEveryFieldOfAConfigWithOneStage() throws Exception {
        SearchSpaceConfig oneStage = new SearchSpaceConfig(null, null, null,
                List.of(new StageConfig(24, null, null, null, null)), null, null, null, null, null);
        SearchSpaceConfig resolved = ConfigResolver.resolve(oneStage);
        assertEquals(List.of(), nulls(resolved, ""));
        assertNull(resolved.data().path(), "the embedded default dataset has no path");
        assertEquals(List.of(), ConfigValidator.validate(resolved), "the defaults form a runnable config");
    }

    @Test
    void resolvingANullStageOrAnEmptyConfigLeavesOnlyTheRequiredFieldsOpen() throws Exception {
        assertEquals(List.of(), nulls(ConfigResolver.resolve(EMPTY), ""));
        assertEquals(List.of(), ConfigResolver.resolve(EMPTY).stages());
        SearchSpaceConfig nullStage = ConfigResolver.resolve(new SearchSpaceConfig(null, null, null,
                java.util.Arrays.asList((StageConfig) null), null, null, null, null, null));
        assertEquals(List.of("stages[0].channels"), nulls(nullStage, ""));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SearchSpaceConfig r = ConfigResolver.resolve(EMPTY);
        assertEquals("run", r.name());
        assertEquals(1995L, r.seed());
        assertEquals(new DataConfig("fashion-mnist", null, 1, 28, 28, 10, 0.1, 0, 0, false), r.data());
        assertEquals(new StemConfig(16, 3, 1), r.stem());
        assertEquals(new HeadConfig(128), r.head());
        // Epoch-dependent defaults at the default 10 epochs: warm-up 10%, MACs target end 60%, prune interval
        // max(1, round(0.065 * 10)) = 1, cubic end 65%.
        assertEquals(new SearchConfig(true, 5e-4, 1.0, 1e-3, 0L, 1.0, 10, 0L, 6.0), r.search());
        assertEquals(new PruningConfig(true, 0.9, 1.0, "staircase", 0.1, 6.5, true, false, false, false, "magnitude",
                0.0, false, 0.0), r.pruning());
        assertEquals(new TrainingConfig(10, 128, "sgd", 0.1, 0.9, 4e-5, "cosine", 0.0, 0.0, 256, "auto", false, 0.9,
                1e-3, new EmaConfig(true, 0.9999, 4096, true)), r.training());
        assertEquals(new NetworkConfig("grouped", 1e-3, 0.01, "mnas"), r.network(), "the official block");
        SearchSpaceConfig stage = ConfigResolver.resolve(new SearchSpaceConfig(null, null, null,
                List.of(new StageConfig(24, null, null, null, null)), null, null, null, null, null));
        assertEquals(new StageConfig(24, 1, 1, List.of(3, 5, 7), 3), stage.stages().get(0));
    }

    @Test
    void scheduleDefaultsScaleWithTheEpochs() {
        SearchSpaceConfig r100 = withEpochs(100);
        assertEquals(10.0, r100.search().rhoWarmupEpochs());
        assertEquals(60.0, r100.search().macsTargetEndEpoch());
        assertEquals(7.0, r100.pruning().intervalEpochs()); // round(6.5) = 7
        assertEquals(65.0, r100.pruning().cubicEndEpoch());

        SearchSpaceConfig r15 = withEpochs(15);
        assertEquals(1.5, r15.search().rhoWarmupEpochs(), "exactly 1.5, not 1.5000000000000002");
        assertEquals(9.0, r15.search().macsTargetEndEpoch());
        assertEquals(1.0, r15.pruning().intervalEpochs()); // round(0.975) = 1
        assertEquals(9.75, r15.pruning().cubicEndEpoch());

        assertEquals(1.0, withEpochs(3).pruning().intervalEpochs(), "never below one epoch");
        assertEquals(ConfigDefaults.pruneIntervalEpochs(40), withEpochs(40).pruning().intervalEpochs());
    }

    private static SearchSpaceConfig withEpochs(int epochs) {
        return ConfigResolver.resolve(new SearchSpaceConfig(null, null, null, null, null, null, null,
                new TrainingConfig(epochs, null, null, null, null, null, null, null, null, null, null), null));
    }

    @Test
    void datasetsWithAFixedShapeFillIt() {
        assertEquals(List.of(3, 32, 32, 10), shape(data("cifar10")));
        assertEquals(List.of(1, 28, 28, 10), shape(data("mnist")));
        assertEquals(List.of(1, 28, 28, 10), shape(data("fashion-mnist")));
    }

    @Test
    void datasetsReadFromDiskKeepAMissingShapeMissing() {
        List<Integer> none = java.util.Arrays.asList(null, null, null, null);
        assertEquals(none, shape(data("idx")));
        assertEquals(none, shape(data("image-folder")));
        assertEquals(none, shape(data("svhn")), "an unknown dataset gets no invented shape either");
    }

    @Test
    void givenValuesAreNeverReplaced() {
        DataConfig given = new DataConfig("cifar10", "/c", 1, 28, 28, 5, 0.2, 10, 20, true);
        assertEquals(given, ConfigResolver.resolve(new SearchSpaceConfig("n", given, null, null, null, null, null,
                null, 7L)).data(), "a wrong shape is the validator's to report, not the resolver's to fix");
    }

    @Test
    void resolvingIsIdempotent() throws Exception {
        for (String name : new String[] {"quickstart", "fashion-mnist", "cifar10"}) {
            SearchSpaceConfig raw = ConfigIo.read(SampleEdits.sample(name));
            SearchSpaceConfig once = ConfigResolver.resolve(raw);
            assertEquals(raw, once, name + " writes every field out, so resolving changes nothing");
            assertEquals(once, ConfigResolver.resolve(once), name);
        }
        SearchSpaceConfig once = ConfigResolver.resolve(EMPTY);
        assertEquals(once, ConfigResolver.resolve(once));
    }

    private static DataConfig data(String dataset) {
        return ConfigResolver.resolve(new SearchSpaceConfig(null, new DataConfig(dataset, null, null, null, null,
                null, null, null, null, null), null, null, null, null, null, null, null)).data();
    }

    private static List<Integer> shape(DataConfig d) {
        return java.util.Arrays.asList(d.channels(), d.height(), d.width(), d.classes());
    }
}
