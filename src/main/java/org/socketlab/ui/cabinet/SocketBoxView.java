// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/**
 * The socket as a box on the protocol stack's workbench, with its form inside: state,
 * addresses, buffers. Blank right after allocation; filled in by stage 2.
 */
public final class SocketBoxView extends VBox {
    private final Label heading = new Label();
    private final Label stateName = new Label();
    private final Label addressesName = new Label();
    private final Label buffersName = new Label();
    private final Label state = new Label();
    private final Label addresses = new Label();
    private final Label buffers = new Label();
    private final GridPane form = new GridPane();

    public SocketBoxView() {
        getStyleClass().add("socket-box");
        heading.setGraphic(Icons.icon(Icons.BOX));
        heading.getStyleClass().add("socket-box-heading");
        form.getStyleClass().add("socket-form");
        Label formIcon = new Label(null, Icons.icon(Icons.FORM));
        formIcon.getStyleClass().add("form-icon");
        int row = 0;
        for (Label[] pair : List.of(new Label[] {stateName, state}, new Label[] {addressesName, addresses},
                new Label[] {buffersName, buffers})) {
            pair[0].getStyleClass().add("form-name");
            pair[0].setMinWidth(USE_PREF_SIZE);
            pair[1].getStyleClass().add("form-value");
            form.addRow(row++, pair[0], pair[1]);
        }
        HBox formLine = new HBox(formIcon, form);
        formLine.getStyleClass().add("socket-form-line");
        getChildren().addAll(heading, formLine);
    }

    /** Shows a control block: blank or filled. */
    public void show(ControlBlock socket, Messages messages, FieldTexts texts) {
        pseudoClassStateChanged(Css.BLANK, socket.isBlank());
        pseudoClassStateChanged(Css.FILLED, !socket.isBlank());
        heading.setText(messages.get("box.heading", socket.slab(), socket.id()));
        stateName.setText(messages.get("form.state"));
        addressesName.setText(messages.get("form.addresses"));
        buffersName.setText(messages.get("form.buffers"));
        state.setText(texts.formState(socket));
        addresses.setText(texts.formAddresses(socket));
        buffers.setText(texts.formBuffers(socket));
    }

    /** The three values, in the order stage 2 writes them (animated one by one). */
    public List<Label> formValues() {
        return List.of(state, addresses, buffers);
    }
}
