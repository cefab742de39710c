package org.supertickets.ui.compare;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.supertickets.report.ComparedRun;
import org.supertickets.report.ComparisonCharts;
import org.supertickets.report.CurveCharts;
import org.supertickets.report.MethodSummary;
import org.supertickets.report.PairedComparison;
import org.supertickets.report.RunCurves;
import org.supertickets.run.RunSummary;
import org.supertickets.ui.charts.ChartTheme;
import org.supertickets.ui.controls.ToolButton;

/**
 * The Compare tab: finished runs added by folder (one at a time, every run under a folder, or dropped on the
 * table), their table with the fields of {@link RunSummary}, the comparison plots of the CLI's compare command
 * (for a sparsity sweep, at the user's choice, as curves of the mean per target sparsity), the overlaid curves of
 * the selected runs, and the ticket diff.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel vm;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final TableView<ComparedRun> table = new TableView<>();
    private final List<ChartViewer> plots = new ArrayList<>();
    private final List<ChartViewer> curves = new ArrayList<>();
    private final FlowPane curveLegend = new FlowPane(14, 4);
    private final Label curveCaption = new Label();
    private final TabPane sections = new TabPane();
    private final TicketDiffView diffView;
    private File lastDirectory;

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        diffView = new TicketDiffView(vm.diff(), vm.runs());
        diffView.darkProperty().bind(dark);
        dark.addListener((o, a, b) -> themeCharts());

        setTop(toolBar());
        buildTable();
        sections.getTabs().setAll(section("Comparison plots", "compare-plots", plotsPane()),
                section("Training curves", "compare-curves", curvesPane()),
                section("Ticket diff", "compare-diff", diffView),
                section("Mean over seeds", "compare-methods", methodTable()));
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sections.setId("compare-sections");
        SplitPane split = new SplitPane(table, sections);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(table, false);
        setCenter(split);

        vm.summariesProperty().addListener((o, a, b) -> showPlots());
        vm.sweepCurvesShownProperty().addListener((o, a, b) -> showPlots());
        vm.curvesProperty().addListener((o, a, b) -> showCurves(b));
        showPlots();
        showCurves(vm.curvesProperty().get());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public TableView<ComparedRun> table() {
        return table;
    }

    /** The sub-tabs: comparison plots, training curves, ticket diff, mean over seeds. */
    public TabPane sections() {
        return sections;
    }

    public TicketDiffView diffView() {
        return diffView;
    }

    /** The three comparison plots, then the three curve charts (tests read their datasets). */
    public List<JFreeChart> charts() {
        List<JFreeChart> all = new ArrayList<>();
        plots.forEach(v -> all.add(v.getChart()));
        curves.forEach(v -> all.add(v.getChart()));
        return all;
    }

    private Node toolBar() {
        Button add = ToolButton.of("Add run…", "add-run",
                "Add a finished run folder (or drop run folders on the table)",
                () -> chooseFolder("Add a finished run folder").ifPresent(d -> vm.add(List.of(d))));
        Button addAll = ToolButton.of("Add all runs under a folder…", "add-runs-under",
                "Add every completed run folder directly under a folder, e.g. the --out folder of a sweep",
                () -> chooseFolder("Add every run folder under this folder").ifPresent(vm::addAllUnder));
        Button remove = ToolButton.of("Remove", "remove-runs", "Remove the selected runs from the comparison (Delete)",
                this::removeSelected);
        remove.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel()
                .getSelectedItems()));
        Button clear = ToolButton.of("Clear", "clear-runs", "Remove every run from the comparison", vm::clear);
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.runs()));
        Button export = ToolButton.of("Export CSV…", "export-comparison", "The table as CSV, with the columns of the "
                + "command line's comparison.csv", this::exportCsv);
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.runs()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(vm.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, add, addAll, remove, clear, busy, status, gap, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private void buildTable() {
        table.setId("compare-table");
        table.setPlaceholder(new Label("No runs yet. Add finished run folders with \"Add run…\", every run of a "
                + "sweep with \"Add all runs under a folder…\", or drop run folders here."));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<ComparedRun, Number> accuracy = number("Test accuracy", 115, r -> r.summary().testAccuracy(),
                v -> CompareFormat.percent(v, 2));
        accuracy.textProperty().bind(vm.accuracyHeaderProperty());
        // Segmentation runs: mean IoU, the measure they are compared by, with and without the background class.
        TableColumn<ComparedRun, Number> meanIou = number("Test mIoU", 100, r -> r.summary().testMeanIou(),
                v -> CompareFormat.percent(v, 2));
        meanIou.setId("compare-mean-iou");
        TableColumn<ComparedRun, Number> objectsIou = number("Test mIoU\nobjects only", 120,
                r -> r.summary().testMeanIouWithoutBackground(), v -> CompareFormat.percent(v, 2));
        for (TableColumn<ComparedRun, Number> c : List.of(meanIou, objectsIou)) {
            c.visibleProperty().bind(vm.segmentationProperty());
        }
        table.getColumns().setAll(List.of(
                TableColumns.<ComparedRun>text("Run", 380, ComparedRun::name),
                TableColumns.<ComparedRun>text("Method", 110, r -> r.summary().method()),
                number("Seed", 60, r -> r.summary().seed(), v -> Long.toString((long) v)),
                accuracy,
                meanIou,
                objectsIou,
                number("Sparsity", 90, r -> r.summary().sparsity(), v -> CompareFormat.percent(v, 1)),
                number("MACs", 100, r -> r.summary().macs(), CompareFormat::count),
                number("Params", 100, r -> r.summary().params(), CompareFormat::count),
                number("Training compute (MACs)", 190, r -> r.summary().trainingMacs(), CompareFormat::count),
                number("Wall time", 110, r -> r.summary().wallSeconds(), CompareFormat::duration)));
        // Columns share the table's width; the run name gets most of what is left.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        SortedList<ComparedRun> sorted = new SortedList<>(vm.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ComparedRun>) c ->
                vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems())));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                removeSelected();
            }
        });
        // Run folders dropped from a file manager are added like "Add run…" (several at once).
        table.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        table.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                vm.add(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private Node plotsPane() {
        GridPane grid = chartGrid(plots, "compare-plot", ComparisonCharts.plots(List.of()));
        Label empty = new Label("Add finished runs: their test accuracy against weights remaining, MACs (with the "
                + "Pareto front) and training compute appears here, one colour per method.");
        empty.setWrapText(true);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.runs()));
        grid.visibleProperty().bind(empty.visibleProperty().not());
        CheckBox sweep = new CheckBox("Sweep curves: mean per target sparsity, 95 % interval over seeds");
        sweep.setId("compare-sweep-curves");
        sweep.setTooltip(new Tooltip("The runs form a sparsity sweep: draw a line per method and setting through the "
                + "mean over seeds at each target sparsity, with the 95 % interval of that mean, instead of a point "
                + "per run"));
        sweep.selectedProperty().bindBidirectional(vm.showSweepCurvesProperty());
        sweep.visibleProperty().bind(vm.sweepAvailableProperty());
        sweep.managedProperty().bind(sweep.visibleProperty());
        BorderPane.setMargin(sweep, new Insets(6, 8, 2, 8));
        BorderPane pane = new BorderPane(new StackPane(grid, empty));
        pane.setTop(sweep);
        return pane;
    }

    private Node curvesPane() {
        GridPane grid = chartGrid(curves, "compare-curve", curveCharts(List.of()));
        grid.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.runs()));
        curveLegend.setId("compare-curve-legend");
        curveCaption.getStyleClass().add("hint");
        curveCaption.setWrapText(true);
        VBox top = new VBox(4, curveCaption, curveLegend);
        top.setPadding(new Insets(6, 8, 4, 8));
        BorderPane pane = new BorderPane(grid);
        pane.setTop(top);
        return pane;
    }

    private static GridPane chartGrid(List<ChartViewer> viewers, String idPrefix, List<JFreeChart> initial) {
        GridPane grid = new GridPane();
        grid.setHgap(4);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 3);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            ChartViewer viewer = new ChartViewer(initial.get(i));
            viewer.setId(idPrefix + "-" + i);
            viewer.setMinSize(120, 120);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            viewers.add(viewer);
            grid.add(viewer, i, 0);
        }
        return grid;
    }

    private static List<JFreeChart> curveCharts(List<RunCurves> runs) {
        return List.of(CurveCharts.validationAccuracy(runs), CurveCharts.sparsity(runs), CurveCharts.macs(runs));
    }

    private void showPlots() {
        List<RunSummary> runs = vm.summariesProperty().get();
        if (runs.isEmpty()) {
            return; // the plots are hidden behind the placeholder
        }
        boolean sweep = vm.sweepCurvesShownProperty().get();
        // A sweep's plots bring their own tooltips (mean ± interval per point).
        List<JFreeChart> charts = sweep ? ComparisonCharts.sweepPlots(vm.sweepProperty().get())
                : ComparisonCharts.plots(runs);
        for (int i = 0; i < charts.size(); i++) {
            JFreeChart chart = charts.get(i);
            chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
            LegendTitle legend = chart.getLegend();
            if (legend != null) {
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setItemFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
            }
            if (!sweep) {
                nameRunsInTooltips(chart, runs);
            }
            ChartTheme.apply(chart, dark.get());
            plots.get(i).setChart(chart);
        }
    }

    private void themeCharts() {
        java.util.stream.Stream.concat(plots.stream(), curves.stream())
                .forEach(viewer -> ChartTheme.apply(viewer.getChart(), dark.get()));
    }

    /**
     * The plots group points into {@link ComparisonCharts#series}; hovering a point should say which run it is.
     * A series lists its runs in table order, so its n-th point is its n-th run. Other series (the Pareto front,
     * or whatever the plots gain later) keep their default tooltips.
     */
    private static void nameRunsInTooltips(JFreeChart chart, List<RunSummary> runs) {
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        var fallback = renderer.getDefaultToolTipGenerator();
        Map<String, List<RunSummary>> runsOfSeries = ComparisonCharts.series(runs);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> {
            List<RunSummary> ofSeries = runsOfSeries.get(String.valueOf(dataset.getSeriesKey(series)));
            if (ofSeries == null || item >= ofSeries.size()) {
                return fallback == null ? null : fallback.generateToolTip(dataset, series, item);
            }
            RunSummary r = ofSeries.get(item);
            String score = r.segmentation() ? "test mIoU " + CompareFormat.percent(r.testMeanIou(), 2)
                    + " (objects only " + CompareFormat.percent(r.testMeanIouWithoutBackground(), 2)
                    + "), pixel accuracy " + CompareFormat.percent(r.testAccuracy(), 2)
                    : "test accuracy " + CompareFormat.percent(r.testAccuracy(), 2);
            return r.run() + " (" + r.method() + ", seed " + r.seed() + "): " + score + ", sparsity "
                    + CompareFormat.percent(r.sparsity(), 1) + ", " + CompareFormat.count(r.macs()) + " MACs";
        });
    }

    private void showCurves(List<RunCurves> runs) {
        boolean selection = !vm.selectedProperty().get().isEmpty();
        curveCaption.setText(runs.isEmpty() ? "Add finished runs to overlay their validation accuracy, sparsity and "
                + "MACs over training." : selection ? "Curves of the " + runs.size() + " selected run"
                + (runs.size() == 1 ? "" : "s") + " (clear the selection to show all)."
                : "Curves of all " + runs.size() + " runs (select rows in the table to show fewer).");
        List<JFreeChart> charts = curveCharts(runs);
        for (int i = 0; i < charts.size(); i++) {
            ChartTheme.apply(charts.get(i), dark.get());
            curves.get(i).setChart(charts.get(i));
        }
        curveLegend.getChildren().clear();
        for (int i = 0; i < runs.size(); i++) {
            Line line = new Line(0, 0, 22, 0);
            line.setStrokeWidth(2.5);
            int rgb = CurveCharts.colour(i);
            line.setStroke(Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            float[] dash = CurveCharts.dashes(i);
            if (dash != null) {
                for (float d : dash) {
                    line.getStrokeDashArray().add((double) d);
                }
            }
            Label item = new Label(runs.get(i).run(), line);
            item.getStyleClass().add("legend-item");
            curveLegend.getChildren().add(item);
        }
    }

    private void removeSelected() {
        vm.remove(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison as CSV");
        chooser.setInitialFileName("comparison.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.exportCsv(f.toPath());
        }
    }

    private java.util.Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File dir = chooser.showDialog(getScene().getWindow());
        if (dir == null) {
            return java.util.Optional.empty();
        }
        // The next pick is usually a sibling (another run of the same sweep).
        lastDirectory = dir.getParentFile();
        return java.util.Optional.of(dir.toPath());
    }

    /** One row per method and dataset, averaged over its seeds, with the range of the test accuracy. */
    private Node methodTable() {
        TableView<MethodSummary> methods = new TableView<>();
        methods.setId("compare-method-table");
        methods.setPlaceholder(new Label("Add runs to see each method's mean over its seeds."));
        TableColumn<MethodSummary, String> meanIou = TableColumns.text("Test mIoU (mean)", 130,
                m -> m.segmentation() ? CompareFormat.percent(m.meanIou().mean(), 2) : "–");
        TableColumn<MethodSummary, String> meanIouInterval = TableColumns.text("mIoU 95% CI", 150,
                m -> m.segmentation() ? CompareFormat.percent(m.meanIou().low(), 2) + " – "
                        + CompareFormat.percent(m.meanIou().high(), 2) : "–");
        TableColumn<MethodSummary, String> objectsIou = TableColumns.text("mIoU objects only (mean)", 160,
                m -> m.segmentation() ? CompareFormat.percent(m.meanIouWithoutBackground(), 2) : "–");
        for (TableColumn<MethodSummary, String> c : List.of(meanIou, meanIouInterval, objectsIou)) {
            c.visibleProperty().bind(vm.segmentationProperty());
        }
        methods.getColumns().setAll(List.of(
                TableColumns.<MethodSummary>text("Method", 200, MethodSummary::method),
                TableColumns.<MethodSummary>text("Dataset", 110, MethodSummary::dataset),
                TableColumns.<MethodSummary>text("Runs", 50, m -> Integer.toString(m.runs())),
                TableColumns.<MethodSummary>text("Test accuracy (mean)", 150,
                        m -> CompareFormat.percent(m.meanAccuracy(), 2)),
                TableColumns.<MethodSummary>text("Range over seeds", 150, m -> CompareFormat.percent(
                        m.minAccuracy(), 2) + " – " + CompareFormat.percent(m.maxAccuracy(), 2)),
                TableColumns.<MethodSummary>text("SD", 70, m -> CompareFormat.percent(m.accuracy().sd(), 2)),
                TableColumns.<MethodSummary>text("95% CI of the mean", 150, m -> CompareFormat.percent(
                        m.accuracy().low(), 2) + " – " + CompareFormat.percent(m.accuracy().high(), 2)),
                meanIou, meanIouInterval, objectsIou,
                TableColumns.<MethodSummary>text("Sparsity", 80, m -> CompareFormat.percent(m.meanSparsity(), 1)),
                TableColumns.<MethodSummary>text("MACs", 90, m -> CompareFormat.count(m.meanMacs())),
                TableColumns.<MethodSummary>text("Params", 90, m -> CompareFormat.count(m.meanParams())),
                TableColumns.<MethodSummary>text("Training compute (MACs)", 170,
                        m -> CompareFormat.count(m.meanTrainingMacs())),
                TableColumns.<MethodSummary>text("Wall time", 100, m -> CompareFormat.duration(m.meanWallSeconds())),
                TableColumns.<MethodSummary>text("Setting", 110, MethodSummary::setting),
                TableColumns.<MethodSummary>text("Differs from the first setting in", 320,
                        MethodSummary::differences)));
        methods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        methods.getItems().setAll(vm.methodsProperty().get());
        vm.methodsProperty().addListener((o, a, b) -> methods.getItems().setAll(b));
        Label pairs = new Label(pairedText(vm.pairsProperty().get()));
        pairs.setId("compare-paired-tests");
        pairs.setWrapText(true);
        vm.pairsProperty().addListener((o, a, b) -> pairs.setText(pairedText(b)));
        VBox box = new VBox(6, methods, pairs);
        VBox.setVgrow(methods, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** One line per pair of settings with matched seeds: the paired t test, two-sided, with Holm. */
    private static String pairedText(List<PairedComparison> pairs) {
        if (pairs.isEmpty()) {
            return "Paired test: run two settings with the same seeds (at least two) to test which is better.";
        }
        boolean iou = pairs.stream().anyMatch(PairedComparison::meanIou);
        StringBuilder sb = new StringBuilder("Paired t test over matched seeds (test accuracy"
                + (iou ? "; test mIoU for segmentation runs" : "") + ", two-sided p, Holm over " + pairs.size()
                + " pairs):");
        for (PairedComparison p : pairs) {
            sb.append(String.format(java.util.Locale.ROOT, "%n%s vs %s on %s (%d seeds%s): %+.2f points, "
                    + "95%% CI %+.2f..%+.2f, p = %.4f, Holm p = %.4f (%s)", p.better(), p.worse(), p.dataset(),
                    p.test().pairs(), p.meanIou() ? ", " + p.metric() : "", 100 * p.test().meanDifference(),
                    100 * p.test().low(), 100 * p.test().high(), p.test().pValue(), p.holmP(), p.verdict()));
        }
        return sb.toString();
    }

    private static Tab section(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }


    /** A numeric column: sorts by value, shows it formatted, right-aligned. */
    private static TableColumn<ComparedRun, Number> number(String title, double width,
            ToDoubleFunction<ComparedRun> value, java.util.function.DoubleFunction<String> format) {
        TableColumn<ComparedRun, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new SimpleDoubleProperty(value.applyAsDouble(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item.doubleValue()));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(width);
        return c;
    }
}
