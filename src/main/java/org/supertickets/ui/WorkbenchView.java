package org.supertickets.ui;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.supertickets.ui.compare.CompareView;
import org.supertickets.ui.designer.ConfigFiles;
import org.supertickets.ui.designer.DesignerView;
import org.supertickets.ui.graph.GraphView;
import org.supertickets.ui.heatmap.HeatmapView;
import org.supertickets.ui.monitor.MonitorTab;
import org.supertickets.ui.monitor.MonitorView;
import org.supertickets.ui.predictions.PredictionsView;
import org.supertickets.ui.runqueue.RunsTab;
import org.supertickets.ui.runqueue.RunsView;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.teaching.InsideView;
import org.supertickets.ui.teaching.PresenterMode;
import org.supertickets.ui.ticket.TicketView;

/**
 * The main window's content: menus and toolbar, the tabs — Designer, Runs, Monitor (charts + connectivity graph +
 * mask heatmap under one time cursor), Ticket, Compare (finished runs side by side, ticket diff), Inside and
 * Predictions (a segmentation run's test canvases at the same cursor) — and the status line. It puts together
 * what each tab and menu builds, links the tabs (a launched run shows in the Monitor, a block opened in the graph
 * in Inside), and drains training events into the views ten times a second.
 */
public final class WorkbenchView extends BorderPane {

    /** The index of the Compare tab (finished runs side by side). */
    public static final int COMPARE_TAB = WorkbenchTabs.COMPARE;

    /** The index of the Inside tab (distributions, channel view, what-if). */
    public static final int INSIDE_TAB = WorkbenchTabs.INSIDE;

    /** The index of the Predictions tab (segmentation canvases, or a classification run's confusion matrix). */
    public static final int PREDICTIONS_TAB = WorkbenchTabs.PREDICTIONS;

    /** How often new training events reach the views. */
    public static final Duration PUMP_PERIOD = Duration.millis(100);

    private final WorkbenchViewModel vm;
    private final WindowState state;
    private final RecentFiles recent;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final WorkbenchTabs tabs = new WorkbenchTabs();
    private final DesignerView designerView;
    private final RunsTab runsTab;
    private final MonitorTab monitorTab;
    private final TicketView ticketView;
    /** Built when first needed (the Compare tab shown): the heaviest hidden tab, ~0.2 s of the cold start. */
    private CompareView compareView;
    private final InsideView insideView;
    private final PresenterMode presenter = new PresenterMode();
    private final CloseFlow closeFlow;
    private final Timeline pump;
    private final StatusBar statusBar;
    private final ToolBar toolBar;
    private Consumer<URI> documentOpener;

    WorkbenchView(WorkbenchViewModel vm, TaskRunner runner, FxNotifier notifier, WindowState state) {
        this.vm = vm;
        this.state = state;
        this.recent = state.recentFiles();
        this.documentOpener = HelpMenu.platformOpener(notifier);
        getStyleClass().add("workbench");

        designerView = new DesignerView(vm.designer());
        runsTab = new RunsTab(vm.runs(), runner, vm::runCurrentConfig, dir -> {
            vm.ticket().open(dir.toPath());
            tabs.show(WorkbenchTabs.TICKET);
        }, () -> tabs.show(WorkbenchTabs.MONITOR));
        monitorTab = new MonitorTab(vm.monitor(), vm.runs(), vm.graph(), vm.timeline(), vm.heatmap(), vm.stepMode(),
                runner, m -> notifier.error("Export failed", m), this::showStatus);
        ticketView = new TicketView(vm.ticket(), vm.ticketHeatmap());
        insideView = new InsideView(vm.teaching());
        PredictionsView predictionsView = new PredictionsView(vm.predictions());
        for (var themed : List.of(designerView.darkProperty(), monitorView().darkProperty(),
                graphView().darkProperty(), heatmapView().darkProperty(), ticketView.darkProperty(),
                insideView.darkProperty(), predictionsView.darkProperty())) {
            themed.bind(dark);
        }
        // Double-clicking a block in the graph opens it at channel level.
        graphView().canvas().setOnOpen(node -> {
            if (node.block() >= 0) {
                vm.teaching().channels().blockProperty().set(node.block());
                tabs.show(WorkbenchTabs.INSIDE);
            }
        });
        tabs.fill(designerView, runsTab.view(), monitorTab, ticketView, this::compareView, insideView,
                predictionsView);
        // The Predictions and Inside tabs build their views only while they are on screen.
        vm.predictions().activeProperty().bind(tabs.pane().getSelectionModel().selectedIndexProperty()
                .isEqualTo(WorkbenchTabs.PREDICTIONS));
        vm.teaching().activeProperty().bind(tabs.pane().getSelectionModel().selectedIndexProperty()
                .isEqualTo(WorkbenchTabs.INSIDE));

        ConfigFiles configFiles = new ConfigFiles(vm.designer(), this::window, state::lastDirectory,
                state::setLastDirectory);
        WorkbenchCommands commands = new WorkbenchCommands(vm, tabs, configFiles, runsTab, ticketView, runner,
                notifier, this::window, this::showStatus, dark::get);
        closeFlow = new CloseFlow(vm.designer(), configFiles, vm.runs(), this::showStatus);
        toolBar = WorkbenchToolBar.create(commands, vm, dark);
        setTop(new VBox(WorkbenchMenuBar.create(commands, vm, recent, notifier,
                () -> requestClose(stage(), () -> stage().close()), dark, presenter,
                uri -> documentOpener.accept(uri), this::window, runner), toolBar));
        setCenter(tabs.pane());
        statusBar = new StatusBar(vm.designer().statusProperty().get(), notifier.statusProperty(),
                vm.designer().statusProperty());
        setBottom(statusBar);

        rememberOpenedFiles();
        RunEndNotices.install(vm.runs().entries(), notifier::notice);
        // A new or resumed run jumps to the monitor (a new one's planned curves are already drawn there).
        vm.runs().launchedProperty().addListener((o, a, launched) -> {
            if (launched != null) {
                tabs.show(WorkbenchTabs.MONITOR);
            }
        });
        pump = new Timeline(new KeyFrame(PUMP_PERIOD, e -> vm.pump()));
        pump.setCycleCount(Timeline.INDEFINITE);
        pump.play();

        dark.set(state.dark());
        tabs.showFirst(state.tab());
        monitorTab.splits().forEach(state::restoreDividers);
    }

    /** How Help opens the docs; the app hands them to its HostServices. It must not block. */
    public void setDocumentOpener(Consumer<URI> opener) {
        documentOpener = Objects.requireNonNull(opener);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public TabPane tabs() {
        return tabs.pane();
    }

    public MonitorView monitorView() {
        return monitorTab.monitorView();
    }

    public GraphView graphView() {
        return monitorTab.graphView();
    }

    public HeatmapView heatmapView() {
        return monitorTab.heatmapView();
    }

    public DesignerView designerView() {
        return designerView;
    }

    public RunsView runsView() {
        return runsTab.view();
    }

    public MonitorTab monitorTab() {
        return monitorTab;
    }

    public TicketView ticketView() {
        return ticketView;
    }

    public CompareView compareView() {
        if (compareView == null) {
            compareView = new CompareView(vm.compare());
            compareView.darkProperty().bind(dark);
        }
        return compareView;
    }

    public InsideView insideView() {
        return insideView;
    }

    /** Presenter mode: full screen, scaled fonts and strokes, high contrast. */
    public PresenterMode presenter() {
        return presenter;
    }

    /** Installs the theme's stylesheets and the shortcuts that must win over text fields. */
    void install(Scene scene) {
        heightProperty().addListener((o, a, b) -> fitExplanationPanel());
        WindowStyle.install(scene, dark, presenter, () -> {
            insideView.scaleProperty().set(presenter.effectiveScale());
            monitorView().scaleProperty().set(presenter.effectiveScale());
            ticketView.scaleProperty().set(presenter.effectiveScale());
            insideView.highContrastProperty().set(presenter.onProperty().get());
            fitExplanationPanel();
        }, this::presentLayout);
        dark.addListener((o, a, b) -> state.setDark(b));
        Shortcuts.install(scene, vm.designer(), vm.stepMode(), presenter);
    }

    /**
     * The close flow (see {@link CloseFlow}); {@code quit} runs when the window may close, after the window's
     * layout is remembered.
     */
    void requestClose(Stage stage, Runnable quit) {
        closeFlow.request(stage, () -> finish(stage, quit));
    }

    private void finish(Stage stage, Runnable quit) {
        if (monitorTab.isPresenting()) {
            presentLayout(false); // the user's own dividers are the ones to keep
        }
        pump.stop();
        vm.runs().close();
        state.setTab(tabs.shown());
        monitorTab.splits().forEach(state::saveDividers);
        state.save(stage);
        quit.run();
    }

    /** Every config opened or saved, run folder opened and ticket shown goes on top of File ▸ Open recent. */
    private void rememberOpenedFiles() {
        vm.designer().fileProperty().addListener((o, a, file) -> {
            if (file != null) {
                recent.add(RecentFiles.Kind.CONFIG, file);
            }
        });
        vm.runs().openedFolderProperty().addListener((o, a, folder) -> {
            if (folder != null) {
                recent.add(RecentFiles.Kind.RUN, folder);
                // A run is not a config: the designer's "Opened <file>" must not stand for it.
                showStatus("Run " + folder.getFileName() + " is in the Runs list and the Monitor (" + folder + ")");
            }
        });
        vm.ticket().loadedProperty().addListener((o, a, loaded) -> {
            if (loaded != null) {
                recent.add(RecentFiles.Kind.TICKET, loaded.folder());
            }
        });
    }

    private void fitExplanationPanel() {
        monitorTab.fitExplanationPanel(presenter.explanationHeight(), getHeight());
    }

    /**
     * Presenting: the toolbar goes (the menus and keys remain) so a 720-line projector keeps its height for the
     * views, and the Monitor gives the graph more room; the user's layout comes back afterwards.
     */
    private void presentLayout(boolean on) {
        toolBar.setVisible(!on);
        toolBar.setManaged(!on);
        monitorTab.present(on);
    }

    private void showStatus(String text) {
        statusBar.show(text);
    }

    private Window window() {
        return getScene().getWindow();
    }

    private Stage stage() {
        return (Stage) window();
    }
}
