package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Run folders keep resuming across versions: their checkpoints carry the hash the older workbench computed. */
class ConfigHashStabilityTest {

    /** What the workbench before the recipe fields (EMA, optimisers, criteria) computed for this file. */
    private static final String HASH_BEFORE_RECIPE = "5509b41d79c55adfaafa8aca57b1a4a3167c5dabbecffc36d494756f4dd66920";

    @Test
    void aConfigWrittenBeforeNewFieldsExistedHashesAsItDidThen() throws Exception {
        Path old = Path.of(getClass().getResource("quickstart-format-before-recipe.json").toURI());
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.read(old)));
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.read(Path.of("sample-configs/quickstart.json"))),
                "today's quickstart, new fields written out at their neutral values, is the same config");
    }

    @Test
    void newFieldsAwayFromTheirNeutralValueChangeTheHash() throws Exception {
        SearchSpaceConfig quickstart = ConfigIo.read(Path.of("sample-configs/quickstart.json"));
        String json = ConfigIo.toJson(quickstart).replace("\"nesterov\" : false", "\"nesterov\" : true");
        java.nio.file.Path changed = java.nio.file.Files.createTempFile("nesterov", ".json");
        java.nio.file.Files.writeString(changed, json);
        assertNotEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.read(changed)));
    }

    /**
     * The network section written out at its defaults is today's behaviour, so it hashes as a config without it;
     * each setting away from its default is another config.
     */
    @Test
    void theNetworkSectionAtItsDefaultsKeepsTheHashAndEachChangeMovesIt() throws Exception {
        SearchSpaceConfig quickstart = ConfigIo.read(Path.of("sample-configs/quickstart.json"));
        SearchSpaceConfig written = ConfigIo.parse(Path.of("written.json"), ConfigIo.toJson(ConfigResolver.resolve(
                quickstart)));
        assertEquals(new NetworkConfig("dense", 1e-5, 0.1, "mobilenetv2"), written.network());
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(written));
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (NetworkConfig changed : java.util.List.of(new NetworkConfig("grouped", null, null, null),
                new NetworkConfig(null, 1e-3, null, null), new NetworkConfig(null, null, 0.01, null),
                new NetworkConfig(null, null, null, "mnas"))) {
            String hash = ConfigIo.hash(quickstart.withNetwork(changed));
            assertNotEquals(HASH_BEFORE_RECIPE, hash, changed.toString());
            hashes.add(hash);
        }
        assertEquals(4, hashes.size());
    }
}
