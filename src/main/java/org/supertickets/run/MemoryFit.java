package org.supertickets.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.supertickets.space.MemoryEstimate;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Whether a config's training fits into the memory this machine has free, checked before anything is allocated
 * so that a run that cannot fit is refused with what it needs instead of swapping or stalling for minutes.
 * Only host memory is known here; on a GPU the device's own out-of-memory error still stops the run.
 */
public final class MemoryFit {

    private MemoryFit() {
    }

    /** Null when the training fits into {@code availableBytes}, else the problem with the fix. */
    public static String problem(SearchSpaceConfig resolved, long availableBytes) {
        MemoryEstimate need = MemoryEstimate.of(resolved);
        if (need.totalBytes() <= availableBytes) {
            return null;
        }
        return "Training '" + resolved.name() + "' needs about " + need + ", but this machine has "
                + MemoryEstimate.gb(availableBytes) + " free. Fix: " + need.fix() + ".";
    }

    /** Refuses a run on the CPU that cannot fit into the free host memory. */
    static void check(SearchSpaceConfig resolved, boolean onCpu) throws RunSetupException {
        String problem = onCpu ? problem(resolved, availableBytes()) : null;
        if (problem != null) {
            throw new RunSetupException(problem);
        }
    }

    /**
     * Memory free for a new run: the kernel's MemAvailable (free plus reclaimable cache), within the container's
     * cgroup limit when there is one; the JVM's view of free physical memory elsewhere.
     */
    public static long availableBytes() {
        long available = procMeminfoAvailable();
        if (available <= 0) {
            var os = ManagementFactory.getOperatingSystemMXBean();
            available = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getFreeMemorySize()
                    : Runtime.getRuntime().maxMemory();
        }
        long cgroupLeft = cgroupLeft();
        return cgroupLeft > 0 ? Math.min(available, cgroupLeft) : available;
    }

    private static long procMeminfoAvailable() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JVM's own figure is used
        }
        return -1;
    }

    private static long cgroupLeft() {
        try {
            List<String> max = Files.readAllLines(Path.of("/sys/fs/cgroup/memory.max"));
            List<String> current = Files.readAllLines(Path.of("/sys/fs/cgroup/memory.current"));
            if (max.isEmpty() || current.isEmpty() || max.get(0).trim().equals("max")) {
                return -1;
            }
            return Long.parseLong(max.get(0).trim()) - Long.parseLong(current.get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
