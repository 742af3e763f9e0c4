// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.SegmentedButton;

/**
 * One choice among a few, every option in sight and the chosen one pressed (ControlsFX's
 * {@link SegmentedButton}): the player's speed, an export's theme. Pressing the chosen option
 * again keeps it chosen; a value that is not among the options (the tests' instant speed)
 * presses none.
 *
 * @param <T> what is chosen
 */
public final class Segments<T> extends SegmentedButton {
    private final List<T> values;
    private final ObjectProperty<T> value = new SimpleObjectProperty<>(this, "value");

    /**
     * @param id     the control's id; each option's button is {@code id-N}, N counting from 0
     * @param values the options, in the order shown
     */
    public Segments(String id, List<T> values, Function<T, String> name) {
        this.values = List.copyOf(values);
        setId(id);
        getStyleClass().add("segments");
        for (int i = 0; i < this.values.size(); i++) {
            ToggleButton button = new ToggleButton();
            button.setId(id + "-" + i);
            button.setUserData(this.values.get(i));
            button.setFocusTraversable(false);
            getButtons().add(button);
        }
        relabel(name);
        getToggleGroup().selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null && was.getUserData().equals(value.get())) {
                was.setSelected(true);
            } else if (now != null) {
                @SuppressWarnings("unchecked")
                T chosen = (T) now.getUserData();
                value.set(chosen);
            }
        });
        value.addListener((o, was, now) -> press(now));
    }

    private void press(T chosen) {
        Toggle toggle = getButtons().stream().filter(b -> b.getUserData().equals(chosen)).findFirst().orElse(null);
        if (toggle == null) {
            getToggleGroup().selectToggle(null);
        } else if (!toggle.isSelected()) {
            toggle.setSelected(true);
        }
    }

    /** Names every option again (the language changed). */
    public void relabel(Function<T, String> name) {
        for (ToggleButton button : getButtons()) {
            @SuppressWarnings("unchecked")
            T option = (T) button.getUserData();
            button.setText(name.apply(option));
        }
    }

    /** The options, in the order shown. */
    List<T> values() {
        return values;
    }

    /** The chosen option; null, or a value that is not an option, presses none. */
    public ObjectProperty<T> valueProperty() {
        return value;
    }

    public T getValue() {
        return value.get();
    }

    public void setValue(T chosen) {
        value.set(chosen);
    }
}
