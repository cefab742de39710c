package org.supertickets.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.supertickets.io.AtomicFiles;
import org.supertickets.train.RecordingRefusedException;

/**
 * The claim of one process on a run folder, held for the life of a run so that no second process (another CLI,
 * the GUI, another machine on shared storage) writes into it. Two guards, because either alone can fail: an OS
 * lock on {@code owner.lock} (released by the kernel when the process dies, but not shared between machines on
 * every file system) and a lease {@code owner.json} naming host, pid and a heartbeat renewed while the run lives.
 * A lease counts as stale only when that is known: its process is gone (same host), or its heartbeat is older
 * than {@link #LEASE_EXPIRES_AFTER} (another host). Anything else refuses the claim with who owns the folder.
 */
public final class RunOwnership implements AutoCloseable {

    public static final String LOCK_FILE = "owner.lock";
    public static final String LEASE_FILE = "owner.json";
    static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(10);
    public static final Duration LEASE_EXPIRES_AFTER = Duration.ofSeconds(90);
    /**
     * How long a process refused by the OS lock waits for the lock holder's lease. The holder writes it right after
     * taking the lock; until then the lease on disk is the one it is replacing (a dead owner's, when two processes
     * race to take a stale folder over), and naming that one would send the user after a process that is gone.
     */
    static final Duration LOCK_HOLDER_LEASE_WAIT = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Folders claimed by this JVM. Checked before the lock file is opened: closing any channel on a file drops
     * every POSIX lock this JVM holds on it, so a second channel must never be opened here.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private final ScheduledExecutorService heartbeat;
    private final Clock clock;
    private volatile RunLease lease;
    /** The lease that replaced this one (another process took the folder over), null while this one holds. */
    private volatile RunLease lostTo;
    private volatile boolean released;

    private RunOwnership(Path folder, FileChannel channel, FileLock lock, RunLease lease, Clock clock,
            Duration heartbeatEvery) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
        this.lease = lease;
        this.clock = clock;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + folder.getFileName());
            t.setDaemon(true);
            return t;
        });
        long every = heartbeatEvery.toMillis();
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Claims a run folder for this process until {@link #release()}.
     *
     * @throws RunSetupException when another process owns it (the message names it and how to take over)
     */
    public static RunOwnership claim(Path folder) throws RunSetupException {
        return claim(folder, HEARTBEAT_EVERY, Clock.systemUTC());
    }

    static RunOwnership claim(Path folder, Duration heartbeatEvery, Clock clock) throws RunSetupException {
        Path key;
        try {
            key = folder.toRealPath();
        } catch (IOException e) {
            throw new RunSetupException("Cannot open the run folder " + folder + ": " + e.getMessage());
        }
        if (!HELD_HERE.add(key)) {
            throw new RunFolderInUseException(folder + " is already being run by this workbench (pid "
                    + ProcessHandle.current().pid() + "). Fix: wait for that run to end, or stop it first.");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
                if (lock == null) {
                    throw new RunFolderInUseException(heldBy(folder, key, clock));
                }
            } catch (IOException e) {
                lock = null; // this file system gives no locks: the lease alone guards the folder
            }
            Instant now = clock.instant();
            Optional<RunLease> previous = readLease(key);
            RunLease mine = RunLease.ofThisProcess(now);
            // A lease of this very process that it no longer holds (its deletion failed) is stale too.
            if (previous.isPresent() && !previous.get().isSameProcessAs(mine) && isLive(previous.get(), now)) {
                throw new RunFolderInUseException(ownedBy(folder, previous, now)
                        + " (Its OS lock was free: this file system does not share locks between processes or "
                        + "machines, so the lease decides.)");
            }
            writeLease(key, mine);
            return new RunOwnership(key, channel, lock, mine, clock, heartbeatEvery);
        } catch (RunSetupException | RuntimeException e) {
            closeQuietly(channel);
            HELD_HERE.remove(key);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            HELD_HERE.remove(key);
            throw new RunSetupException("Cannot claim the run folder " + folder + " (" + LOCK_FILE + ", "
                    + LEASE_FILE + "): " + e + ". Fix: check that the folder is writable.");
        }
    }

    /**
     * Who holds the OS lock that refused this claim: the live lease on disk, waited for up to
     * {@link #LOCK_HOLDER_LEASE_WAIT}; a lease that stays stale is named as what it is, not as the owner.
     */
    private static String heldBy(Path folder, Path key, Clock clock) throws RunFolderInUseException {
        long deadline = System.nanoTime() + LOCK_HOLDER_LEASE_WAIT.toNanos();
        RunLease self = RunLease.ofThisProcess(clock.instant());
        while (true) {
            Optional<RunLease> lease = readLease(key);
            Instant now = clock.instant();
            boolean holders = lease.isPresent() && !lease.get().isSameProcessAs(self) && isLive(lease.get(), now);
            if (holders || (lease.isEmpty() && System.nanoTime() >= deadline)) {
                return ownedBy(folder, lease, now);
            }
            if (System.nanoTime() >= deadline) {
                RunLease stale = lease.get();
                return folder + " is in use by another process: it holds " + LOCK_FILE + " and has not written its "
                        + "lease yet (" + LEASE_FILE + " still names the previous owner, pid " + stale.pid()
                        + " on host " + stale.host() + ", which no longer holds the folder)." + IN_USE_FIX;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ownedBy(folder, Optional.empty(), now);
            }
        }
    }

    /** Whether the lease's owner is known to be alive: never guessed, so only a proven death makes it stale. */
    static boolean isLive(RunLease lease, Instant now) {
        if (lease.host().equals(HostName.get())) {
            Optional<ProcessHandle> process = ProcessHandle.of(lease.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return false;
            }
            String started = RunLease.startOf(process.get());
            // a different start time means the pid was reused by another program after the owner died
            return lease.processStart().isEmpty() || started.isEmpty() || started.equals(lease.processStart());
        }
        return Duration.between(lease.heartbeatInstant(), now).compareTo(LEASE_EXPIRES_AFTER) < 0;
    }

    private static final String IN_USE_FIX = " Two processes in one run folder would mix their logs and checkpoints. "
            + "Fix: let that run end, or stop it (Ctrl-C or Stop keeps a checkpoint), then resume; once that process "
            + "is gone, resume takes the folder over by itself (a lease from another host expires "
            + LEASE_EXPIRES_AFTER.toSeconds() + " s after its last heartbeat).";

    private static String ownedBy(Path folder, Optional<RunLease> lease, Instant now) {
        String fix = IN_USE_FIX;
        if (lease.isEmpty()) {
            return folder + " is in use by another process (it holds " + LOCK_FILE + "; its lease " + LEASE_FILE
                    + " is not written yet)." + fix;
        }
        RunLease l = lease.get();
        long ago = Math.max(0, Duration.between(l.heartbeatInstant(), now).toSeconds());
        return folder + " is in use by pid " + l.pid() + " on host " + l.host() + ", running since " + l.since()
                + " (last heartbeat " + ago + " s ago)." + fix;
    }

    /** The lease in the folder, empty if there is none; an unreadable one is refused, never guessed at. */
    static Optional<RunLease> readLease(Path folder) throws RunFolderInUseException {
        Path file = folder.resolve(LEASE_FILE);
        try {
            RunLease lease = JSON.readValue(Files.readAllBytes(file), RunLease.class);
            if (lease.host() == null || lease.since() == null || lease.heartbeat() == null
                    || lease.processStart() == null) {
                throw new IOException("a field is missing");
            }
            lease.heartbeatInstant();
            return Optional.of(lease);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new RunFolderInUseException(file + " (the lease of the process that owns this run folder) cannot be "
                    + "read: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())
                    + ". Fix: make sure no process is running this run (check the host and pid it names), then "
                    + "delete " + file + " and resume again.");
        }
    }

    private static void writeLease(Path folder, RunLease lease) throws IOException {
        byte[] json = JSON.writeValueAsBytes(lease);
        AtomicFiles.write(folder.resolve(LEASE_FILE), out -> out.write(json));
    }

    /** Renews the heartbeat, unless another owner took the folder over (then this one stops renewing). */
    private synchronized void renew() {
        if (released) {
            return;
        }
        try {
            if (takenOver(readLease(folder))) {
                return;
            }
            RunLease renewed = lease.renewedAt(clock.instant());
            writeLease(folder, renewed);
            lease = renewed;
        } catch (IOException | RunSetupException e) {
            // The run's own writes report a folder that became unwritable; the next beat tries again.
        }
    }

    /** Whether the lease on disk is another process's; if so, this one is lost for good and stops renewing. */
    private boolean takenOver(Optional<RunLease> onDisk) {
        if (onDisk.isPresent() && !onDisk.get().isSameProcessAs(lease)) {
            lostTo = onDisk.get();
            heartbeat.shutdown();
            return true;
        }
        return false;
    }

    /** Whether this process still owns the folder: not released, and no other process has taken it over. */
    public boolean isHeld() {
        return !released && lostTo == null;
    }

    /**
     * Refuses to go on writing once the folder is not this process's any more (seen by the heartbeat, or, with
     * {@code readNow}, in the lease on disk this moment: for writes that would do harm, such as a checkpoint).
     *
     * @throws RecordingRefusedException naming the process that took the folder over
     */
    public void checkHeld(boolean readNow) throws RecordingRefusedException {
        if (readNow && lostTo == null && !released) {
            try {
                takenOver(readLease(folder));
            } catch (RunFolderInUseException e) {
                // an unreadable lease is not proof of another owner; the heartbeat keeps looking
            }
        }
        RunLease other = lostTo;
        if (other != null) {
            throw new RecordingRefusedException(folder + " was taken over by pid " + other.pid() + " on host "
                    + other.host() + " (since " + other.since() + ") while this run (pid " + lease.pid()
                    + ") was training: its lease had gone stale (no heartbeat for "
                    + LEASE_EXPIRES_AFTER.toSeconds() + " s, e.g. a stalled machine or a network partition). This run "
                    + "stopped without writing anything more there. Fix: nothing to repair; let the other process "
                    + "finish the run, or stop it and resume.");
        }
        if (released) {
            throw new RecordingRefusedException(folder + " was released by this run; it writes nothing more there.");
        }
    }

    /** The lease as last written. */
    public RunLease lease() {
        return lease;
    }

    /** Gives the folder up: the lease goes first, so a process that then gets the lock finds no live owner. */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        heartbeat.shutdownNow();
        try {
            Optional<RunLease> onDisk = readLease(folder);
            if (onDisk.isPresent() && onDisk.get().isSameProcessAs(lease)) {
                Files.deleteIfExists(folder.resolve(LEASE_FILE));
            }
        } catch (IOException | RunSetupException e) {
            // Left behind, the lease is stale: its pid is gone once this process ends.
        }
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
        HELD_HERE.remove(folder);
    }

    @Override
    public void close() {
        release();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing held through it any more
            }
        }
    }
}
