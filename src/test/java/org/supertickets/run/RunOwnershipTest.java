package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.TestConfigs;
import org.supertickets.cli.Main;
import org.supertickets.space.ConfigIo;
import org.supertickets.train.RunFinished;

/** A run folder has one owner across processes: an OS lock plus a lease whose staleness is proven, not guessed. */
class RunOwnershipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aSecondJvmCannotResumeAFolderThatALiveRunOwnsAndTakesItOverOnceThatProcessIsGone() throws Exception {
        Path configFile = dir.resolve("tiny.json");
        ConfigIo.write(configFile, TestConfigs.tinyFashionMnist());
        Path runs = dir.resolve("runs");
        Process child = new ProcessBuilder(ChildJvm.command(Main.class, List.of("run", configFile.toString(),
                "--out", runs.toString(), "--device", "cpu", "--quiet", "--epochs", "400")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path runDir = awaitCheckpoint(runs, child);
            String host = HostName.get();

            RunSetupException refused = assertThrows(RunSetupException.class,
                    () -> LocalRun.resume(runDir, "cpu", null));
            String message = refused.getMessage();
            assertTrue(message.contains("pid " + child.pid() + " on host " + host), message);
            assertTrue(message.contains("running since") && message.contains("Fix:"), message);
            assertEquals(2, Main.execute("resume", runDir.toString(), "--quiet"), "the CLI refuses it as bad input");

            // Without its lease the folder is still guarded by the OS lock the other JVM holds.
            Files.delete(runDir.resolve(RunOwnership.LEASE_FILE));
            String lockOnly = assertThrows(RunSetupException.class, () -> LocalRun.resume(runDir, "cpu", null))
                    .getMessage();
            assertTrue(lockOnly.contains("holds " + RunOwnership.LOCK_FILE), lockOnly);

            assertTrue(child.isAlive(), "the first run trained on: " + Files.readString(dir.resolve("child.log")));
            assertEquals(1, Files.readAllLines(runDir.resolve(RunFolder.METRICS)).stream()
                    .filter(l -> l.contains("\"run_started\"")).count(), "no second start was logged, nothing cut");

            child.destroyForcibly(); // SIGKILL: the kernel drops its lock, its lease stays behind
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            LocalRun taken = LocalRun.resume(runDir, "cpu", null);
            RunLease lease = JSON.readValue(runDir.resolve(RunOwnership.LEASE_FILE).toFile(), RunLease.class);
            assertEquals(ProcessHandle.current().pid(), lease.pid());
            taken.control().cancel();
            assertEquals(RunFinished.Outcome.CANCELLED, taken.completion().get().outcome());
            assertFalse(Files.exists(runDir.resolve(RunOwnership.LEASE_FILE)), "released when the run ended");
        } finally {
            child.destroyForcibly();
        }
    }

    private Path awaitCheckpoint(Path runs, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(runs)) {
                try (var dirs = Files.list(runs)) {
                    Path found = dirs.filter(d -> Files.exists(d.resolve("checkpoints/latest.safetensors"))
                            && Files.exists(d.resolve(RunOwnership.LEASE_FILE))).findFirst().orElse(null);
                    if (found != null) {
                        return found;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child wrote no checkpoint: " + Files.readString(dir.resolve("child.log")));
    }

    @Test
    void aFreshLeaseFromAnotherHostRefusesTheClaimEvenWithTheOsLockFree() throws Exception {
        Instant now = Instant.now();
        writeLease(new RunLease("other-machine", 4242, "", now.minusSeconds(600).toString(),
                now.minusSeconds(10).toString()));
        String message = assertThrows(RunSetupException.class, () -> RunOwnership.claim(dir)).getMessage();
        assertTrue(message.contains("pid 4242 on host other-machine") && message.contains("last heartbeat 10 s ago"),
                message);
    }

    @Test
    void anExpiredLeaseFromAnotherHostIsTakenOverAndReleasedAtTheEnd() throws Exception {
        Instant old = Instant.now().minus(RunOwnership.LEASE_EXPIRES_AFTER).minusSeconds(1);
        writeLease(new RunLease("other-machine", 4242, "", old.toString(), old.toString()));
        try (RunOwnership owner = RunOwnership.claim(dir)) {
            assertEquals(ProcessHandle.current().pid(), readLease().pid());
        }
        assertFalse(Files.exists(dir.resolve(RunOwnership.LEASE_FILE)));
    }

    @Test
    void aLeaseOnThisHostIsStaleExactlyWhenItsProcessIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String now = Instant.now().toString();
        writeLease(new RunLease(HostName.get(), gone.pid(), "", now, now));
        RunOwnership.claim(dir).release();

        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            String started = RunLease.startOf(alive.toHandle());
            writeLease(new RunLease(HostName.get(), alive.pid(), started, now, now));
            String message = assertThrows(RunSetupException.class, () -> RunOwnership.claim(dir)).getMessage();
            assertTrue(message.contains("pid " + alive.pid()), message);

            // The same pid with another start time is a reused pid: the owner itself is gone.
            writeLease(new RunLease(HostName.get(), alive.pid(), "2001-01-01T00:00:00Z", now, now));
            RunOwnership.claim(dir).release();
        } finally {
            alive.destroyForcibly();
        }
    }

    @Test
    void aLeaseThisProcessLeftBehindIsNotMistakenForALiveOwner() throws Exception {
        String now = Instant.now().toString();
        ProcessHandle self = ProcessHandle.current();
        writeLease(new RunLease(HostName.get(), self.pid(), RunLease.startOf(self), now, now));
        RunOwnership.claim(dir).release();
    }

    @Test
    void anUnreadableLeaseIsRefusedWithTheFixNotGuessedAt() throws Exception {
        Files.writeString(dir.resolve(RunOwnership.LEASE_FILE), "{\"host\": \"a\", ");
        String message = assertThrows(RunSetupException.class, () -> RunOwnership.claim(dir)).getMessage();
        assertTrue(message.contains(RunOwnership.LEASE_FILE) && message.contains("Fix:") && message.contains("delete"),
                message);
    }

    @Test
    void aFolderThisProcessRunsCannotBeClaimedTwiceUntilReleased() throws Exception {
        RunOwnership first = RunOwnership.claim(dir);
        String message = assertThrows(RunSetupException.class, () -> RunOwnership.claim(dir)).getMessage();
        assertTrue(message.contains("already being run by this workbench"), message);
        first.release();
        RunOwnership.claim(dir).release();
    }

    @Test
    void theHeartbeatRenewsTheLeaseWhileTheRunLives() throws Exception {
        try (RunOwnership owner = RunOwnership.claim(dir, Duration.ofMillis(20), Clock.systemUTC())) {
            Instant since = Instant.parse(owner.lease().since());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!readLease().heartbeatInstant().isAfter(since) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(readLease().heartbeatInstant().isAfter(since));
            assertEquals(owner.lease().since(), readLease().since());
        }
    }

    private void writeLease(RunLease lease) throws Exception {
        Files.writeString(dir.resolve(RunOwnership.LEASE_FILE), JSON.writeValueAsString(lease));
    }

    private RunLease readLease() throws Exception {
        return JSON.readValue(dir.resolve(RunOwnership.LEASE_FILE).toFile(), RunLease.class);
    }
}
