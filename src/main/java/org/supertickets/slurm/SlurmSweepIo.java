package org.supertickets.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.supertickets.io.AtomicFiles;

/** Reads and writes a sweep folder's {@link SlurmSweep#FILE}; written atomically, so a reader never sees half. */
public final class SlurmSweepIo {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SlurmSweepIo() {
    }

    public static boolean isSlurmSweep(Path folder) {
        return Files.isRegularFile(folder.resolve(SlurmSweep.FILE));
    }

    public static void write(Path sweepFolder, SlurmSweep sweep) throws IOException {
        AtomicFiles.writeString(sweepFolder.resolve(SlurmSweep.FILE), JSON.writeValueAsString(sweep));
    }

    /** @throws IOException naming the file and the fix when it is missing or damaged */
    public static SlurmSweep read(Path sweepFolder) throws IOException {
        Path file = sweepFolder.resolve(SlurmSweep.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(sweepFolder + " holds no " + SlurmSweep.FILE + ", so it is not a sweep submitted "
                    + "to Slurm. Fix: give the sweep folder 'sweep --engine slurm' printed (OUT/sweep-<time>) or "
                    + "its --out.");
        }
        try {
            return JSON.readValue(Files.readAllBytes(file), SlurmSweep.class);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "). Fix: restore it; it is written by 'sweep --engine slurm' and its --resume.", e);
        }
    }
}
