package org.supertickets.slurm;

import java.util.Locale;
import java.util.Set;

/**
 * What Slurm says about one array task.
 *
 * @param state    Slurm's job state, e.g. PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL
 * @param reason   Slurm's reason (why pending, or why it ended), e.g. Resources, NonZeroExitCode, TimeLimit; may
 *                 be "None"
 * @param exitCode Slurm's {@code EXIT:SIGNAL}, e.g. 0:0, 1:0, 0:9; empty while it runs
 */
public record TaskState(String state, String reason, String exitCode) {

    /** The states in which a task has not ended yet (Slurm's job state codes). */
    private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING",
            "SUSPENDED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT",
            "RESV_DEL_HOLD", "STOPPED");

    public TaskState {
        // sacct writes "CANCELLED by 0"; only the state itself is compared
        state = state == null ? "UNKNOWN" : state.trim().split("\\s+")[0].toUpperCase(Locale.ROOT);
        reason = reason == null ? "" : reason.trim();
        exitCode = exitCode == null ? "" : exitCode.trim();
    }

    public boolean active() {
        return ACTIVE.contains(state);
    }

    public boolean pending() {
        return state.equals("PENDING");
    }

    public boolean completed() {
        return state.equals("COMPLETED");
    }

    /** E.g. "FAILED (NonZeroExitCode), exit code 1" or "FAILED (JobLaunchFailure), killed by signal 9 (KILL)". */
    public String describe() {
        StringBuilder text = new StringBuilder(state);
        if (!reason.isEmpty() && !reason.equals("None")) {
            text.append(" (").append(reason).append(')');
        }
        String[] parts = exitCode.split(":");
        if (!active() && parts.length == 2) {
            if (!parts[1].equals("0")) {
                text.append(", killed by signal ").append(parts[1]).append(signalName(parts[1]));
            } else if (!parts[0].equals("0")) {
                text.append(", exit code ").append(parts[0]);
            }
        }
        return text.toString();
    }

    private static String signalName(String number) {
        return switch (number) {
            case "9" -> " (KILL)";
            case "15" -> " (TERM)";
            case "6" -> " (ABRT)";
            case "11" -> " (SEGV)";
            case "2" -> " (INT)";
            default -> "";
        };
    }
}
