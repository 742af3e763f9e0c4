// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;

/** The lesson's code, one line per row, with the line being executed highlighted. */
final class CodeView extends VBox {
    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(lines);
    private final Label title = new Label(null, Icons.icon(Icons.APPLICATION));
    private int currentLine = -1;

    CodeView(Messages messages, ObservableValue<Lesson> lesson, ObservableValue<Picture> picture) {
        this.messages = messages;
        this.picture = picture;
        getStyleClass().addAll("panel", "code-panel");
        title.getStyleClass().add("panel-title");
        list.getStyleClass().add("code-list");
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new CodeCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        subscriptions.onChange(() -> lines.setAll(lesson.getValue().code()), lesson);
        subscriptions.onChange(this::show, picture, messages.localeProperty());
    }

    private void show() {
        title.setText(messages.get("code.title"));
        currentLine = picture.getValue().codeLine();
        list.refresh();
        if (currentLine >= 0 && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            // Straight to the flow: ListView.scrollTo's event keeps a replaced view reachable.
            flow.scrollTo(Math.max(0, currentLine - 2));
        }
    }

    /** The highlighted line, or -1. */
    int currentLine() {
        return currentLine;
    }

    private final class CodeCell extends ListCell<String> {
        private final Label number = new Label();

        CodeCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            // Long lines wrap inside the panel, indented past the line number.
            setWrapText(true);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            number.setText(empty ? "" : Integer.toString(getIndex() + 1));
            setGraphic(empty ? null : number);
            setText(empty ? null : line);
            pseudoClassStateChanged(Css.CURRENT, !empty && getIndex() == currentLine);
        }
    }

    void dispose() {
        subscriptions.release();
    }
}
