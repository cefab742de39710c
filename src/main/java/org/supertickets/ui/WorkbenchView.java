package org.supertickets.ui;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.supertickets.ui.compare.CompareView;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.ui.designer.DesignerView;
import org.supertickets.ui.designer.DesignerViewModel;
import org.supertickets.ui.graph.GraphView;
import org.supertickets.ui.heatmap.HeatmapView;
import org.supertickets.ui.monitor.MonitorView;
import org.supertickets.ui.predictions.PredictionsView;
import org.supertickets.ui.runqueue.RunEntry;
import org.supertickets.ui.runqueue.ImpSettingsDialog;
import org.supertickets.ui.runqueue.RunsView;
import org.supertickets.ui.runqueue.RunStatus;
import org.supertickets.ui.runqueue.SlurmSweepsView;
import org.supertickets.ui.runqueue.SlurmSweepsViewModel;
import org.supertickets.ui.sweep.SubmitSweepDialog;
import org.supertickets.ui.sweep.SubmitSweepViewModel;
import org.supertickets.ui.task.TaskRunner;
import org.supertickets.ui.teaching.DemoStarter;
import org.supertickets.ui.teaching.ExplanationPanel;
import org.supertickets.ui.teaching.GraphSequenceExport;
import org.supertickets.ui.teaching.InsideView;
import org.supertickets.ui.teaching.PresenterMode;
import org.supertickets.ui.ticket.TicketView;

/**
 * The main window's content: menus and toolbar with the shortcuts, and the tabs — Designer, Runs, Monitor
 * (charts + connectivity graph + mask heatmap under one time cursor), Ticket, Compare (finished runs side by
 * side, ticket diff), Inside and Predictions (a segmentation run's test canvases at the same cursor). It drains
 * training events into the views ten times a second.
 */
public final class WorkbenchView extends BorderPane {

    /** The index of the Compare tab (finished runs side by side). */
    public static final int COMPARE_TAB = 4;

    /** The index of the Inside tab (distributions, channel view, what-if). */
    public static final int INSIDE_TAB = 5;

    /** How often new training events reach the views. */
    public static final Duration PUMP_PERIOD = Duration.millis(100);

    private final WorkbenchViewModel vm;
    private final FxNotifier notifier;
    private final WindowState state;
    private final RecentFiles recent;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final TabPane tabs = new TabPane();
    private final DesignerView designerView;
    private final RunsView runsView;
    private final SlurmSweepsViewModel slurmSweeps;
    private final MonitorView monitorView;
    private final GraphView graphView;
    private final HeatmapView heatmapView;
    private final TicketView ticketView;
    /** Built when first needed (the Compare tab shown): the heaviest hidden tab, ~0.2 s of the cold start. */
    private CompareView compareView;
    private final InsideView insideView;
    private final ExplanationPanel explanationPanel;
    private final PresenterMode presenter = new PresenterMode();
    private final SplitPane monitorSplit;
    private final SplitPane rightSplit;
    private final Timeline pump;
    private final Label statusLine = new Label();
    private final TaskRunner runner;
    private ToolBar toolBar;
    /** The dividers before presenter mode moved them (restored when it ends). */
    private double[] dividersBeforePresenting;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** Set once the user chose to stop the run and quit: the window closes when the run has stopped. */
    private boolean closing;
    private Consumer<URI> documentOpener;

    WorkbenchView(WorkbenchViewModel vm, TaskRunner runner, FxNotifier notifier, WindowState state) {
        this.vm = vm;
        this.notifier = notifier;
        this.state = state;
        this.recent = state.recentFiles();
        this.documentOpener = HelpMenu.platformOpener(notifier);
        this.runner = runner;
        getStyleClass().add("workbench");

        designerView = new DesignerView(vm.designer());
        runsView = new RunsView(vm.runs(), vm::runCurrentConfig, dir -> {
            vm.ticket().open(dir.toPath());
            tabs.getSelectionModel().select(3);
        });
        slurmSweeps = new SlurmSweepsViewModel(runner);
        slurmSweeps.follow(vm.runs().runsDirProperty()::get);
        runsView.setBottom(new SlurmSweepsView(slurmSweeps, this::showOrOpenRunFolder));
        monitorView = new MonitorView(vm.monitor(), runner, m -> notifier.error("Export failed", m));
        graphView = new GraphView(vm.graph(), vm.timeline());
        heatmapView = new HeatmapView(vm.heatmap());
        ticketView = new TicketView(vm.ticket(), vm.ticketHeatmap());
        for (var themed : java.util.List.of(designerView.darkProperty(), monitorView.darkProperty(),
                graphView.darkProperty(), heatmapView.darkProperty(), ticketView.darkProperty())) {
            themed.bind(dark);
        }
        rightSplit = new SplitPane(graphView, heatmapView);
        rightSplit.setOrientation(Orientation.VERTICAL);
        rightSplit.setDividerPositions(0.64);
        monitorSplit = new SplitPane(monitorView, rightSplit);
        monitorSplit.setDividerPositions(0.47);
        BorderPane monitorTab = new BorderPane(monitorSplit);
        monitorTab.setTop(monitorHeader());
        explanationPanel = new ExplanationPanel(vm.stepMode());
        monitorTab.setBottom(explanationPanel);
        insideView = new InsideView(vm.teaching());
        insideView.darkProperty().bind(dark);
        // Double-clicking a block in the graph opens it at channel level.
        graphView.canvas().setOnOpen(node -> {
            if (node.block() >= 0) {
                vm.teaching().channels().blockProperty().set(node.block());
                tabs.getSelectionModel().select(INSIDE_TAB);
            }
        });

        tabs.getTabs().setAll(tab("Designer", designerView), tab("Runs", runsView), tab("Monitor", monitorTab),
                tab("Ticket", ticketView), tab("Compare", null), tab("Inside", insideView),
                tab("Predictions", new PredictionsView(vm.predictions())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        toolBar = toolBar();
        setTop(new javafx.scene.layout.VBox(menuBar(), toolBar));
        setCenter(tabs);
        setBottom(statusBar());

        rememberOpenedFiles();
        RunEndNotices.install(vm.runs().entries(), notifier::notice);
        // A new or resumed run jumps to the monitor (a new one's planned curves are already drawn there).
        vm.runs().launchedProperty().addListener((o, a, launched) -> {
            if (launched != null) {
                tabs.getSelectionModel().select(2);
            }
        });
        pump = new Timeline(new KeyFrame(PUMP_PERIOD, e -> vm.pump()));
        pump.setCycleCount(Timeline.INDEFINITE);
        pump.play();

        dark.set(state.dark());
        DeferredTabContent.buildOnFirstSelection(tabs.getTabs().get(COMPARE_TAB), this::compareView);
        tabs.getSelectionModel().select(Math.max(0, Math.min(tabs.getTabs().size() - 1, state.tab())));
        DeferredTabContent.install(tabs);
        state.restoreDividers("monitorSplit", monitorSplit);
        state.restoreDividers("rightSplit", rightSplit);
    }

    /** How Help opens the docs; the app hands them to its HostServices. It must not block. */
    public void setDocumentOpener(Consumer<URI> opener) {
        documentOpener = Objects.requireNonNull(opener);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public TabPane tabs() {
        return tabs;
    }

    public MonitorView monitorView() {
        return monitorView;
    }

    public GraphView graphView() {
        return graphView;
    }

    public HeatmapView heatmapView() {
        return heatmapView;
    }

    public DesignerView designerView() {
        return designerView;
    }

    public RunsView runsView() {
        return runsView;
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
        Runnable theme = () -> {
            scene.getStylesheets().setAll(css("workbench.css"));
            if (dark.get()) {
                scene.getStylesheets().add(css("dark.css"));
            }
            String presenting = presenter.stylesheet(dark.get());
            if (presenting != null) {
                scene.getStylesheets().add(presenting);
            }
            insideView.scaleProperty().set(presenter.effectiveScale());
            monitorView.scaleProperty().set(presenter.effectiveScale());
            insideView.highContrastProperty().set(presenter.onProperty().get());
            fitExplanationPanel();
        };
        heightProperty().addListener((o, a, b) -> fitExplanationPanel());
        dark.addListener((o, a, b) -> {
            theme.run();
            state.setDark(b);
        });
        presenter.scaleProperty().addListener((o, a, b) -> theme.run());
        presenter.onProperty().addListener((o, a, on) -> {
            theme.run();
            presentLayout(on);
            if (scene.getWindow() instanceof Stage stage) {
                stage.setFullScreenExitHint("Esc leaves presenter mode");
                stage.setFullScreen(on);
            }
        });
        // Esc (or the window manager) leaving full screen leaves presenter mode too.
        scene.windowProperty().addListener((o, a, window) -> {
            if (window instanceof Stage stage) {
                stage.fullScreenProperty().addListener((o2, was, full) -> {
                    if (!full) {
                        presenter.onProperty().set(false);
                    }
                });
            }
        });
        theme.run();
        // Ctrl+Z / Ctrl+Shift+Z undo config edits even while a spinner's text field has the focus.
        KeyCombination undo = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination redo = KeyCombination.keyCombination("Shortcut+Shift+Z");
        KeyCombination redoY = KeyCombination.keyCombination("Shortcut+Y");
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (redo.match(e) || redoY.match(e)) {
                vm.designer().redo();
                e.consume();
            } else if (undo.match(e)) {
                vm.designer().undo();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN && vm.stepMode().waitingProperty().get()) {
                vm.stepMode().next(); // a presenter's clicker sends Page Down
                e.consume();
            } else if (presenter.onProperty().get() && vm.stepMode().waitingProperty().get()
                    && (e.getCode() == javafx.scene.input.KeyCode.RIGHT || e.getCode() == javafx.scene.input.KeyCode.N)
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                vm.stepMode().next(); // presenting: → or N advance too
                e.consume();
            }
        });
    }

    private static String css(String name) {
        return WorkbenchView.class.getResource(name).toExternalForm();
    }

    /**
     * The close flow: unsaved config → Save/Don't save/Cancel; a run training → stop it (it keeps a checkpoint)
     * and quit when it has stopped, or cancel. {@code quit} runs when the window may close. Nothing is thrown
     * away on the way: a "Don't save" followed by Cancel leaves the edits in the designer.
     */
    void requestClose(Stage stage, Runnable quit) {
        if (closing) {
            return; // already stopping the run on the way out
        }
        DesignerViewModel d = vm.designer();
        if (d.isDirty()) {
            ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The config " + d.titleProperty().get()
                    .replace(" *", "") + " has unsaved changes.", save, discard, ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText("Save the config before closing?");
            var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
            if (answer == ButtonType.CANCEL) {
                return;
            }
            if (answer == save) {
                if (!d.save(() -> requestClose(stage, quit))) {
                    saveAs(stage, () -> requestClose(stage, quit)); // a cancelled chooser ends the close
                }
                return;
            }
        }
        if (vm.runs().hasActiveRuns()) {
            ButtonType stop = new ButtonType("Stop run and quit", ButtonBar.ButtonData.YES);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "A run is training. Stopping writes a checkpoint "
                    + "first, so it can be resumed later (Runs → Resume from checkpoint).", stop, ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText("Stop the run and quit?");
            if (alert.showAndWait().orElse(ButtonType.CANCEL) != stop) {
                return;
            }
            closing = true;
            showStatus("Stopping the run and writing its checkpoint…");
            vm.runs().stopAll(() -> finish(stage, quit));
            return;
        }
        finish(stage, quit);
    }

    private void finish(Stage stage, Runnable quit) {
        if (dividersBeforePresenting != null) {
            presentLayout(false); // the user's own dividers are the ones to keep
        }
        pump.stop();
        vm.runs().close();
        state.setTab(tabs.getSelectionModel().getSelectedIndex());
        state.saveDividers("monitorSplit", monitorSplit);
        state.saveDividers("rightSplit", rightSplit);
        state.save(stage);
        quit.run();
    }

    private Node monitorHeader() {
        ComboBox<RunEntry> runs = new ComboBox<>(vm.runs().entries());
        runs.setId("monitor-run");
        runs.setPromptText("planned curves of the designer's config");
        runs.setPrefWidth(300);
        runs.valueProperty().bindBidirectional(vm.runs().selectedProperty());
        runs.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(RunEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "planned curves of the designer's config" : item.getName());
            }
        });
        runs.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(RunEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getName() + " · " + item.getStatus().label());
            }
        });
        Label headline = new Label();
        headline.setId("monitor-headline");
        headline.textProperty().bind(vm.monitor().headlineProperty());
        Button export = new Button("Export charts…");
        export.setTooltip(new Tooltip("Every chart as PNG and SVG, and its data as CSV, into a folder "
                + "(right-click a chart for one)"));
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            File dir = chooser.showDialog(getScene().getWindow());
            if (dir != null) {
                monitorView.exportAll(dir.toPath(), () -> showStatus("Exported charts to " + dir));
            }
        });
        // On a narrow window the headline gives way (ellipsis, full text on hover), never the button or the picker.
        headline.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(headline.textProperty());
        headline.setTooltip(full);
        export.setMinWidth(Region.USE_PREF_SIZE);
        runs.setMinWidth(Region.USE_PREF_SIZE);
        Label runLabel = new Label("Run");
        runLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(10, runLabel, runs, headline, gap, export);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(5, 8, 5, 8));
        box.getStyleClass().add("monitor-header");
        return box;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open config…", "Shortcut+O", () -> openConfig());
        MenuItem save = item("Save config", "Shortcut+S", () -> save());
        MenuItem saveAs = item("Save config as…", "Shortcut+Shift+S", () -> saveAs(stage(), null));
        MenuItem openRun = item("Open run folder…", null, () -> runsView.lookupAll("#open-run-folder")
                .forEach(n -> ((Button) n).fire()));
        MenuItem openTicket = item("Open ticket…", null, () -> {
            tabs.getSelectionModel().select(3);
            ticketView.lookupAll("#open-ticket").forEach(n -> ((Button) n).fire());
        });
        MenuItem quit = item("Quit", "Shortcut+Q", () -> requestClose(stage(), () -> stage().close()));
        MenuItem demo = item("New demo", null, () -> startDemo(false));
        demo.setId("menu-new-demo");
        MenuItem demoStepping = item("New demo in step mode", null, () -> startDemo(true));
        Menu file = new Menu("File");
        file.getItems().addAll(demo, demoStepping, new SeparatorMenuItem(), open, save, saveAs,
                new SeparatorMenuItem(), openRun, openTicket,
                RecentFilesMenu.create(file, recent, this::openRecent, gone -> notifier.error("Cannot open "
                        + gone.path().getFileName(), gone.path() + " no longer exists; it was taken off the list.")),
                new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", null, () -> vm.designer().undo());
        undo.textProperty().bind(vm.designer().undoTextProperty());
        undo.disableProperty().bind(vm.designer().canUndoProperty().not());
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        MenuItem redo = item("Redo", null, () -> vm.designer().redo());
        redo.textProperty().bind(vm.designer().redoTextProperty());
        redo.disableProperty().bind(vm.designer().canRedoProperty().not());
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem run = item("Run current config", "Shortcut+R", () -> vm.runCurrentConfig());
        MenuItem stop = item("Stop selected run", "Shortcut+Period", () -> vm.stopSelected());
        MenuItem pause = item("Pause selected run", null, () -> vm.runs().pause(vm.runs().getSelected()));
        MenuItem resume = item("Resume selected run", null, () -> vm.runs().resume(vm.runs().getSelected()));
        MenuItem fromCheckpoint = item("Resume selected run from checkpoint", null,
                () -> vm.runs().resumeFromCheckpoint(vm.runs().getSelected()));
        MenuItem imp = item("Run IMP baseline (search → train → prune → retrain)…", null, this::runImpBaseline);
        MenuItem sweep = item("Submit sweep…", null, this::submitSweep);
        sweep.setId("menu-submit-sweep");
        MenuItem nextEvent = item("Next event (step mode)", "F8", () -> vm.stepMode().next());
        nextEvent.disableProperty().bind(vm.stepMode().waitingProperty().not());
        Menu runMenu = new Menu("Run", null, run, imp, sweep, new SeparatorMenuItem(), stop, pause, resume,
                fromCheckpoint, new SeparatorMenuItem(), nextEvent);

        CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
        darkTheme.selectedProperty().bindBidirectional(dark);
        MenuItem replay = item("Replay snapshots (play/pause)", "Shortcut+P", () -> vm.timeline().togglePlay());
        // End, as in a media player: the one way back to the run from anywhere once the cursor was scrubbed.
        MenuItem live = item("Live (follow the run)", "End", () -> vm.timeline().goLive());
        live.setId("menu-live");
        live.disableProperty().bind(vm.timeline().scrubbedProperty().not());
        CheckMenuItem presenting = new CheckMenuItem("Presenter mode");
        presenting.setId("menu-presenter");
        presenting.setAccelerator(KeyCombination.keyCombination("F11"));
        presenting.selectedProperty().bindBidirectional(presenter.onProperty());
        Menu scale = new Menu("Presenter scale");
        javafx.scene.control.ToggleGroup scales = new javafx.scene.control.ToggleGroup();
        for (double factor : PresenterMode.SCALES) {
            javafx.scene.control.RadioMenuItem choice = new javafx.scene.control.RadioMenuItem(
                    PresenterMode.label(factor));
            choice.setToggleGroup(scales);
            choice.setSelected(factor == presenter.scaleProperty().get());
            choice.setOnAction(e -> presenter.scaleProperty().set(factor));
            scale.getItems().add(choice);
        }
        MenuItem sequence = item("Export graph evolution as PNG sequence…", null, this::exportGraphSequence);
        Menu view = new Menu("View", null, darkTheme, replay, live, new SeparatorMenuItem(), presenting, scale,
                new SeparatorMenuItem(), sequence);
        Menu help = HelpMenu.create(uri -> documentOpener.accept(uri), notifier, () -> getScene().getWindow());
        return new MenuBar(file, edit, runMenu, view, help);
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
            }
        });
        vm.ticket().loadedProperty().addListener((o, a, loaded) -> {
            if (loaded != null) {
                recent.add(RecentFiles.Kind.TICKET, loaded.folder());
            }
        });
    }

    private void openRecent(RecentFiles.Entry entry) {
        switch (entry.kind()) {
            case CONFIG -> {
                if (mayDiscardEdits("Open another config")) {
                    vm.designer().open(entry.path());
                    tabs.getSelectionModel().select(0);
                }
            }
            case RUN -> {
                vm.runs().openFolder(entry.path());
                tabs.getSelectionModel().select(1);
            }
            case TICKET -> {
                vm.ticket().open(entry.path());
                tabs.getSelectionModel().select(3);
            }
            default -> throw new IllegalStateException(entry.kind().name());
        }
    }

    /** The panel's height while it explains: presenter mode's, but never more than a third of the window. */
    private void fitExplanationPanel() {
        double wanted = presenter.explanationHeight();
        explanationPanel.setExpandedHeight(getHeight() > 0 ? Math.min(wanted, Math.max(150, getHeight() / 3))
                : wanted);
    }

    /**
     * Presenting: the toolbar goes (the menus and keys remain) so a 720-line projector keeps its height for the
     * views, and the graph gets more of the Monitor (all of its right side on a screen under 900 lines); the
     * user's layout comes back afterwards.
     */
    private void presentLayout(boolean on) {
        toolBar.setVisible(!on);
        toolBar.setManaged(!on);
        if (on) {
            dividersBeforePresenting = new double[] {monitorSplit.getDividerPositions()[0],
                    rightSplit.getDividerPositions()[0]};
            monitorSplit.setDividerPositions(0.42);
            // On a projector's few lines the graph takes the heatmap's place (Inside's |w| chart shows the masks).
            if (javafx.stage.Screen.getPrimary().getBounds().getHeight() < 900) {
                rightSplit.getItems().remove(heatmapView);
            } else {
                rightSplit.setDividerPositions(0.75);
            }
        } else if (dividersBeforePresenting != null) {
            if (!rightSplit.getItems().contains(heatmapView)) {
                rightSplit.getItems().add(heatmapView);
            }
            monitorSplit.setDividerPositions(dividersBeforePresenting[0]);
            rightSplit.setDividerPositions(dividersBeforePresenting[1]);
            dividersBeforePresenting = null;
        }
    }

    /** One numbered PNG per snapshot of the shown run, for slides, into a folder the user picks. */
    private void exportGraphSequence() {
        var snapshots = vm.timeline().snapshots();
        var supernet = vm.graph().graphProperty().get();
        if (snapshots.isEmpty() || supernet == null) {
            notifier.error("Nothing to export", "The graph has no snapshots yet.\nFix: select a run in the Monitor "
                    + "(or start one: File ▸ New demo), then export.");
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the graph's evolution (one PNG per snapshot)");
        File dir = chooser.showDialog(stage());
        if (dir == null) {
            return;
        }
        var pngs = GraphSequenceExport.draw(supernet.supernet(), snapshots, dark.get());
        org.supertickets.ui.task.BackgroundTask.of("Export graph sequence",
                        ctx -> GraphSequenceExport.write(dir.toPath(), pngs))
                .onSuccess(files -> showStatus("Exported " + files.size() + " graph frames to " + dir))
                .onFailure(e -> notifier.error("Cannot export to " + dir,
                        org.supertickets.ui.task.UserMessages.describe(e) + "\nFix: pick a folder you can write to."))
                .run(runner);
    }

    /** Loads and runs the shipped demo, after asking about unsaved edits. */
    private void startDemo(boolean stepping) {
        if (vm.designer().isDirty()) {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Load the demo and lose the unsaved changes of "
                    + vm.designer().titleProperty().get() + "?");
            alert.initOwner(stage());
            if (alert.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        vm.demo().start(RepositoryFiles.locate(DemoStarter.DEMO), stepping);
    }

    /** Asks for the pipeline's settings when the config can run, then queues it. */
    /**
     * The Slurm panel's Open: a run folder the run queue already follows (or has seen complete) is shown in the
     * Monitor; any other is opened with the Runs view's own Open run folder, which follows it live.
     */
    private void showOrOpenRunFolder(java.nio.file.Path folder) {
        java.nio.file.Path wanted = folder.toAbsolutePath().normalize();
        RunEntry listed = vm.runs().entries().stream()
                .filter(e -> e.getFolder() != null && e.getFolder().toAbsolutePath().normalize().equals(wanted))
                .filter(e -> e.getStatus() == RunStatus.FOLLOWING || e.getStatus() == RunStatus.FOLLOW_IDLE
                        || e.getStatus() == RunStatus.COMPLETED)
                .findFirst().orElse(null);
        if (listed == null) {
            vm.runs().openFolder(folder); // selects it, and the Monitor comes to the front
            return;
        }
        vm.runs().selectedProperty().set(listed);
        tabs.getSelectionModel().select(2);
    }

    /** Run ▸ Submit sweep…: a grid of the designer's config (or a file) on this machine or on Slurm. */
    private void submitSweep() {
        String device = vm.runs().deviceProperty().get();
        SubmitSweepViewModel sweep = new SubmitSweepViewModel(runner, "auto".equals(device) ? null : device,
                vm.runs().runsDirProperty().get());
        SubmitSweepDialog.show(getScene().getWindow(), sweep, vm.designer().runnableConfig(),
                new SubmitSweepViewModel.LocalSweepListener() {
                    @Override
                    public void runEnded(String point, boolean succeeded, int done, int total) {
                        vm.runs().findExisting(); // lists the run folder that just ended
                    }

                    @Override
                    public void sweepEnded(java.nio.file.Path folder, int failed, int total) {
                        notifier.info("Sweep " + folder.getFileName() + ": " + (total - failed) + " of " + total
                                + " run(s) completed" + (failed == 0 ? "." : "; the logs in " + folder + " say why "
                                + "the others did not."));
                    }
                }, submitted -> {
                    notifier.info(submitted);
                    slurmSweeps.refresh(vm.runs().runsDirProperty().get());
                    tabs.getSelectionModel().select(1);
                });
    }

    private void runImpBaseline() {
        SearchSpaceConfig config = vm.runnableConfigOrExplain();
        if (config != null) {
            ImpSettingsDialog.ask(getScene().getWindow(), config).ifPresent(s -> vm.runImpBaseline(config, s));
        }
    }

    private ToolBar toolBar() {
        Button open = button("Open…", "Open a config (Ctrl+O)", this::openConfig);
        Button save = button("Save", "Save the config (Ctrl+S)", this::save);
        Button undo = button("↶ Undo", "Ctrl+Z", () -> vm.designer().undo());
        undo.disableProperty().bind(vm.designer().canUndoProperty().not());
        Button redo = button("↷ Redo", "Ctrl+Shift+Z", () -> vm.designer().redo());
        redo.disableProperty().bind(vm.designer().canRedoProperty().not());
        Button run = button("▶ Run", "Queue the config and watch it (Ctrl+R)", () -> vm.runCurrentConfig());
        run.setId("toolbar-run");
        run.getStyleClass().add("accent");
        Button stop = button("■ Stop", "Stop the selected run; it keeps a checkpoint (Ctrl+.)", vm::stopSelected);
        stop.setId("toolbar-stop");
        stop.disableProperty().bind(vm.runs().anyActiveProperty().not());
        Label doc = new Label();
        doc.setId("document-title");
        doc.textProperty().bind(vm.designer().titleProperty());
        doc.getStyleClass().add("document-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button theme = button("◐", "Light / dark theme", () -> dark.set(!dark.get()));
        return new ToolBar(open, save, undo, redo, new javafx.scene.control.Separator(), run, stop,
                new javafx.scene.control.Separator(), doc, gap, theme);
    }

    private Node statusBar() {
        statusLine.setId("status-line");
        statusLine.textProperty().bind(status);
        showStatus(vm.designer().statusProperty().get());
        // The latest word wins: an error, the designer's open/save, or the view's own (export, quitting).
        notifier.statusProperty().addListener((o, a, b) -> showStatus(b));
        vm.designer().statusProperty().addListener((o, a, b) -> showStatus(b));
        HBox bar = new HBox(statusLine);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void showStatus(String text) {
        status.set(text == null ? "" : text);
    }

    /** True when there are no unsaved edits, or the user agrees to lose them for {@code action}. */
    private boolean mayDiscardEdits(String action) {
        if (!vm.designer().isDirty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, action + " and lose the unsaved changes of "
                + vm.designer().titleProperty().get() + "?");
        alert.initOwner(stage());
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    private void openConfig() {
        if (!mayDiscardEdits("Open another config")) {
            return;
        }
        FileChooser chooser = jsonChooser("Open a config");
        File f = chooser.showOpenDialog(stage());
        if (f != null) {
            state.setLastDirectory(f.getParent());
            vm.designer().open(f.toPath());
            tabs.getSelectionModel().select(0);
        }
    }

    private void save() {
        if (!vm.designer().save(null)) {
            saveAs(stage(), null);
        }
    }

    /** Asks for a file and saves there; {@code afterSaved} (may be null) runs once the file is written. */
    private void saveAs(Stage stage, Runnable afterSaved) {
        FileChooser chooser = jsonChooser("Save the config as");
        Path current = vm.designer().fileProperty().get();
        chooser.setInitialFileName(current == null ? vm.designer().getConfig().name() + ".json"
                : current.getFileName().toString());
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        state.setLastDirectory(f.getParent());
        vm.designer().saveAs(f.toPath(), afterSaved);
    }

    private FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Config JSON", "*.json"));
        String dir = state.lastDirectory();
        Path current = vm.designer().fileProperty().get();
        File initial = current != null && current.toAbsolutePath().getParent() != null
                ? current.toAbsolutePath().getParent().toFile() : dir == null ? null : new File(dir);
        if (initial != null && initial.isDirectory()) {
            chooser.setInitialDirectory(initial);
        }
        return chooser;
    }

    private Stage stage() {
        return (Stage) getScene().getWindow();
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        tab.setGraphic(org.supertickets.ui.teaching.ViewHelp.mark(title));
        return tab;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
