package org.supertickets.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file's {@code "$schema"} (issue 32 item 6): read past, never part of the config, kept when written. */
class SchemaReferenceTest {

    private static final String REFERENCE = "../docs/config.schema.json";

    @TempDir
    Path dir;

    private static String quickstartWith(String schemaField) throws Exception {
        String sample = Files.readString(SampleEdits.sample("quickstart"));
        String without = sample.replace("  \"$schema\" : \"" + REFERENCE + "\",\n", "");
        return "{\n  " + schemaField + without.substring(1);
    }

    @Test
    void aConfigWithSchemaReadsAsTheSameConfigWithTheSameHash() throws Exception {
        String without = quickstartWith("");
        String with = quickstartWith("\"$schema\" : \"" + REFERENCE + "\",");
        SearchSpaceConfig plain = ConfigIo.parseResolved(Path.of("plain.json"), without);
        SearchSpaceConfig referenced = ConfigIo.parseResolved(Path.of("referenced.json"), with);
        assertEquals(plain, referenced);
        assertEquals(ConfigIo.hash(plain), ConfigIo.hash(referenced));
        assertTrue(!ConfigIo.toJson(referenced).contains("$schema"), "a run folder's config.json never holds it");
        assertEquals(Optional.of(REFERENCE), SchemaReference.in(Path.of("referenced.json"), with));
        assertEquals(Optional.empty(), SchemaReference.in(Path.of("plain.json"), without));
    }

    @Test
    void writtenWithItsReferenceAConfigReadsBackTheSameAndKeepsIt() throws Exception {
        SearchSpaceConfig config = ConfigIo.loadResolved(SampleEdits.sample("quickstart"));
        Path file = dir.resolve("kept.json");
        ConfigIo.write(file, config, REFERENCE);
        String text = Files.readString(file);
        assertTrue(text.startsWith("{\n  \"$schema\" : \"" + REFERENCE + "\",\n  \"name\" : "), text);
        assertEquals(config, ConfigIo.loadResolved(file));
        assertEquals(Optional.of(REFERENCE), SchemaReference.of(file));
        ConfigIo.write(file, config);
        assertEquals(Optional.empty(), SchemaReference.of(file), "null writes none");
    }

    @Test
    void aSchemaThatIsNotATextIsRefusedAtItsPlaceWithAFix() throws Exception {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigIo.parse(Path.of("bad.json"),
                quickstartWith("\"$schema\" : 3,")));
        assertEquals(SchemaReference.FIELD, e.issues().get(0).path());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("bad.json:2:"), e.getMessage());
        assertTrue(e.issues().get(0).fix().contains("\"../docs/config.schema.json\""), e.getMessage());
        assertEquals(Optional.empty(), SchemaReference.in(Path.of("null.json"), quickstartWith("\"$schema\" : null,")));
    }

    @Test
    void onlyTheTopMayHoldItAndAMisspeltOneIsNamed() throws Exception {
        ConfigException nested = assertThrows(ConfigException.class, () -> ConfigIo.parse(Path.of("nested.json"),
                SampleEdits.edit("quickstart", "training", "{\"$schema\": \"x\", \"epochs\": 6}")));
        assertEquals("training.$schema", nested.issues().get(0).path());
        ConfigException typo = assertThrows(ConfigException.class, () -> ConfigIo.parse(Path.of("typo.json"),
                quickstartWith("\"$shema\" : \"" + REFERENCE + "\",")));
        assertTrue(typo.issues().get(0).fix().contains("did you mean '$schema'?"), typo.getMessage());
    }

    @Test
    void aCopyInAnotherFolderPointsToTheSameSchema() {
        Path from = dir.resolve("repo/sample-configs/quickstart.json");
        assertEquals(REFERENCE, SchemaReference.carriedTo(REFERENCE, from, dir.resolve("repo/sample-configs/b.json")));
        assertEquals("../../repo/docs/config.schema.json", SchemaReference.carriedTo(REFERENCE, from,
                dir.resolve("experiments/mine/a.json")));
        assertEquals("docs/config.schema.json", SchemaReference.carriedTo(REFERENCE, from,
                dir.resolve("repo/a.json")));
        String url = "https://example.org/config.schema.json";
        assertEquals(url, SchemaReference.carriedTo(url, from, dir.resolve("elsewhere/a.json")));
    }

    @Test
    void aFileThatCannotBeReadHasNoReferenceToKeep() throws Exception {
        assertEquals(Optional.empty(), SchemaReference.of(dir.resolve("missing.json")));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"$schema\": \"x\", \"name\": ");
        assertEquals(Optional.of("x"), SchemaReference.of(broken), "the field is read as far as the text goes");
        Path notText = Files.writeString(dir.resolve("three.json"), "{\"$schema\": 3}");
        assertEquals(Optional.empty(), SchemaReference.of(notText));
    }
}
