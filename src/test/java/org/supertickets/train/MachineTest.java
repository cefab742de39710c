package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @TempDir
    Path dir;

    @Test
    void theCommitIsReadFromALooseRefFromPackedRefsAndFromADetachedHead() throws Exception {
        String a = "0123456789abcdef0123456789abcdef01234567";
        String b = "89abcdef0123456789abcdef0123456789abcdef";
        Path git = Files.createDirectories(dir.resolve("repo/.git"));
        Path inside = Files.createDirectories(dir.resolve("repo/src/main"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + b + " refs/heads/main\n");
        assertEquals(Optional.of(b), Machine.gitCommit(inside), "packed ref, found from a folder below the root");
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), a + "\n");
        assertEquals(Optional.of(a), Machine.gitCommit(inside), "a loose ref wins over packed-refs");
        Files.writeString(git.resolve("HEAD"), b + "\n");
        assertEquals(Optional.of(b), Machine.gitCommit(inside), "detached HEAD");
        assertEquals(Optional.empty(), Machine.gitCommit(Files.createDirectories(dir.resolve("elsewhere"))));
    }

    @Test
    void threadsFollowOmpNumThreadsWhenItIsAPositiveNumber() {
        assertEquals(1, Machine.threads("1", 16));
        assertEquals(16, Machine.threads(null, 16));
        assertEquals(16, Machine.threads("zero", 16));
        assertEquals(16, Machine.threads("0", 16));
    }

    @Test
    void thisMachineIsDescribed() {
        Machine m = Machine.current();
        assertTrue(m.cores() > 0 && m.threads() > 0);
        assertTrue(m.cpuModel() != null && !m.cpuModel().isBlank(), String.valueOf(m.cpuModel()));
    }
}
