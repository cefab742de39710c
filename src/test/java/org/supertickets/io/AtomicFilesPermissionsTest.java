package org.supertickets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.space.ConfigIo;

/** Files the workbench writes atomically open for whoever the umask lets open any new file (issue 30). */
class AtomicFilesPermissionsTest {

    @TempDir
    Path dir;

    private Set<PosixFilePermission> asAnyNewFile() throws Exception {
        return Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain-new-file")));
    }

    @Test
    void anAtomicWriteGetsTheUmasksPermissionsNotTempFilePrivacy() throws Exception {
        Path target = dir.resolve("ticket.json");
        AtomicFiles.writeString(target, "{}");
        assertEquals(asAnyNewFile(), Files.getPosixFilePermissions(target));
        assertEquals("{}", Files.readString(target));
    }

    @Test
    void aSavedConfigToo() throws Exception {
        Path target = dir.resolve("saved.json");
        ConfigIo.write(target, ConfigIo.read(Path.of("sample-configs/demo.json")));
        assertEquals(asAnyNewFile(), Files.getPosixFilePermissions(target));
    }

    @Test
    void aTempFileLeftByACrashIsStillFoundAsALeftover() throws Exception {
        Path target = dir.resolve("weights.safetensors");
        Path temp = AtomicFiles.tempBeside(target);
        assertTrue(Files.exists(temp));
        assertEquals(1, AtomicFiles.removeLeftovers(target));
        assertTrue(Files.notExists(temp));
    }
}
