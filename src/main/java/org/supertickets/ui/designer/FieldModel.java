package org.supertickets.ui.designer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One editable field of the config as a control sees it: its current value and the validation message for
 * it (empty when fine). Controls write through {@link DesignerViewModel#set}, which makes the edit undoable.
 */
public final class FieldModel {

    private final String path;
    private final ReadOnlyObjectWrapper<Object> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    FieldModel(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public ReadOnlyObjectProperty<Object> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public Object getValue() {
        return value.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    void update(Object newValue, String newError) {
        value.set(newValue);
        error.set(newError);
    }
}
