package org.supertickets.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep's process pool, on shell commands whose behaviour the tests control. */
class WorkerPoolTest {

    @TempDir
    Path dir;

    private WorkerPool.Job shell(String name, String script) {
        return new WorkerPool.Job(name, List.of("sh", "-c", script), dir.resolve("logs").resolve(name + ".log"));
    }

    @Test
    void twoWorkersRunTwoJobsAtOnceAndEachLogsItsOwnOutput() throws Exception {
        // 'waiter' only succeeds if 'signaller' runs while it waits: proof of parallelism without timing.
        Path flag = dir.resolve("signaller-ran");
        List<WorkerPool.Job> jobs = List.of(
                shell("waiter", "i=0; while [ ! -e '" + flag + "' ]; do i=$((i+1)); [ $i -gt 600 ] && exit 7; "
                        + "sleep 0.05; done; echo waited"),
                shell("signaller", "touch '" + flag + "'; echo signalled"));
        List<WorkerPool.Result> results = new WorkerPool(2, Map.of()).runAll(jobs, new Recorder());
        assertTrue(results.get(0).succeeded(), "exit " + results.get(0).exitCode());
        assertTrue(results.get(1).succeeded());
        assertEquals("waited", Files.readString(jobs.get(0).log()).strip());
        assertEquals("signalled", Files.readString(jobs.get(1).log()).strip());
    }

    @Test
    void neverMoreJobsAtOnceThanWorkers() throws Exception {
        // each job counts the markers of running jobs while its own marker exists
        List<WorkerPool.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String mine = dir.resolve("running-" + i).toString();
            jobs.add(shell("job" + i, "touch '" + mine + "'; sleep 0.2; ls '" + dir + "' | grep -c '^running-'; "
                    + "rm '" + mine + "'"));
        }
        Recorder recorder = new Recorder();
        List<WorkerPool.Result> results = new WorkerPool(2, Map.of()).runAll(jobs, recorder);
        for (WorkerPool.Job job : jobs) {
            int seen = Integer.parseInt(Files.readString(job.log()).strip());
            assertTrue(seen >= 1 && seen <= 2, job.name() + " saw " + seen + " jobs running");
        }
        assertEquals(5, results.stream().filter(WorkerPool.Result::succeeded).count());
        assertEquals(List.of(1, 2, 3, 4, 5), recorder.doneCounts);
    }

    @Test
    void aFailingJobIsReportedAndTheOthersStillRun() throws Exception {
        List<WorkerPool.Job> jobs = List.of(shell("fails", "echo broken; exit 3"), shell("works", "echo fine"));
        List<WorkerPool.Result> results = new WorkerPool(1, Map.of()).runAll(jobs, new Recorder());
        assertEquals(3, results.get(0).exitCode());
        assertFalse(results.get(0).succeeded());
        assertFalse(results.get(0).cancelled());
        assertTrue(results.get(1).succeeded());
    }

    @Test
    void aCommandThatCannotStartIsReportedInItsLog() throws Exception {
        WorkerPool.Job missing = new WorkerPool.Job("missing", List.of(dir.resolve("no-such-program").toString()),
                dir.resolve("logs").resolve("missing.log"));
        List<WorkerPool.Result> results = new WorkerPool(1, Map.of()).runAll(List.of(missing, shell("next", "true")),
                new Recorder());
        assertEquals(WorkerPool.CANNOT_START, results.get(0).exitCode());
        assertTrue(Files.readString(missing.log()).contains("Cannot start"), Files.readString(missing.log()));
        assertTrue(results.get(1).succeeded());
    }

    @Test
    void jobsGetTheExtraEnvironment() throws Exception {
        WorkerPool.Job job = shell("env", "echo threads=$OMP_NUM_THREADS");
        new WorkerPool(1, Map.of("OMP_NUM_THREADS", "3")).runAll(List.of(job), new Recorder());
        assertEquals("threads=3", Files.readString(job.log()).strip());
    }

    @Test
    void cancelStopsTheRunningJobAndStartsNoOther() throws Exception {
        WorkerPool pool = new WorkerPool(1, Map.of());
        Recorder recorder = new Recorder();
        List<WorkerPool.Job> jobs = List.of(shell("long", "sleep 60"), shell("queued", "echo never"));
        Thread canceller = new Thread(() -> {
            try {
                assertTrue(recorder.firstStart.await(30, TimeUnit.SECONDS));
                pool.cancel(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        List<WorkerPool.Result> results = pool.runAll(jobs, recorder);
        canceller.join();
        assertTrue(results.get(0).cancelled(), "the running job was stopped");
        assertTrue(results.get(1).cancelled(), "the queued job never started");
        assertFalse(Files.exists(jobs.get(1).log()));
        assertEquals(List.of("long"), recorder.started);
    }

    @Test
    void coresAreSharedEvenlyAndNeverBelowOneThread() {
        assertEquals(1, WorkerPool.threadsPerWorker(2, 2));
        assertEquals(4, WorkerPool.threadsPerWorker(2, 8));
        assertEquals(1, WorkerPool.threadsPerWorker(4, 2));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool(0, Map.of()));
    }

    private static final class Recorder implements WorkerPool.Listener {
        final List<String> started = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> doneCounts = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstStart = new CountDownLatch(1);

        @Override
        public void started(WorkerPool.Job job) {
            started.add(job.name());
            firstStart.countDown();
        }

        @Override
        public void finished(WorkerPool.Result result, int done, int total) {
            doneCounts.add(done);
        }
    }
}
