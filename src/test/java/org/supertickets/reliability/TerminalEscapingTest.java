package org.supertickets.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28 item 7d: user strings with a right-to-left override (U+202E), other bidi controls or terminal escapes
 * reach the terminal escaped ({@code \u202E}), whether a command prints them (a config's name or path) or picocli
 * does (an unknown option).
 */
class TerminalEscapingTest {

    private static final String RLO = "\u202E";

    @TempDir
    Path dir;

    @Test
    void controlAndBidiCharactersFromUserStringsArePrintedAsEscapes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = (ObjectNode) json.readTree(Path.of("sample-configs/quickstart.json").toFile());
        config.put("name", "invoice" + RLO + "fdp.exe");
        Path folder = Files.createDirectory(dir.resolve("configs" + RLO + "nosj"));
        Path file = folder.resolve("quick" + RLO + "start.json");
        Files.writeString(file, json.writeValueAsString(config));

        assertEscaped(CliRun.execute("validate", file.toString()), "configs\\u202Enosj");
        assertEscaped(CliRun.execute("validate", dir.resolve("missing\u2066\u202E.json").toString()),
                "missing\\u2066\\u202E.json");
        assertEscaped(CliRun.execute("validate", dir.resolve("clear\u001B[2J.json").toString()), "clear\\u001B[2J");
        assertEscaped(CliRun.execute("validate", file.toString(), "--evil" + RLO + "option"), "--evil\\u202Eoption");
    }

    private static void assertEscaped(CliRun cli, String expected) {
        String printed = cli.out() + cli.err();
        assertTrue(printed.contains(expected), printed);
        printed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean raw = cp != '\n' && cp != '\r' && cp != '\t' && (type == Character.CONTROL
                    || type == Character.FORMAT);
            assertTrue(!raw, String.format("U+%04X printed raw in: %s", cp, printed));
        });
    }
}
