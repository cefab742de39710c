package org.supertickets.ui.runqueue;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.supertickets.ui.task.TaskRunner;

/**
 * The Runs tab: the run queue, and below it the Slurm sweeps of the runs folder. A sweep's run folder that the
 * queue already follows (or has seen complete) opens in the Monitor; any other is opened as a run folder, which
 * follows it live.
 */
public final class RunsTab {

    private final RunsViewModel runs;
    private final Runnable showMonitor;
    private final RunsView view;
    private final SlurmSweepsViewModel slurmSweeps;

    /**
     * @param openTicket  shows a run's ticket (in the Ticket tab)
     * @param showMonitor brings the Monitor to the front
     */
    public RunsTab(RunsViewModel runs, TaskRunner runner, Runnable runCurrentConfig, Consumer<File> openTicket,
            Runnable showMonitor) {
        this.runs = runs;
        this.showMonitor = showMonitor;
        view = new RunsView(runs, runCurrentConfig, openTicket);
        slurmSweeps = new SlurmSweepsViewModel(runner);
        slurmSweeps.follow(runs.runsDirProperty()::get);
        view.setBottom(new SlurmSweepsView(slurmSweeps, this::showOrOpenRunFolder));
    }

    /** The tab's content. */
    public RunsView view() {
        return view;
    }

    /** The Slurm sweeps panel's model, refreshed when a sweep was just submitted. */
    public SlurmSweepsViewModel slurmSweeps() {
        return slurmSweeps;
    }

    private void showOrOpenRunFolder(Path folder) {
        Path wanted = folder.toAbsolutePath().normalize();
        RunEntry listed = runs.entries().stream()
                .filter(e -> e.getFolder() != null && e.getFolder().toAbsolutePath().normalize().equals(wanted))
                .filter(e -> e.getStatus() == RunStatus.FOLLOWING || e.getStatus() == RunStatus.FOLLOW_IDLE
                        || e.getStatus() == RunStatus.COMPLETED)
                .findFirst().orElse(null);
        if (listed == null) {
            runs.openFolder(folder); // selects it, and the Monitor comes to the front
            return;
        }
        runs.selectedProperty().set(listed);
        showMonitor.run();
    }
}
