package org.supertickets.ui.sweep;

import java.util.Arrays;
import java.util.List;
import org.supertickets.slurm.SlurmResources;

/**
 * The sweep dialog's Slurm option fields read as {@link SlurmResources}: an empty field leaves the cluster's
 * default, and each problem is worded with its fix.
 */
final class SlurmOptionFields {

    private SlurmOptionFields() {
    }

    /** The options as resources, each problem added to {@code found}; null when there is one. */
    static SlurmResources read(String partition, String time, String cpusPerTask, String gpusPerTask, String mem,
            String sbatchArgs, List<String> found) {
        int before = found.size();
        Integer cpus = count("cpus-per-task", cpusPerTask, 1, found);
        Integer gpus = count("gpus-per-task", gpusPerTask, 0, found);
        List<String> extra = Arrays.stream(sbatchArgs.strip().split("\\s+")).filter(a -> !a.isEmpty())
                .toList();
        SlurmResources resources = new SlurmResources(orNull(partition), orNull(time), cpus, gpus, orNull(mem),
                extra);
        try {
            resources.validate();
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
        return found.size() == before ? resources : null;
    }

    private static Integer count(String option, String text, int min, List<String> found) {
        if (blank(text)) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        found.add("--" + option + " '" + text.strip() + "' is not a whole number of " + min + " or more. Fix: e.g. "
                + Math.max(1, min) + ", or leave it empty for the cluster's default.");
        return null;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
