package org.supertickets.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingThreadPriorityTest {

    @AfterEach
    void normalPriorityAgain() {
        TrainingThreadPriority.useBackgroundPriority(false);
    }

    @Test
    void backgroundPriorityNicesOnlyTheCallingThread() throws Exception {
        assumeTrue(Platform.isLinux(), "thread priorities are set through Linux's setpriority");
        int callerNice = niceOf(LinuxLibc.instance().orElseThrow().gettid());
        TrainingThreadPriority.useBackgroundPriority(true);
        AtomicReference<int[]> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            boolean applied = TrainingThreadPriority.applyToCurrentThread();
            seen.set(new int[] {applied ? 1 : 0, niceOf(LinuxLibc.instance().orElseThrow().gettid())});
        });
        t.start();
        t.join();
        assertEquals(1, seen.get()[0], "setpriority refused");
        assertEquals(TrainingThreadPriority.BACKGROUND_NICE, seen.get()[1]);
        assertEquals(callerNice, niceOf(LinuxLibc.instance().orElseThrow().gettid()),
                "the caller's thread is untouched");
    }

    @Test
    void headlessRunsKeepNormalPriority() {
        TrainingThreadPriority.useBackgroundPriority(false);
        assertFalse(TrainingThreadPriority.applyToCurrentThread());
    }

    /** Field 19 of /proc/self/task/TID/stat (after the parenthesised command name). */
    private static int niceOf(int tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
