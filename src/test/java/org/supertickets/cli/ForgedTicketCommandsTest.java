package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.reliability.TicketForgery;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;

/**
 * Tickets whose files are well-formed but whose content is not (issue 28): provenance missing, null or with a
 * 5,000-stage config; channel origins out of range or twice; a negative BN variance, a weight of 3e38. Every
 * command that reads a ticket refuses each with exit code 2, naming the damaged file and the fix, without a stack
 * trace, and writes no run folder and no model.
 */
@Timeout(300)
class ForgedTicketCommandsTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path ticket(String name) throws Exception {
        Path ticket = dir.resolve(name.replace(' ', '-'));
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinyFashionMnist()), 1);
        TicketProvenance provenance = new TicketProvenance(TestConfigs.tinyFashionMnist(), "h", 11, "run", 10, 1,
                "now", "engine", "cpu", "0", "end");
        TicketIo.write(ticket, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, provenance), network));
        return ticket;
    }

    /** Every command reading a ticket, kept short should one start anyway (as each did before the checks). */
    private List<List<String>> commands(Path ticket, Path out, Path model) {
        String t = ticket.toString();
        List<String> run = List.of("--out", out.toString(), "--quiet", "--epochs", "1");
        return List.of(List.of("info", t),
                List.of("latency", t, "--repeats", "6", "--max-seconds", "0.5"),
                Stream.concat(Stream.of("retrain", t), run.stream()).toList(),
                Stream.concat(Stream.of("finetune", t), run.stream()).toList(),
                Stream.concat(Stream.of("transfer", t, "--data", "mnist"), run.stream()).toList(),
                List.of("export", t, "--onnx", model.toString()));
    }

    @Test
    void everyCommandRefusesEveryForgedTicketNamingTheFile() throws Exception {
        Path out = dir.resolve("runs");
        Path model = dir.resolve("model.onnx");
        for (TicketForgery.Kind kind : TicketForgery.hostileKinds()) {
            Path ticket = ticket(kind.name());
            kind.edit().apply(ticket);
            Path blamed = ticket.resolve(kind.file());
            for (List<String> command : commands(ticket, out, model)) {
                console.reset();
                String what = kind.name() + ", " + command.get(0) + ": ";
                assertEquals(Main.EXIT_BAD_INPUT, Main.execute(command.toArray(String[]::new)), what + console.err());
                String err = console.err();
                assertTrue(err.contains(blamed.toString()) && err.contains("Fix:"), what + err);
                assertFalse(err.contains("Exception") || err.contains("\tat "), what + err);
            }
        }
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "no run folder was created");
        assertFalse(Files.exists(model), "no model was written");
    }

    @Test
    void exportToAFolderIsRefusedWithTheFix() throws Exception {
        Path ticket = ticket("intact");
        Path folder = Files.createDirectories(dir.resolve("models"));
        assertEquals(Main.EXIT_BAD_INPUT, Main.execute("export", ticket.toString(), "--onnx", folder.toString()),
                console.err());
        String err = console.err();
        assertTrue(err.contains(folder.toString()) && err.contains("is a folder") && err.contains("Fix:"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.list(folder).findAny().isPresent(), "nothing was written into the folder");
    }
}
