package org.supertickets.ui.teaching;

import java.nio.file.Path;
import java.util.Objects;
import org.supertickets.space.ConfigIo;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.task.BackgroundTask;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.task.UserMessages;

/**
 * One click to a lesson: loads the shipped demo config into the designer and runs it, in step mode when asked.
 * The demo fixes its seed, so the story a room sees is the same every time.
 */
public final class DemoStarter {

    /** Where the demo ships, relative to the repository folder. */
    public static final String DEMO = "sample-configs/demo.json";

    private final TaskRunner runner;
    private final Notifier notifier;
    private final DesignerViewModel designer;
    private final StepModeViewModel stepMode;
    private final Runnable runDesignerConfig;

    public DemoStarter(TaskRunner runner, Notifier notifier, DesignerViewModel designer, StepModeViewModel stepMode,
            Runnable runDesignerConfig) {
        this.runner = Objects.requireNonNull(runner);
        this.notifier = Objects.requireNonNull(notifier);
        this.designer = Objects.requireNonNull(designer);
        this.stepMode = Objects.requireNonNull(stepMode);
        this.runDesignerConfig = Objects.requireNonNull(runDesignerConfig);
    }

    /**
     * Reads the demo in the background, shows it in the designer and queues it.
     *
     * @param demoFile the demo config; null when it was not found (the user is told where it should be)
     * @param stepping true = pause at every architecture step and pruning event
     */
    public void start(Path demoFile, boolean stepping) {
        if (demoFile == null) {
            notifier.error("Cannot find the demo", DEMO + " was not found from " + Path.of("").toAbsolutePath()
                    + ".\nFix: start the workbench from the repository folder (mvn javafx:run).");
            return;
        }
        BackgroundTask.of("Open the demo", ctx -> ConfigIo.read(demoFile))
                .onSuccess(raw -> {
                    designer.load(raw, demoFile);
                    stepMode.enabledProperty().set(stepping);
                    runDesignerConfig.run();
                })
                .onFailure(e -> notifier.error("Cannot open the demo " + demoFile, UserMessages.describe(e)))
                .run(runner);
    }
}
