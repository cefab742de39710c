package org.supertickets.ui.designer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * Creates controls bound to {@link FieldModel}s: a user edit becomes an undoable {@link DesignerViewModel#set}
 * call, a model change (undo, open) updates the control without echoing back, and the field's validation
 * message turns the control red and appears below it.
 */
final class FieldControls {

    private final DesignerViewModel vm;
    private final Map<String, Control> controls = new HashMap<>();

    FieldControls(DesignerViewModel vm) {
        this.vm = vm;
    }

    /** The control editing a path (for focusing it from the issues list). */
    Control controlFor(String path) {
        Control c = controls.get(path);
        if (c == null && path.contains("[")) {
            // stages[1].kernelSizes[0] → stages[1].kernelSizes
            c = controls.get(path.replaceAll("\\[\\d+]$", ""));
        }
        return c;
    }

    Spinner<Integer> integer(String path, int min, int max, int step) {
        FieldModel f = vm.field(path);
        Spinner<Integer> spinner = new Spinner<>(TypedNumberFactory.integers(min, max, step,
                asInt(f.getValue(), min)));
        bindSpinner(spinner, f, v -> asInt(v, min));
        return spinner;
    }

    Spinner<Double> decimal(String path, double min, double max, double step) {
        FieldModel f = vm.field(path);
        Spinner<Double> spinner = new Spinner<>(TypedNumberFactory.decimals(min, max, step,
                asDouble(f.getValue(), min)));
        bindSpinner(spinner, f, v -> asDouble(v, min));
        return spinner;
    }

    private <T> void bindSpinner(Spinner<T> spinner, FieldModel f, java.util.function.Function<Object, T> convert) {
        spinner.setEditable(true);
        spinner.setPrefWidth(130);
        boolean[] updating = {false};
        f.valueProperty().addListener((o, a, b) -> {
            updating[0] = true;
            spinner.getValueFactory().setValue(convert.apply(b));
            updating[0] = false;
        });
        spinner.valueProperty().addListener((o, a, b) -> {
            if (!updating[0] && b != null) {
                vm.set(f.path(), b);
            }
        });
        // Commit typed text when the field loses focus, not only on Enter.
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue();
            }
        });
        decorate(spinner, f);
    }

    TextField longField(String path) {
        FieldModel f = vm.field(path);
        TextField field = new TextField(String.valueOf(f.getValue()));
        field.setPrefWidth(130);
        f.valueProperty().addListener((o, a, b) -> field.setText(String.valueOf(b)));
        Runnable commit = () -> {
            try {
                vm.set(path, Long.valueOf(field.getText().trim().replace(",", "").replace("_", "")));
            } catch (NumberFormatException e) {
                field.setText(String.valueOf(f.getValue()));
            }
        };
        commitOnEnterOrFocusLoss(field, commit);
        decorate(field, f);
        return field;
    }

    TextField text(String path, boolean nullWhenBlank) {
        FieldModel f = vm.field(path);
        TextField field = new TextField(f.getValue() == null ? "" : f.getValue().toString());
        f.valueProperty().addListener((o, a, b) -> field.setText(b == null ? "" : b.toString()));
        Runnable commit = () -> {
            String t = field.getText().trim();
            vm.set(path, t.isEmpty() && nullWhenBlank ? null : t);
        };
        commitOnEnterOrFocusLoss(field, commit);
        decorate(field, f);
        return field;
    }

    CheckBox check(String path, String text) {
        FieldModel f = vm.field(path);
        CheckBox box = new CheckBox(text);
        box.setSelected(Boolean.TRUE.equals(f.getValue()));
        f.valueProperty().addListener((o, a, b) -> box.setSelected(Boolean.TRUE.equals(b)));
        box.setOnAction(e -> vm.set(path, box.isSelected()));
        decorate(box, f);
        return box;
    }

    <T> ChoiceBox<T> choice(String path, List<T> options) {
        FieldModel f = vm.field(path);
        ChoiceBox<T> box = new ChoiceBox<>();
        box.getItems().setAll(options);
        boolean[] updating = {false};
        @SuppressWarnings("unchecked")
        T initial = (T) f.getValue();
        box.setValue(initial);
        f.valueProperty().addListener((o, a, b) -> {
            updating[0] = true;
            @SuppressWarnings("unchecked")
            T v = (T) b;
            box.setValue(v);
            updating[0] = false;
        });
        box.valueProperty().addListener((o, a, b) -> {
            if (!updating[0] && b != null) {
                vm.set(path, b);
            }
        });
        decorate(box, f);
        return box;
    }

    /**
     * A choice whose options change with the document (the datasets of the config's task). The options are replaced
     * before the field shows a value from the new list, and replacing them never edits the config.
     */
    <T> ChoiceBox<T> choice(String path, javafx.beans.value.ObservableValue<List<T>> options) {
        ChoiceBox<T> box = choice(path, options.getValue());
        FieldModel f = vm.field(path);
        options.addListener((o, a, b) -> {
            // While the items change the box may drop its value (null, which the edit listener ignores); put the
            // field's value back without making an edit of it.
            box.getItems().setAll(b);
            @SuppressWarnings("unchecked")
            T v = (T) f.getValue();
            if (!java.util.Objects.equals(box.getValue(), v)) {
                box.setValue(v);
            }
        });
        return box;
    }

    /**
     * Marks a control made elsewhere (one whose edits are commands of their own, like the task) as the editor of
     * {@code path}: red with its message when the field has a problem, and focused from the issues list.
     */
    <C extends Control> C editing(String path, C control) {
        decorate(control, vm.field(path));
        return control;
    }

    /** The red message under a field; collapses when the field is fine. */
    Label errorLabel(String path) {
        FieldModel f = vm.field(path);
        Label label = new Label();
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(f.errorProperty());
        label.visibleProperty().bind(f.errorProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private void decorate(Control control, FieldModel f) {
        controls.put(f.path(), control);
        control.setId("field-" + f.path());
        Runnable update = () -> {
            boolean bad = !f.getError().isEmpty();
            if (bad && !control.getStyleClass().contains("invalid")) {
                control.getStyleClass().add("invalid");
            } else if (!bad) {
                control.getStyleClass().remove("invalid");
            }
            control.setTooltip(bad ? new Tooltip(f.getError()) : null);
        };
        f.errorProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    static Node spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(r, javafx.scene.layout.Priority.ALWAYS);
        return r;
    }

    private static int asInt(Object v, int fallback) {
        return v instanceof Number n ? n.intValue() : fallback;
    }

    private static double asDouble(Object v, double fallback) {
        return v instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A text edit becomes a command when the user presses Enter or leaves the field. */
    private static void commitOnEnterOrFocusLoss(TextField field, Runnable commit) {
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
    }
}
