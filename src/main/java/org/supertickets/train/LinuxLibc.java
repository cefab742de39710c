package org.supertickets.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Optional;

/**
 * The few glibc functions the trainer tunes the process with, through JNA (which DJL already ships): the one place
 * that uses JNA (ArchitectureTest keeps it so); NativeAllocatorTuningTest and TrainingThreadPriorityTest call each
 * function on Linux.
 */
interface LinuxLibc extends Library {

    int mallopt(int param, int value);

    int gettid();

    int setpriority(int which, int who, int prio);

    /** glibc on Linux, loaded once per process; empty elsewhere (macOS, Windows) or where it cannot be loaded. */
    static Optional<LinuxLibc> instance() {
        return Loaded.INSTANCE;
    }

    /** Holds the one loaded library: the trainer asks for it at every run's start. */
    final class Loaded {
        static final Optional<LinuxLibc> INSTANCE = load();

        private Loaded() {
        }
    }

    private static Optional<LinuxLibc> load() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Native.load("c", LinuxLibc.class));
        } catch (UnsatisfiedLinkError | RuntimeException notAvailable) {
            return Optional.empty();
        }
    }
}
