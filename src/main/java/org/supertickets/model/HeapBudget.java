package org.supertickets.model;

import java.nio.file.Path;
import java.util.Locale;
import org.supertickets.io.FreeHeap;

/** Refuses to read a file whose contents cannot fit into the memory this JVM has left, before allocating any. */
public final class HeapBudget {

    private HeapBudget() {
    }

    /** Bytes this JVM can still allocate on its heap (what -Xmx allows minus what is in use). */
    public static long available() {
        return FreeHeap.available();
    }

    /**
     * @throws CorruptFileException when {@code bytes} do not fit into the free heap, even after a collection
     */
    public static void check(Path file, long bytes) throws CorruptFileException {
        if (!FreeHeap.fits(bytes)) {
            long free = available();
            throw new CorruptFileException(file, String.format(Locale.ROOT, "holds tensors of %.1f MB, more than the "
                    + "%.1f MB of memory this process has free. Fix: check that the file is the one you meant (its "
                    + "header may be forged), or give Java more memory (-Xmx, or JAVA_TOOL_OPTIONS=-Xmx8g)",
                    bytes / 1e6, free / 1e6));
        }
    }
}
