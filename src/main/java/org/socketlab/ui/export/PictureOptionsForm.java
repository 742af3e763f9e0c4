// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Dimension2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.socketlab.ui.common.Segments;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Theme;
import org.socketlab.ui.theme.Themes;

/**
 * The rows both export dialogs share: scale (with the resulting size), area, theme and
 * language. The themes and languages come from {@link Themes} and {@link Languages}.
 */
final class PictureOptionsForm {
    private final ChoiceBox<Integer> scale = new ChoiceBox<>();
    private final ChoiceBox<PictureArea> area = new ChoiceBox<>();
    private final Segments<Theme> theme;
    private final ChoiceBox<Locale> language = new ChoiceBox<>();
    private final Label size = new Label();

    /**
     * @param canvas the lesson canvas's size at 1x
     * @param window the window's size at 1x
     */
    PictureOptionsForm(Messages messages, PictureChoice initial, Dimension2D canvas, Dimension2D window) {
        scale.setId("export-scale");
        area.setId("export-area");
        theme = new Segments<>("export-theme", Themes.all(), t -> messages.get(t.nameKey()));
        language.setId("export-language");
        size.setId("export-size");
        size.getStyleClass().add("muted");
        for (int s = 1; s <= PictureChoice.MAX_SCALE; s++) {
            scale.getItems().add(s);
        }
        scale.setConverter(converter(s -> messages.get("export.scale.value", s)));
        area.getItems().setAll(PictureArea.values());
        area.setConverter(converter(a -> messages.get(a.nameKey())));
        language.getItems().setAll(Languages.available());
        language.setConverter(converter(l -> l.getDisplayLanguage(l)));
        scale.setValue(initial.scale());
        area.setValue(initial.area());
        theme.setValue(initial.theme());
        language.setValue(Languages.defaultFor(initial.locale()));
        size.textProperty().bind(Bindings.createStringBinding(() -> {
            Dimension2D base = area.getValue() == PictureArea.WINDOW ? window : canvas;
            int s = scale.getValue();
            return messages.get("export.size", Math.ceil(base.getWidth() * s), Math.ceil(base.getHeight() * s));
        }, scale.valueProperty(), area.valueProperty()));
    }

    /** Adds the rows to a grid, from row {@code first} on; returns the next free row. */
    int addTo(GridPane grid, Messages messages, int first) {
        int row = first;
        grid.addRow(row++, label(messages, "export.area"), area);
        grid.addRow(row++, label(messages, "export.scale"), scale);
        grid.add(size, 1, row++);
        grid.addRow(row++, label(messages, "export.theme"), theme);
        grid.addRow(row++, label(messages, "export.language"), language);
        return row;
    }

    /** What is chosen now. */
    PictureChoice choice() {
        return new PictureChoice(scale.getValue(), area.getValue(), theme.getValue(), language.getValue());
    }

    static Label label(Messages messages, String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("form-label");
        return label;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
