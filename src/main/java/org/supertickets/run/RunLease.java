package org.supertickets.run;

import java.time.Instant;

/**
 * The lease record a run keeps in its folder ({@code owner.json}) while it runs: who owns the folder and when that
 * owner last showed it was alive. It stands in for the OS lock on file systems where locks are not shared between
 * machines (NFS without a lock manager, some cloud mounts).
 *
 * @param host         the owner's host name
 * @param pid          the owner's process id
 * @param processStart when that process started (ISO-8601; empty if the OS does not say), so that a reused pid is
 *                     not taken for the owner
 * @param since        when the run took the folder (ISO-8601)
 * @param heartbeat    when the owner last renewed the lease (ISO-8601)
 */
public record RunLease(String host, long pid, String processStart, String since, String heartbeat) {

    /** A lease for this process, taken now. */
    static RunLease ofThisProcess(Instant now) {
        ProcessHandle self = ProcessHandle.current();
        return new RunLease(HostName.get(), self.pid(), startOf(self), now.toString(), now.toString());
    }

    RunLease renewedAt(Instant now) {
        return new RunLease(host, pid, processStart, since, now.toString());
    }

    boolean isSameProcessAs(RunLease other) {
        return host.equals(other.host) && pid == other.pid && processStart.equals(other.processStart);
    }

    Instant heartbeatInstant() {
        return Instant.parse(heartbeat);
    }

    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("");
    }
}
