package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 14: {@code --help} lists the exit codes and one example per command, and every example parses. */
class CommandHelpTest {

    @Test
    void everyCommandsHelpListsTheExitCodesAndAnExampleThatParses() {
        CommandLine top = Main.commandLine();
        assertTrue(top.getUsageMessage().contains("Exit codes:"), top.getUsageMessage());
        for (CommandLine sub : top.getSubcommands().values()) {
            String name = sub.getCommandName();
            String help = sub.getUsageMessage();
            for (String code : List.of("0", "1", "2", "130")) {
                assertTrue(help.lines().anyMatch(l -> l.trim().startsWith(code + " ")), name + " lacks " + code
                        + ":\n" + help);
            }
            String example = CommandHelp.EXAMPLES.get(name);
            assertNotNull(example, "no example for '" + name + "': add one to CommandHelp.EXAMPLES");
            assertTrue(help.contains("Example:") && help.contains("supertickets " + example), help);

            List<String> words = Arrays.asList(example.split(" "));
            assertEquals(name, words.get(0));
            // A fresh command line each time: parsing fills the command objects.
            assertDoesNotThrow(() -> Main.commandLine().parseArgs(words.toArray(String[]::new)),
                    "the example of '" + name + "' does not parse: " + example);
        }
        // An example of a command not (yet) on this branch is harmless; a command without one fails above.
        assertTrue(CommandHelp.EXAMPLES.keySet().containsAll(top.getSubcommands().keySet()));
    }

    @Test
    void theExitCodesAreTheOnesTheCommandsReturn() {
        assertEquals(List.of("0", "1", "2", "130"), List.copyOf(CommandHelp.EXIT_CODES.keySet()));
        assertEquals(2, Main.execute("validate", "does-not-exist.json"));
    }
}
