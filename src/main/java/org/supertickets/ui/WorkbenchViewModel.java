package org.supertickets.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.supertickets.space.Architecture;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.ValidationIssue;
import org.supertickets.train.ConnectivitySnapshot;
import org.supertickets.train.SnapshotComparison;
import org.supertickets.train.TrainingEvent;
import org.supertickets.ui.compare.CompareViewModel;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.graph.GraphViewModel;
import org.supertickets.ui.heatmap.HeatmapViewModel;
import org.supertickets.ui.monitor.MonitorViewModel;
import org.supertickets.ui.predictions.PredictionsViewModel;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.RunLauncher;
import org.supertickets.ui.runqueue.RunsViewModel;
import org.supertickets.ui.session.RunSession;
import org.supertickets.ui.session.TimelineViewModel;
import org.supertickets.ui.task.Notifier;
import org.supertickets.ui.teaching.DemoStarter;
import org.supertickets.ui.teaching.EventsAtCursor;
import org.supertickets.ui.teaching.StepModeViewModel;
import org.supertickets.ui.teaching.TeachingViewModel;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.ticket.TicketViewModel;

/**
 * The whole workbench without a window: the feature ViewModels and the wiring between them. One time cursor
 * (the timeline) drives the graph, the heatmap and the charts' vertical line; the run selected in the Runs
 * list feeds them all. {@link #pump()} is called ~10 times a second by the view (and directly by tests).
 */
public final class WorkbenchViewModel {

    private final Notifier notifier;
    private final DesignerViewModel designer;
    private final RunsViewModel runs;
    private final MonitorViewModel monitor = new MonitorViewModel();
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final GraphViewModel graph = new GraphViewModel();
    private final HeatmapViewModel heatmap;
    private final HeatmapViewModel ticketHeatmap;
    private final TicketViewModel ticket;
    private final CompareViewModel compare;
    private final StepModeViewModel stepMode;
    private final DemoStarter demo;
    private final TeachingViewModel teaching;
    private final PredictionsViewModel predictions;
    private Architecture shownSupernet;
    /** The selected run's explained events, for the explanation at a scrubbed cursor; null without a run. */
    private EventsAtCursor eventsAtCursor;

    public WorkbenchViewModel(TaskRunner runner, Notifier notifier, RunLauncher launcher, Path runsDir,
            SearchSpaceConfig initial, Path initialFile, LongSupplier clock) {
        this.notifier = Objects.requireNonNull(notifier);
        designer = new DesignerViewModel(runner, notifier, initial, initialFile);
        runs = new RunsViewModel(runner, launcher, notifier, runsDir, clock);
        heatmap = new HeatmapViewModel(runner);
        ticketHeatmap = new HeatmapViewModel(runner);
        ticket = new TicketViewModel(runner, notifier);
        compare = new CompareViewModel(runner, notifier);
        stepMode = new StepModeViewModel(runs);
        runs.setRunObserver(stepMode);
        demo = new DemoStarter(runner, notifier, designer, stepMode, this::runCurrentConfig);
        teaching = new TeachingViewModel(runner, runs, timeline, stepMode);
        predictions = new PredictionsViewModel(timeline, runner);

        runs.selectedProperty().addListener((o, a, entry) -> showRun(entry));
        designer.configProperty().addListener((o, a, c) -> {
            if (runs.getSelected() == null) {
                showPlan();
            }
        });
        timeline.currentProperty().addListener((o, a, snapshot) -> showCursor());
        // Following again at the same snapshot (the end of a replay): the headline goes back to the latest numbers.
        timeline.followingProperty().addListener((o, was, follows) -> {
            ConnectivitySnapshot current = timeline.current();
            monitor.setCursorEpoch(current == null ? Double.NaN : current.epoch(), follows);
            showExplanationAtCursor();
        });
        graph.selectedLayerProperty().addListener((o, a, layer) -> showHeatmap());
        ticket.graph().selectedLayerProperty().addListener((o, a, layer) -> showTicketHeatmap());
        ticket.loadedProperty().addListener((o, a, l) -> showTicketHeatmap());
        showPlan();
        runs.findExisting(); // a restart forgets no run: the output folder's runs are listed again
    }

    public DesignerViewModel designer() {
        return designer;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public MonitorViewModel monitor() {
        return monitor;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public GraphViewModel graph() {
        return graph;
    }

    public HeatmapViewModel heatmap() {
        return heatmap;
    }

    public TicketViewModel ticket() {
        return ticket;
    }

    public HeatmapViewModel ticketHeatmap() {
        return ticketHeatmap;
    }

    /** Finished runs side by side, and the ticket diff. */
    public CompareViewModel compare() {
        return compare;
    }

    /** Step mode and the explanation of the latest architecture step or pruning event. */
    public StepModeViewModel stepMode() {
        return stepMode;
    }

    /** File ▸ New demo: the shipped demo, loaded and running. */
    public DemoStarter demo() {
        return demo;
    }

    /** The Inside tab: distributions, the channel-level view and the what-if. */
    public TeachingViewModel teaching() {
        return teaching;
    }

    /** The Predictions tab: a segmentation run's test canvases, predicted at the time cursor. */
    public PredictionsViewModel predictions() {
        return predictions;
    }

    /** Queues the designer's config; refuses (and says why) while it has problems. */
    public RunEntry runCurrentConfig() {
        SearchSpaceConfig resolved = runnableConfigOrExplain();
        return resolved == null ? null : runs.enqueue(resolved);
    }

    /** Queues the search → train → IMP-with-rewinding baseline of a runnable config. */
    public RunEntry runImpBaseline(SearchSpaceConfig resolved, ImpSettings settings) {
        return runs.enqueueImp(resolved, settings);
    }

    /** The designer's config ready to run, or null after telling the user what to fix. */
    public SearchSpaceConfig runnableConfigOrExplain() {
        SearchSpaceConfig resolved = designer.runnableConfig();
        if (resolved == null) {
            List<ValidationIssue> issues = designer.issuesProperty().get();
            notifier.error("The config has " + issues.size() + " problem" + (issues.size() == 1 ? "" : "s"),
                    issues.stream().limit(5).map(i -> "• " + i.path() + ": " + i.message() + ". Fix: " + i.fix())
                            .collect(Collectors.joining("\n")) + "\n\nFix them in the Designer, then run again.");
        }
        return resolved;
    }

    /** Stops the selected run (a checkpoint is written first). */
    public void stopSelected() {
        runs.cancel(runs.getSelected());
    }

    /** UI thread, ~10 Hz: moves new events into the views in one batch. */
    public void pump() {
        RunSession.Batch batch = runs.pump();
        stepMode.pump();
        teaching.pump();
        if (batch.restarted()) {
            showRun(runs.getSelected()); // a resumed run read again from its start, or a pipeline's next stage
            return;
        }
        List<TrainingEvent> events = batch.events();
        if (events.isEmpty()) {
            return;
        }
        RunEntry entry = runs.getSelected();
        monitor.accept(events, entry == null ? e -> null : entry.session().history()::timeOf);
        if (entry != null) {
            predictions.followFolder(entry.getFolder());
        }
        predictions.refresh();
        List<ConnectivitySnapshot> snapshots = events.stream().filter(e -> e instanceof ConnectivitySnapshot)
                .map(e -> (ConnectivitySnapshot) e).toList();
        if (entry != null && entry.session().history().started() != null) {
            Architecture supernet = entry.session().history().started().supernet();
            if (!supernet.equals(shownSupernet)) {
                shownSupernet = supernet;
                showCursor();
            }
        }
        timeline.append(snapshots);
        markDenseSpans();
    }

    /** The time slider marks where the charts shade: masks dense after a shrink (the run's events say where). */
    private void markDenseSpans() {
        timeline.setMarks(monitor.dense().marks(timeline.snapshots()));
    }

    private void showRun(RunEntry entry) {
        if (entry == null) {
            showPlan();
            return;
        }
        var history = entry.session().history();
        predictions.show(entry.config(), entry.getFolder(), history); // before the timeline moves its cursor
        shownSupernet = history.started() != null ? history.started().supernet()
                : Architecture.supernet(entry.config());
        // A pipeline's stages search without pruning or train with frozen masks: the config's pruning schedule
        // is not their plan.
        monitor.reset(entry.imp() == null ? entry.config() : entry.config().frozen(), history);
        eventsAtCursor = new EventsAtCursor(entry.config());
        timeline.reset(history.snapshots());
        markDenseSpans();
        showCursor();
    }

    private void showPlan() {
        predictions.show(null, null, null);
        SearchSpaceConfig resolved = designer.runnableConfig();
        eventsAtCursor = null;
        timeline.reset(List.of());
        if (resolved != null) {
            monitor.plan(resolved);
            shownSupernet = Architecture.supernet(resolved);
        } else {
            shownSupernet = null;
        }
        showCursor();
    }

    private void showCursor() {
        teaching.setPlannedSupernet(runs.getSelected() == null ? shownSupernet : null);
        ConnectivitySnapshot current = timeline.current();
        monitor.setCursorEpoch(current == null ? Double.NaN : current.epoch(), timeline.followingProperty().get());
        monitor.dense().showCursor(current == null ? -1 : current.step());
        if (shownSupernet == null) {
            graph.showSupernet(null);
        } else {
            graph.show(shownSupernet, current, timeline.captionProperty().get());
        }
        showHeatmap();
        showExplanationAtCursor();
    }

    /** Scrubbed back, "What just happened" is the event at or before the cursor; following, the latest one. */
    private void showExplanationAtCursor() {
        RunEntry entry = runs.getSelected();
        ConnectivitySnapshot current = timeline.current();
        if (timeline.isScrubbed() && entry != null && eventsAtCursor != null && current != null) {
            stepMode.showAtCursor(eventsAtCursor.at(entry.session().history().all(), current.step()));
        } else {
            stepMode.showAtCursor(null);
        }
    }

    private void showHeatmap() {
        // Split by kind against the trainer's references, so its counts read like the event panel's.
        heatmap.show(graph.selectedLayerProperty().get(),
                SnapshotComparison.at(timeline.snapshots(), timeline.getIndex()));
    }

    private void showTicketHeatmap() {
        TicketViewModel.Loaded l = ticket.loadedProperty().get();
        ticketHeatmap.show(ticket.graph().selectedLayerProperty().get(), l == null ? null : l.snapshot(), null);
    }
}
