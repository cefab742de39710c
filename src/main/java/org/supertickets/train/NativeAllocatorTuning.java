package org.supertickets.train;

/**
 * Keeps glibc's malloc from giving libtorch's activation buffers back to the kernel after every step.
 *
 * <p>With glibc's default, self-adjusting thresholds, a training thread other than the process's main thread
 * (the CLI's and the GUI's runs) gets its own malloc arena, and the step's multi-megabyte buffers went back to
 * the kernel and were faulted in again page by page on the next step: twice the page faults and system time,
 * 266–428 instead of ~450 images/s on {@code fashion-mnist.json} (docs/performance.md). Fixing the thresholds
 * once, as {@code MALLOC_MMAP_THRESHOLD_} and {@code MALLOC_TRIM_THRESHOLD_} would from the environment, keeps
 * those buffers in the arena. A user who set malloc's options themselves keeps theirs.
 */
public final class NativeAllocatorTuning {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit (half its 64 MiB arena heap). */
    static final int MMAP_THRESHOLD_BYTES = 32 << 20;
    /** Freed memory the process may keep before trimming: well above one training step's working set. */
    static final int TRIM_THRESHOLD_BYTES = 1 << 30;

    private static Boolean applied; // guarded by the class lock (applyOnce is synchronized)

    private NativeAllocatorTuning() {
    }

    /** Applies the thresholds once per process; true when glibc accepted them. */
    public static synchronized boolean applyOnce() {
        if (applied == null) {
            applied = apply();
        }
        return applied;
    }

    private static boolean apply() {
        if (userChoseMallocOptions()) {
            return false;
        }
        try {
            return LinuxLibc.instance().map(c -> c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1).orElse(false);
        } catch (UnsatisfiedLinkError notGlibc) {
            return false; // another C library (musl): its allocator, its behaviour; nothing breaks
        }
    }

    private static boolean userChoseMallocOptions() {
        String tunables = System.getenv("GLIBC_TUNABLES");
        return System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                || (tunables != null && tunables.contains("malloc"));
    }
}
