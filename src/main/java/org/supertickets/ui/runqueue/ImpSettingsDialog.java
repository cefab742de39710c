package org.supertickets.ui.runqueue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.supertickets.pipeline.ImpSettings;
import org.supertickets.prune.PruneScope;
import org.supertickets.space.SearchSpaceConfig;

/**
 * Asks for the settings of the search → train → iterative-magnitude-pruning baseline of the designer's config,
 * showing the levels they lead to and refusing settings that cannot run.
 */
public final class ImpSettingsDialog {

    private ImpSettingsDialog() {
    }

    /** The settings, or empty when the user cancelled. */
    public static Optional<ImpSettings> ask(Window owner, SearchSpaceConfig config) {
        Dialog<ImpSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Run the IMP baseline");
        dialog.setHeaderText("Search → train → iterative magnitude pruning with rewinding → retrain\n"
                + "Stage 1 searches like NAS-only; then the found network is trained dense and pruned level by level "
                + "to the config's target sparsity (" + percent(config.pruning().targetSparsity()) + ").");
        Spinner<Double> fraction = decimal(0.05, 0.95, 0.2, 0.05);
        Spinner<Double> rewind = decimal(0, config.training().epochs() - 0.05, 0, 0.1);
        Spinner<Integer> epochs = new Spinner<>(1, 10_000, config.training().epochs());
        epochs.setEditable(true);
        ChoiceBox<PruneScope> scope = new ChoiceBox<>();
        scope.getItems().setAll(PruneScope.values());
        scope.setValue(PruneScope.GLOBAL);
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(PruneScope s) {
                return s == PruneScope.LAYERWISE ? "layer-wise (same sparsity in every layer)"
                        : "global (one threshold, as SuperTickets)";
            }

            @Override
            public PruneScope fromString(String s) {
                return null;
            }
        });
        Label plan = new Label();
        plan.setWrapText(true);
        plan.setMaxWidth(640);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        addRow(grid, 0, "pruned per level (share of alive weights)", fraction);
        addRow(grid, 1, "rewind point (epochs; 0 = initial weights)", rewind);
        addRow(grid, 2, "epochs per level", epochs);
        addRow(grid, 3, "threshold", scope);
        grid.add(plan, 0, 4, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);

        Runnable update = () -> {
            ImpSettings s = settings(config, fraction, rewind, epochs, scope);
            List<String> problems = s.problems();
            ok.setDisable(!problems.isEmpty());
            plan.setText(problems.isEmpty() ? describe(s, config) : String.join("\n", problems));
            plan.getStyleClass().setAll("label", problems.isEmpty() ? "ok-label" : "error-title");
        };
        fraction.valueProperty().addListener((o, a, b) -> update.run());
        rewind.valueProperty().addListener((o, a, b) -> update.run());
        epochs.valueProperty().addListener((o, a, b) -> update.run());
        scope.valueProperty().addListener((o, a, b) -> update.run());
        update.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? settings(config, fraction, rewind, epochs, scope) : null);
        return dialog.showAndWait();
    }

    /** What the settings will run, e.g. "3 pruning levels: 55 %, 80 %, 90 % — 5 stages, about 4.7× ...". */
    static String describe(ImpSettings s, SearchSpaceConfig config) {
        List<Double> levels = s.levelSparsities();
        int searchEpochs = config.training().epochs();
        return String.format(Locale.ROOT, "%d pruning level%s: %s — %d stages (search, dense training, levels), "
                + "%.1f epochs of training in all, %.1f× one run of this config.", levels.size(),
                levels.size() == 1 ? "" : "s",
                levels.stream().map(ImpSettingsDialog::percent).collect(Collectors.joining(", ")), levels.size() + 2,
                s.trainingEpochs(searchEpochs), s.trainingEpochs(searchEpochs) / searchEpochs);
    }

    private static ImpSettings settings(SearchSpaceConfig config, Spinner<Double> fraction, Spinner<Double> rewind,
            Spinner<Integer> epochs, ChoiceBox<PruneScope> scope) {
        return new ImpSettings(config.pruning().targetSparsity(), fraction.getValue(), rewind.getValue(),
                scope.getValue(), epochs.getValue());
    }

    private static Spinner<Double> decimal(double min, double max, double initial, double step) {
        Spinner<Double> spinner = new Spinner<>(min, Math.max(min, max), initial, step);
        spinner.setEditable(true);
        return spinner;
    }

    private static void addRow(GridPane grid, int row, String label, Node control) {
        grid.add(new Label(label), 0, row);
        grid.add(control, 1, row);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }
}
