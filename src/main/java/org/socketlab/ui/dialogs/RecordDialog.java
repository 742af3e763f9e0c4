// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import org.socketlab.lesson.kernelrun.ProgramRecorder;
import org.socketlab.ui.language.Messages;

/**
 * File › Record a program…: asks for a command line, a working folder and a time limit. The
 * recording itself ({@link ProgramRecorder}) runs elsewhere; this only asks.
 */
final class RecordDialog {
    /** The time limit offered first, in seconds. */
    static final int DEFAULT_SECONDS = 30;

    private RecordDialog() {
    }

    /** What the user asked for: the command line as typed, the folder, the limit. */
    record Answer(String commandLine, Path folder, Duration timeLimit) {
    }

    /** Shows the dialog; empty when it was cancelled. */
    static Optional<Answer> ask(Node owner, Messages messages, String lastCommand, Path lastFolder) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("record.title"));
        dialog.setHeaderText(messages.get("record.header"));
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("record-dialog");
        ButtonType record = new ButtonType(messages.get("record.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("record.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(record, cancel);

        TextField command = new TextField(lastCommand);
        command.getStyleClass().add("record-command");
        command.setPromptText(messages.get("record.command.prompt"));
        command.setPrefColumnCount(36);
        TextField folder = new TextField(lastFolder.toString());
        folder.getStyleClass().add("record-folder");
        Button browse = new Button(messages.get("record.folder.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("record.folder"));
            File start = Path.of(folder.getText()).toFile();
            if (start.isDirectory()) {
                chooser.setInitialDirectory(start);
            }
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getPath());
            }
        });
        HBox.setHgrow(folder, Priority.ALWAYS);
        Spinner<Integer> seconds = new Spinner<>(1, 3600, DEFAULT_SECONDS);
        seconds.setEditable(true);
        seconds.getStyleClass().add("record-limit");
        Label note = new Label(messages.get("record.note"));
        note.setWrapText(true);
        note.getStyleClass().add("record-note");
        note.setMaxWidth(520);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("record.command")), command);
        grid.addRow(1, new Label(messages.get("record.folder")), new HBox(6, folder, browse));
        grid.addRow(2, new Label(messages.get("record.limit")), new HBox(6, seconds, new Label(messages.get("record.seconds"))));
        grid.add(note, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.setOnShown(e -> Platform.runLater(command::requestFocus));
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isEmpty() || answer.get() != record) {
            return Optional.empty();
        }
        return Optional.of(new Answer(command.getText(), Path.of(folder.getText().isBlank() ? "." : folder.getText()),
                Duration.ofSeconds(seconds.getValue())));
    }
}
