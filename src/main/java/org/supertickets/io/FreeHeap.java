package org.supertickets.io;

/**
 * How much this JVM can still allocate on its heap, asked before a reader allocates what a file's header declares:
 * a forged or compressed header can declare gigabytes in a file of a megabyte.
 */
public final class FreeHeap {

    private FreeHeap() {
    }

    /** Bytes this JVM can still allocate on its heap (what -Xmx allows minus what is in use). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Whether {@code bytes} fit into the free heap, asking for one collection before saying no. */
    public static boolean fits(long bytes) {
        if (bytes <= available()) {
            return true;
        }
        System.gc(); // garbage counts as used until collected; ask once before refusing what would fit
        return bytes <= available();
    }
}
