package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.io.AtomicFiles;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigIo;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ticket.TicketIo;
import org.supertickets.train.RecordingRefusedException;
import org.supertickets.train.RunFinished;
import org.supertickets.train.StepMetrics;
import org.supertickets.train.TrainerCheckpoint;

/**
 * A run that lost its folder to another process writes nothing more there; temp files left by a kill during an
 * atomic write (the ticket's, the checkpoint's rename) are gone after a successful resume; a linked
 * {@code checkpoints/} is refused.
 */
@Timeout(300)
class LostLeaseAndLeftoversTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private void writeForeignLease() throws Exception {
        Instant now = Instant.now();
        Files.writeString(dir.resolve(RunOwnership.LEASE_FILE), JSON.writeValueAsString(new RunLease("other-machine",
                4242, "", now.toString(), now.toString())));
    }

    @Test
    void aRunWhoseLeaseWasTakenOverStopsWritingItsFolder() throws Exception {
        RunFolder folder = new RunFolder(dir);
        Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS));
        try (RunOwnership owner = RunOwnership.claim(dir, Duration.ofMillis(20), Clock.systemUTC())) {
            RunFolderWriter writer = new RunFolderWriter(folder, TestConfigs.tinySynthetic(), "h", null, owner);
            writer.onEvent(new StepMetrics(10, 0.1, 1.0, 0.5, 0.1, 0, 1, 100));
            long before = Files.size(folder.metrics());
            assertTrue(owner.isHeld());

            // another host took the folder over (as after 90 s without a heartbeat): the next beat sees it
            writeForeignLease();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (owner.isHeld() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(owner.isHeld(), "the heartbeat notices the other owner");
            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> writer.onEvent(new StepMetrics(20, 0.2, 1.0, 0.5, 0.1, 0, 1, 100)));
            assertTrue(refused.getCause() instanceof RecordingRefusedException, String.valueOf(refused.getCause()));
            assertTrue(refused.getMessage().contains("taken over by pid 4242 on host other-machine"),
                    refused.getMessage());
            assertThrows(RecordingRefusedException.class, () -> writer.save(checkpoint(5)));
            assertEquals(before, Files.size(folder.metrics()), "nothing appended after the loss");
            assertFalse(Files.exists(folder.latestCheckpoint()), "no checkpoint written after the loss");
        }
        assertTrue(Files.exists(dir.resolve(RunOwnership.LEASE_FILE)), "the new owner's lease is left alone");
    }

    @Test
    void aCheckpointWriteReadsTheLeaseItselfRatherThanWaitingForTheHeartbeat() throws Exception {
        Files.createDirectories(dir.resolve(RunFolder.CHECKPOINTS));
        try (RunOwnership owner = RunOwnership.claim(dir, Duration.ofHours(1), Clock.systemUTC())) {
            RunFolderWriter writer = new RunFolderWriter(new RunFolder(dir), TestConfigs.tinySynthetic(), "h", null,
                    owner);
            writer.save(checkpoint(5));
            writeForeignLease();
            assertThrows(RecordingRefusedException.class, () -> writer.save(checkpoint(6)));
            assertEquals(5, CheckpointIo.read(new RunFolder(dir).latestCheckpoint()).step());
        }
    }

    private static TrainerCheckpoint checkpoint(long step) {
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(TestConfigs.tinySynthetic()), 1);
        return new TrainerCheckpoint(step, 0, network, Map.of(), 0, 0, 0, 0, "h", Map.of());
    }

    @Test
    void onlyTheTempFilesOfAtomicWritesAreRemovedAsLeftovers() throws Exception {
        Path target = dir.resolve("latest.safetensors");
        Files.writeString(target, "real");
        Files.writeString(dir.resolve(".latest.safetensors4815162342.tmp"), "half");
        Files.writeString(dir.resolve(".latest.safetensors.tmp"), "not ours: no number");
        Files.writeString(dir.resolve(".other4815162342.tmp"), "another target's");
        assertEquals(1, AtomicFiles.removeLeftovers(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".latest.safetensors.tmp", ".other4815162342.tmp", "latest.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A kill during the ticket write left a 0-byte temp in ticket/, and a kill inside the checkpoint's rename left
     * a whole and a partial copy beside latest.safetensors: resume reads the real checkpoint, completes, and no temp
     * file survives.
     */
    @Test
    void tempFilesLeftByKillsDuringAtomicWritesAreGoneAfterASuccessfulResume() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        RunFolder folder = RunFolder.create(dir, "killed", LocalDateTime.now());
        AtomicFiles.writeString(folder.config(), ConfigIo.toJson(config));
        SearchSpaceConfig loaded = ConfigIo.loadResolved(folder.config());
        NetworkState network = NetworkInitializer.initialize(Architecture.supernet(loaded), 1);
        long step = 128; // of 132: a few steps, one evaluation and the ticket
        CheckpointIo.write(folder.latestCheckpoint(), new TrainerCheckpoint(step, 0, network, Map.of(), 0, 0, 0, 0,
                ConfigIo.hash(loaded), Map.of()));
        Path checkpoints = folder.latestCheckpoint().getParent();
        Files.copy(folder.latestCheckpoint(), checkpoints.resolve(".latest.safetensors1234567.tmp"));
        Files.write(checkpoints.resolve(".latest.safetensors7654321.tmp"), new byte[100]);
        Files.createDirectories(folder.ticket());
        Files.createFile(folder.ticket().resolve("." + TicketIo.WEIGHTS + "998877.tmp"));

        LocalRun run = LocalRun.resume(folder.path(), "cpu", null);
        RunFinished finished = run.completion().get(240, TimeUnit.SECONDS);
        assertEquals(RunFinished.Outcome.COMPLETED, finished.outcome(), finished.message());
        try (Stream<Path> all = Files.walk(folder.path())) {
            List<String> temps = all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
        TicketIo.read(folder.ticket()); // the ticket written by the resumed run is whole
    }

    @Test
    void aCheckpointsFolderLinkedElsewhereIsRefusedAndNothingIsTouched() throws Exception {
        SearchSpaceConfig config = TestConfigs.tinyFashionMnist();
        RunFolder folder = RunFolder.create(dir.resolve("runs"), "linked", LocalDateTime.now());
        AtomicFiles.writeString(folder.config(), ConfigIo.toJson(config));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.delete(folder.path().resolve(RunFolder.CHECKPOINTS));
        Files.createSymbolicLink(folder.path().resolve(RunFolder.CHECKPOINTS), elsewhere);
        SearchSpaceConfig loaded = ConfigIo.loadResolved(folder.config());
        CheckpointIo.write(folder.latestCheckpoint(), new TrainerCheckpoint(0, 0,
                NetworkInitializer.initialize(Architecture.supernet(loaded), 1), Map.of(), 0, 0, 0, 0,
                ConfigIo.hash(loaded), Map.of()));
        Files.writeString(folder.metrics(), "{\"type\":\"run_started\",\"step\":0}\n");
        String message = assertThrows(RunSetupException.class, () -> LocalRun.resume(folder.path(), "cpu", null))
                .getMessage();
        assertTrue(message.contains("symbolic link to " + elsewhere) && message.contains("Fix:"), message);
        assertEquals("{\"type\":\"run_started\",\"step\":0}\n", Files.readString(folder.metrics()));
        RunOwnership.claim(folder.path()).release(); // the refusal gave the folder up
    }
}
