package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeAllocatorTuningTest {

    @Test
    void glibcAcceptsTheThresholdsOnLinux() {
        assumeTrue(Platform.isLinux(), "mallopt is glibc's; this machine is not Linux");
        assumeTrue(System.getenv("GLIBC_TUNABLES") == null && System.getenv("MALLOC_MMAP_THRESHOLD_") == null,
                "the environment sets malloc's options itself, so the workbench leaves them alone");
        assertTrue(NativeAllocatorTuning.applyOnce(), "mallopt refused the thresholds");
    }

    @Test
    void appliesOnlyOncePerProcess() {
        boolean first = NativeAllocatorTuning.applyOnce();
        assertEquals(first, NativeAllocatorTuning.applyOnce());
    }
}
