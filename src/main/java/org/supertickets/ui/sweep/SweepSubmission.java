package org.supertickets.ui.sweep;

import java.nio.file.Path;
import javafx.stage.Window;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.runqueue.SlurmSweepsViewModel;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;

/**
 * Run ▸ Submit sweep…: a grid of the designer's config (or a file) on this machine or on Slurm, on the run queue's
 * device and runs folder. Each local run that ends is listed in Runs; a submitted Slurm sweep is shown in the Runs
 * tab's sweeps panel.
 */
public final class SweepSubmission {

    private SweepSubmission() {
    }

    /**
     * @param designer the designer's runnable config; null when it has problems (a file can be chosen)
     * @param showRuns brings the Runs tab to the front
     */
    public static void show(Window owner, TaskRunner runner, RunsViewModel runs, SearchSpaceConfig designer,
            SlurmSweepsViewModel slurmSweeps, Notifier notifier, Runnable showRuns) {
        String device = runs.deviceProperty().get();
        SubmitSweepViewModel sweep = new SubmitSweepViewModel(runner, "auto".equals(device) ? null : device,
                runs.runsDirProperty().get());
        SubmitSweepDialog.show(owner, sweep, designer, new SubmitSweepViewModel.LocalSweepListener() {
            @Override
            public void runEnded(String point, boolean succeeded, int done, int total) {
                runs.findExisting(); // lists the run folder that just ended
            }

            @Override
            public void sweepEnded(Path folder, int failed, int total) {
                notifier.info("Sweep " + folder.getFileName() + ": " + (total - failed) + " of " + total
                        + " run(s) completed" + (failed == 0 ? "." : "; the logs in " + folder + " say why "
                        + "the others did not."));
            }
        }, submitted -> {
            notifier.info(submitted);
            slurmSweeps.refresh(runs.runsDirProperty().get());
            showRuns.run();
        });
    }
}
