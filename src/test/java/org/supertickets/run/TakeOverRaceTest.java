package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.io.AtomicFiles;

/**
 * Issue 28 item 7a: two processes resume a folder whose owner died. The winner takes the OS lock and then writes its
 * lease; the loser, refused by the lock in between, must name the live winner, not the dead owner still in
 * {@code owner.json}.
 */
class TakeOverRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The winner of the race, in its own JVM: takes the lock, says so, writes its lease a moment later, waits. */
    public static final class LockThenLease {
        public static void main(String[] args) throws Exception {
            Path folder = Path.of(args[0]);
            try (FileChannel channel = FileChannel.open(folder.resolve(RunOwnership.LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(Long.parseLong(args[1]));
                AtomicFiles.writeString(folder.resolve(RunOwnership.LEASE_FILE),
                        JSON.writeValueAsString(RunLease.ofThisProcess(Instant.now())));
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void theLoserOfATakeOverRaceNamesTheLiveWinnerNotTheDeadOwner() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String then = Instant.now().minusSeconds(3600).toString();
        // A start time that no live process has: stale even if the pid were reused meanwhile.
        Files.writeString(dir.resolve(RunOwnership.LEASE_FILE), JSON.writeValueAsString(
                new RunLease(HostName.get(), gone.pid(), "2001-01-01T00:00:00Z", then, then)));

        Process winner = new ProcessBuilder(ChildJvm.command(LockThenLease.class, List.of(dir.toString(), "800")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(winner.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine(), "the winner holds the lock, its lease not written yet");

            String message = assertThrows(RunFolderInUseException.class, () -> RunOwnership.claim(dir))
                    .getMessage();

            assertTrue(message.contains("in use by pid " + winner.pid() + " on host " + HostName.get()), message);
            assertFalse(message.contains("pid " + gone.pid() + " "), message);
            assertTrue(message.contains("Fix:"), message);
            assertEquals(winner.pid(), JSON.readValue(dir.resolve(RunOwnership.LEASE_FILE).toFile(), RunLease.class)
                    .pid(), "the loser wrote nothing over the winner's lease");
        } finally {
            winner.destroyForcibly();
            winner.waitFor();
        }
    }
}
