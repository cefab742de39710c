package org.supertickets.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep submitted to Slurm, as kept in its folder ({@code OUT/sweep-<time>/slurm-sweep.json}): where its runs go,
 * its points, every submission of its array, and how each ended task ended (Slurm forgets finished jobs after a
 * few minutes unless accounting is on, so an end is written down when first seen).
 *
 * @param out       the shared output folder the runs write their run folders into (absolute)
 * @param device    the device override passed to every run; null = each config's own
 * @param resources what each task asks Slurm for
 * @param points    the grid's points, in array task order
 * @param submissions every sbatch of the array, oldest first
 * @param ended     per point index, how its latest task ended
 */
public record SlurmSweep(String out, String device, SlurmResources resources, List<SweepPoint> points,
        List<Submission> submissions, Map<Integer, EndedTask> ended) {

    /** The file in the sweep folder. */
    public static final String FILE = "slurm-sweep.json";

    /** How a task ended, with the job it belonged to (a resubmitted point has a newer job). */
    public record EndedTask(String taskId, TaskState state) {
    }

    public SlurmSweep {
        points = List.copyOf(points);
        submissions = List.copyOf(submissions);
        ended = ended == null ? Map.of() : Map.copyOf(ended);
    }

    public Path outFolder() {
        return Path.of(out);
    }

    /** The latest submission that holds the point, if it was ever submitted. */
    public Optional<Submission> latestSubmissionOf(int index) {
        for (int i = submissions.size() - 1; i >= 0; i--) {
            if (submissions.get(i).indices().contains(index)) {
                return Optional.of(submissions.get(i));
            }
        }
        return Optional.empty();
    }

    /** This sweep with one more submission; the ends recorded for its points are forgotten. */
    public SlurmSweep withSubmission(Submission submission) {
        List<Submission> all = new ArrayList<>(submissions);
        all.add(submission);
        Map<Integer, EndedTask> stillEnded = new LinkedHashMap<>(ended);
        submission.indices().forEach(stillEnded::remove);
        return new SlurmSweep(out, device, resources, points, all, stillEnded);
    }

    /** This sweep with the ends seen now added. */
    public SlurmSweep withEnded(Map<Integer, EndedTask> seen) {
        Map<Integer, EndedTask> all = new LinkedHashMap<>(ended);
        all.putAll(seen);
        return new SlurmSweep(out, device, resources, points, submissions, all);
    }
}
