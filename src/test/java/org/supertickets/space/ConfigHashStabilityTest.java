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
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.asRecorded(ConfigIo.read(old))),
                "recorded by a run folder, the missing fields are what the run trained with");
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.loadRecorded(old)));
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(ConfigIo.read(Path.of("sample-configs/quickstart.json"))),
                "today's quickstart, new fields written out at their neutral values, is the same config");
    }

    /** As a user's config, the same file leaves the official recipe's fields out: it gets the official defaults. */
    @Test
    void theSameFileAsAUsersConfigGetsTheOfficialDefaults() throws Exception {
        Path old = Path.of(getClass().getResource("quickstart-format-before-recipe.json").toURI());
        SearchSpaceConfig recorded = ConfigIo.loadRecorded(old);
        SearchSpaceConfig users = ConfigIo.loadResolved(old);
        assertEquals(new NetworkConfig("dense", 1e-5, 0.1, "mobilenetv2"), recorded.network());
        assertEquals(false, recorded.training().ema().enabled());
        assertEquals(new NetworkConfig("grouped", 1e-3, 0.01, "mnas"), users.network());
        assertEquals(true, users.training().ema().enabled());
        assertNotEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(users));
        assertEquals(ConfigIo.hash(recorded), ConfigIo.hash(ConfigIo.asRecorded(recorded)), "idempotent");
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
     * The network section written out at ours (the values before it existed) hashes as a config recorded without
     * it; each setting away from them is another config.
     */
    @Test
    void theNetworkSectionAtItsDefaultsKeepsTheHashAndEachChangeMovesIt() throws Exception {
        SearchSpaceConfig quickstart = ConfigIo.read(Path.of("sample-configs/quickstart.json"));
        SearchSpaceConfig written = ConfigIo.parse(Path.of("written.json"), ConfigIo.toJson(ConfigResolver.resolve(
                quickstart)));
        assertEquals(new NetworkConfig("dense", 1e-5, 0.1, "mobilenetv2"), written.network());
        assertEquals(HASH_BEFORE_RECIPE, ConfigIo.hash(written));
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (NetworkConfig changed : java.util.List.of(new NetworkConfig("grouped", 1e-5, 0.1, "mobilenetv2"),
                new NetworkConfig("dense", 1e-3, 0.1, "mobilenetv2"), new NetworkConfig("dense", 1e-5, 0.01,
                        "mobilenetv2"), new NetworkConfig("dense", 1e-5, 0.1, "mnas"))) {
            String hash = ConfigIo.hash(quickstart.withNetwork(changed));
            assertNotEquals(HASH_BEFORE_RECIPE, hash, changed.toString());
            hashes.add(hash);
        }
        assertEquals(4, hashes.size());
    }
}
