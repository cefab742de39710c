package org.supertickets.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.designer.ConfigFiles;
import org.supertickets.ui.runqueue.ImpSettingsDialog;
import org.supertickets.ui.runqueue.RunsTab;
import org.supertickets.ui.sweep.SweepSubmission;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.teaching.DemoStarter;
import org.supertickets.ui.teaching.GraphSequenceExportAction;
import org.supertickets.ui.ticket.TicketView;

/**
 * What the menus and the toolbar do, each command a short call into the feature it concerns, followed by the tab
 * that shows its result.
 */
final class WorkbenchCommands {

    private final WorkbenchViewModel vm;
    private final WorkbenchTabs tabs;
    private final ConfigFiles configFiles;
    private final RunsTab runsTab;
    private final TicketView ticketView;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Supplier<Window> owner;
    private final Consumer<String> status;
    private final BooleanSupplier dark;

    /**
     * @param owner  the window dialogs belong to
     * @param status shows a line in the window's status bar
     * @param dark   whether the dark theme is on (exported pictures follow it)
     */
    WorkbenchCommands(WorkbenchViewModel vm, WorkbenchTabs tabs, ConfigFiles configFiles, RunsTab runsTab,
            TicketView ticketView, TaskRunner runner, Notifier notifier, Supplier<Window> owner,
            Consumer<String> status, BooleanSupplier dark) {
        this.vm = vm;
        this.tabs = tabs;
        this.configFiles = configFiles;
        this.runsTab = runsTab;
        this.ticketView = ticketView;
        this.runner = runner;
        this.notifier = notifier;
        this.owner = owner;
        this.status = status;
        this.dark = dark;
    }

    /** Loads and runs the shipped demo, after asking about unsaved edits. */
    void newDemo(boolean stepping) {
        if (configFiles.mayDiscardEdits("Load the demo")) {
            vm.demo().start(RepositoryFiles.locate(DemoStarter.DEMO), stepping);
        }
    }

    void openConfig() {
        if (configFiles.open()) {
            tabs.show(WorkbenchTabs.DESIGNER);
        }
    }

    void save() {
        configFiles.save();
    }

    void saveAs() {
        configFiles.saveAs(owner.get(), null);
    }

    /** The Runs view's own Open run folder (it follows the folder live). */
    void openRunFolder() {
        fire(runsTab.view(), "#open-run-folder");
    }

    /** The Ticket view's own Open ticket, with the Ticket tab in front. */
    void openTicket() {
        tabs.show(WorkbenchTabs.TICKET);
        fire(ticketView, "#open-ticket");
    }

    /** Opens an entry of File ▸ Open recent where it belongs: the designer, Runs or Ticket. */
    void openRecent(RecentFiles.Entry entry) {
        switch (entry.kind()) {
            case CONFIG -> {
                if (configFiles.mayDiscardEdits("Open another config")) {
                    vm.designer().open(entry.path());
                    tabs.show(WorkbenchTabs.DESIGNER);
                }
            }
            case RUN -> {
                vm.runs().openFolder(entry.path());
                tabs.show(WorkbenchTabs.RUNS);
            }
            case TICKET -> {
                vm.ticket().open(entry.path());
                tabs.show(WorkbenchTabs.TICKET);
            }
            default -> throw new IllegalStateException(entry.kind().name());
        }
    }

    void runCurrentConfig() {
        vm.runCurrentConfig();
    }

    void stopSelected() {
        vm.stopSelected();
    }

    /** Asks for the pipeline's settings when the config can run, then queues it. */
    void runImpBaseline() {
        SearchSpaceConfig config = vm.runnableConfigOrExplain();
        if (config != null) {
            ImpSettingsDialog.ask(owner.get(), config).ifPresent(s -> vm.runImpBaseline(config, s));
        }
    }

    /** Run ▸ Submit sweep…; a submitted sweep shows in the Runs tab. */
    void submitSweep() {
        SweepSubmission.show(owner.get(), runner, vm.runs(), vm.designer().runnableConfig(), runsTab.slurmSweeps(),
                notifier, () -> tabs.show(WorkbenchTabs.RUNS));
    }

    /** One numbered PNG per snapshot of the shown run, for slides, into a folder the user picks. */
    void exportGraphSequence() {
        GraphSequenceExportAction.run(owner.get(), vm.timeline(), vm.graph(), dark.getAsBoolean(), runner, notifier,
                status);
    }

    private static void fire(Node view, String buttonId) {
        view.lookupAll(buttonId).forEach(n -> ((Button) n).fire());
    }
}
