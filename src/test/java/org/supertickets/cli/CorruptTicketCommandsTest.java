package org.supertickets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;

/**
 * {@code retrain}, {@code finetune} and {@code transfer} on damaged tickets: each refuses with the file, the
 * problem and the fix, exit code 2, and leaves no run folder behind.
 */
@Timeout(120)
class CorruptTicketCommandsTest {

    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path ticket(String name, Consumer<Path> damage) throws Exception {
        Path ticket = dir.resolve(name);
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinyFashionMnist()), 1);
        TicketProvenance provenance = new TicketProvenance(TestConfigs.tinyFashionMnist(), "h", 11, "run", 10, 1,
                "now", "engine", "cpu", "0", "end");
        TicketIo.write(ticket, new Ticket(TicketIo.manifest(network, 0.5, 0.5, 1, 1, provenance), network));
        damage.accept(ticket);
        return ticket;
    }

    private static void unchecked(ThrowingAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    @Test
    void damagedTicketsAreRefusedWithTheFileAndTheFix() throws Exception {
        List<Path> damaged = List.of(
                ticket("truncated", t -> unchecked(() -> {
                    try (RandomAccessFile raf = new RandomAccessFile(t.resolve(TicketIo.WEIGHTS).toFile(), "rw")) {
                        raf.setLength(1000);
                    }
                })),
                ticket("sparse", t -> unchecked(() -> {
                    try (RandomAccessFile raf = new RandomAccessFile(t.resolve(TicketIo.WEIGHTS).toFile(), "rw")) {
                        raf.setLength(raf.length() + (4L << 30));
                    }
                })),
                ticket("no-weights", t -> unchecked(() -> Files.delete(t.resolve(TicketIo.WEIGHTS)))),
                ticket("empty-manifest", t -> unchecked(() -> Files.writeString(t.resolve(TicketIo.MANIFEST), ""))),
                ticket("bad-manifest", t -> unchecked(() -> Files.writeString(t.resolve(TicketIo.MANIFEST),
                        "{\"architecture\": 5"))));
        Path out = dir.resolve("runs");
        for (Path ticket : damaged) {
            for (List<String> command : List.of(List.of("retrain", ticket.toString()),
                    List.of("finetune", ticket.toString()),
                    List.of("transfer", ticket.toString(), "--data", "mnist"))) {
                console.reset();
                String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--out",
                        out.toString(), "--quiet")).toArray(String[]::new);
                assertEquals(Main.EXIT_BAD_INPUT, Main.execute(args), command + ": " + console.err());
                String err = console.err();
                assertTrue(err.contains(ticket.toString()) && err.contains("Fix:"), command + ": " + err);
                assertFalse(err.contains("Exception") || err.contains("\tat "), command + ": " + err);
            }
        }
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "no run folder was created");
    }
}
