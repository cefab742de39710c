package org.supertickets.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * Two joined toggle buttons, exactly one of them pressed, bound both ways to a boolean: the left one stands for
 * false, the right one for true (e.g. Confusion matrix | One image). Styled {@code segment}: the pressed one filled.
 */
public final class EitherToggle extends HBox {

    private final ToggleButton whenFalse;
    private final ToggleButton whenTrue;

    /**
     * @param value      what the pair shows and sets
     * @param falseLabel the left button's text; {@code falseId} its node id
     * @param trueLabel  the right button's text; {@code trueId} its node id
     */
    public EitherToggle(BooleanProperty value, String falseLabel, String falseId, String trueLabel, String trueId) {
        whenFalse = button(falseLabel, falseId);
        whenTrue = button(trueLabel, trueId);
        ToggleGroup group = new ToggleGroup();
        whenFalse.setToggleGroup(group);
        whenTrue.setToggleGroup(group);
        (value.get() ? whenTrue : whenFalse).setSelected(true);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // a click on the pressed one keeps it pressed
            } else {
                value.set(now == whenTrue);
            }
        });
        value.addListener((o, was, now) -> (now ? whenTrue : whenFalse).setSelected(true));
        getChildren().addAll(whenFalse, whenTrue);
    }

    private static ToggleButton button(String label, String id) {
        ToggleButton b = new ToggleButton(label);
        b.setId(id);
        b.getStyleClass().add("segment");
        return b;
    }

    /** The button that stands for false. */
    public ToggleButton whenFalse() {
        return whenFalse;
    }

    /** The button that stands for true. */
    public ToggleButton whenTrue() {
        return whenTrue;
    }
}
