package org.supertickets.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this process, all threads (libtorch's workers, the JIT and the GC included). */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU this process has used, or -1 where the JVM cannot tell. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
