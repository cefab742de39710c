package org.supertickets.slurm;

import java.util.List;

/**
 * One {@code sbatch} of a sweep's array: the first submits every point, each resume the points that had not
 * completed.
 *
 * @param jobId     the array's job id
 * @param script    the script submitted, relative to the sweep folder
 * @param indices   the array task ids (points) it holds
 * @param submitted when (ISO-8601)
 */
public record Submission(String jobId, String script, List<Integer> indices, String submitted) {

    public Submission {
        indices = List.copyOf(indices);
    }

    /** Slurm's name of one task of this array, e.g. {@code 1234_3}. */
    public String taskId(int index) {
        return jobId + "_" + index;
    }
}
