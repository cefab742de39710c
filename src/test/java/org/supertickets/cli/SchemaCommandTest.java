package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.ConfigSchema;

/** {@code schema [--out FILE]}: the config's JSON Schema, printed or written (issue 32 item 6). */
class SchemaCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @Test
    void printsTheSchema() {
        assertEquals(0, Main.execute("schema"), console.err());
        assertEquals(ConfigSchema.toJson(), console.out());
    }

    @Test
    void writesTheSchemaToAFileAndSaysHowToPointAConfigToIt() throws Exception {
        Path out = dir.resolve("schemas/config.schema.json");
        assertEquals(0, Main.execute("schema", "--out", out.toString()), console.err());
        assertEquals(ConfigSchema.toJson(), Files.readString(out));
        assertTrue(console.out().contains("\"$schema\""), console.out());
    }

    @Test
    void aFolderGivenAsTheFileIsRefusedWithTheFix() {
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("schema", "--out", dir.toString()));
        assertTrue(console.err().contains(dir + " is a folder. Fix: give --out a file name"), console.err());
    }
}
