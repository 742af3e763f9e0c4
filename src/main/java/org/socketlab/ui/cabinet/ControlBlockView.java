// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.player.Picture;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/** Every field of the inspected socket's control block, with this step's changes standing out. */
public final class ControlBlockView extends VBox {
    private final Messages messages;
    private final FieldTexts texts;
    private final ObservableValue<Picture> picture;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final Label title = new Label(null, Icons.icon(Icons.FORM));
    private final Label subtitle = new Label();
    private final Label none = new Label();
    private final Label peerNote = new Label();
    private final GridPane grid = new GridPane();
    private final Map<ControlBlock.Field, Label> names = new EnumMap<>(ControlBlock.Field.class);
    private final Map<ControlBlock.Field, Label> values = new EnumMap<>(ControlBlock.Field.class);

    private final ViewOptions options;

    public ControlBlockView(Messages messages, ObservableValue<Picture> picture, ViewOptions options) {
        this.messages = messages;
        this.options = options;
        this.texts = new FieldTexts(messages);
        this.picture = picture;
        getStyleClass().addAll("panel", "control-block");
        title.getStyleClass().add("panel-title");
        subtitle.getStyleClass().add("panel-subtitle");
        none.getStyleClass().add("muted");
        none.setWrapText(true);
        peerNote.getStyleClass().addAll("muted", "peer-note");
        peerNote.setWrapText(true);
        grid.getStyleClass().add("field-grid");
        int row = 0;
        for (ControlBlock.Field field : ControlBlock.Field.values()) {
            Label name = new Label();
            name.getStyleClass().add("field-name");
            Label value = new Label();
            value.getStyleClass().addAll("field-value", "field-" + field.name().toLowerCase(Locale.ROOT));
            names.put(field, name);
            values.put(field, value);
            grid.addRow(row++, name, value);
        }
        getChildren().addAll(title, subtitle, grid, peerNote, none);
        subscriptions.onChange(this::show, picture, messages.localeProperty(), options.kernelViewProperty());
    }

    private void show() {
        Picture p = picture.getValue();
        ControlBlock socket = p.inspected();
        boolean kernel = options.isKernelView();
        title.setText(messages.get(kernel ? "controlBlock.title.kernel" : "controlBlock.title"));
        none.setText(messages.get("controlBlock.none"));
        boolean present = socket != null;
        grid.setVisible(present);
        grid.setManaged(present);
        none.setVisible(!present);
        none.setManaged(!present);
        subtitle.setText(present ? messages.get("controlBlock.subtitle", socket.id(), socket.slab()) : "");
        String note = present ? texts.peerNote(socket) : "";
        peerNote.setText(note);
        peerNote.setVisible(!note.isEmpty());
        peerNote.setManaged(!note.isEmpty());
        if (!present) {
            return;
        }
        for (ControlBlock.Field field : ControlBlock.Field.values()) {
            boolean shown = socket.shows(field);
            for (Label label : new Label[] {names.get(field), values.get(field)}) {
                label.setVisible(shown);
                label.setManaged(shown);
            }
            names.get(field).setText(kernel ? messages.get("kernel.field." + field.name())
                    : messages.get("field." + field.name()));
            names.get(field).pseudoClassStateChanged(Css.KERNEL, kernel);
            Label value = values.get(field);
            value.setText(texts.field(socket, field));
            value.pseudoClassStateChanged(Css.CHANGED, p.changedFields().contains(field));
            value.pseudoClassStateChanged(Css.BLANK, socket.isBlank() && field != ControlBlock.Field.FAMILY
                    && field != ControlBlock.Field.TYPE && field != ControlBlock.Field.MEMORY
                    && field != ControlBlock.Field.FLAGS);
        }
    }

    /** The note under the fields when the socket's state is only as far as the log shows (for tests). */
    public Label peerNote() {
        return peerNote;
    }

    /** The value label of a field (for tests and the kernel view). */
    public Label value(ControlBlock.Field field) {
        return values.get(field);
    }

    public void dispose() {
        subscriptions.release();
    }
}
