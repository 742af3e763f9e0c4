// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Worker;
import javafx.geometry.Dimension2D;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.util.StringConverter;
import org.socketlab.codec.Paper;
import org.socketlab.ui.language.Messages;

/**
 * The export dialogs: how a picture or a lesson should be exported, whether to replace
 * files, and the progress of a long export with its Cancel button. They only ask; the app
 * layer does the exporting.
 */
public final class ExportDialogs {
    /** The sampling rates the lesson dialog offers for an animated GIF (0: one frame per step). */
    static final List<Integer> GIF_RATES = List.of(0, 10, 15, 20);

    private ExportDialogs() {
    }

    /**
     * Asks how to export the current picture (step {@code step}); empty when cancelled.
     *
     * @param canvas the lesson canvas's size, for the size shown at each scale
     * @param window the window's size
     */
    public static Optional<PictureChoice> askPicture(Node owner, Messages messages, PictureChoice initial, int step,
                                                     Dimension2D canvas, Dimension2D window) {
        PictureOptionsForm form = new PictureOptionsForm(messages, initial, canvas, window);
        GridPane grid = grid();
        form.addTo(grid, messages, 0);
        ButtonType save = new ButtonType(messages.get("export.choose"), ButtonBar.ButtonData.OK_DONE);
        Dialog<PictureChoice> dialog = dialog(owner, messages.get("export.picture.title"),
                messages.get("export.picture.header", step), grid, save, cancel(messages));
        dialog.setResultConverter(button -> button == save ? form.choice() : null);
        return dialog.showAndWait();
    }

    /** Asks what to export of the lesson {@code title}; empty when cancelled. */
    public static Optional<LessonExportChoice> askLesson(Node owner, Messages messages, PictureChoice initial,
                                                         String title, Dimension2D canvas, Dimension2D window) {
        CheckBox pngs = checkBox("export-pngs", messages.get("export.format.png"), true);
        CheckBox gif = checkBox("export-gif", messages.get("export.format.gif"), true);
        CheckBox sheet = checkBox("export-sheet", messages.get("export.format.sheet"), true);
        CheckBox pdf = checkBox("export-pdf", messages.get("export.format.pdf"), true);
        ChoiceBox<Paper> paper = new ChoiceBox<>();
        paper.setId("export-paper");
        paper.getItems().setAll(Paper.values());
        paper.setValue(Paper.A4);
        paper.setConverter(new StringConverter<>() {
            @Override
            public String toString(Paper p) {
                return p == null ? "" : messages.get("export.paper." + p.id());
            }

            @Override
            public Paper fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        paper.disableProperty().bind(pdf.selectedProperty().not());
        ChoiceBox<Integer> rate = new ChoiceBox<>();
        rate.setId("export-fps");
        rate.getItems().setAll(GIF_RATES);
        rate.setValue(0);
        rate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer fps) {
                return fps == null ? "" : fps == 0 ? messages.get("export.gif.perStep")
                        : messages.get("export.gif.fps", fps);
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        rate.disableProperty().bind(gif.selectedProperty().not());
        PictureOptionsForm form = new PictureOptionsForm(messages, initial, canvas, window);
        GridPane grid = grid();
        VBox files = new VBox(pngs, gif, sheet, pdf);
        files.getStyleClass().add("export-files");
        Label filesLabel = PictureOptionsForm.label(messages, "export.files");
        GridPane.setValignment(filesLabel, VPos.TOP);
        grid.addRow(0, filesLabel, files);
        grid.addRow(1, PictureOptionsForm.label(messages, "export.gif.timing"), rate);
        grid.addRow(2, PictureOptionsForm.label(messages, "export.paper"), paper);
        form.addTo(grid, messages, 3);
        ButtonType next = new ButtonType(messages.get("export.chooseFolder"), ButtonBar.ButtonData.OK_DONE);
        Dialog<LessonExportChoice> dialog = dialog(owner, messages.get("export.lesson.title"),
                messages.get("export.lesson.header", title), grid, next, cancel(messages));
        Node nextButton = dialog.getDialogPane().lookupButton(next);
        nextButton.disableProperty().bind(pngs.selectedProperty().or(gif.selectedProperty())
                .or(sheet.selectedProperty()).or(pdf.selectedProperty()).not());
        dialog.setResultConverter(button -> button == next ? new LessonExportChoice(pngs.isSelected(),
                gif.isSelected(), sheet.isSelected(), pdf.isSelected(), paper.getValue(), rate.getValue(),
                form.choice()) : null);
        return dialog.showAndWait();
    }

    /** Asks before replacing {@code existing} files in {@code folder}: true means replace. */
    public static boolean confirmReplace(Node owner, Messages messages, Path folder, List<Path> existing) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        own(alert, owner);
        ButtonType replace = new ButtonType(messages.get("export.replace.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = cancel(messages);
        alert.getButtonTypes().setAll(replace, keep);
        alert.setTitle(messages.get("export.replace.title"));
        alert.setHeaderText(messages.get("export.replace.header", existing.size(), folder));
        alert.setContentText(messages.get("export.replace.text", existing.get(0).getFileName(), existing.size()));
        // Replacing is never the default: Enter keeps the files.
        ((Button) alert.getDialogPane().lookupButton(replace)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == replace).isPresent();
    }

    /**
     * Shows the progress of {@code worker} with a Cancel button, and closes when it ends. Not
     * modal: the window stays usable while the export runs.
     */
    public static Dialog<Void> progress(Node owner, Messages messages, String title, Worker<?> worker) {
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.progressProperty().bind(worker.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label header = new Label(messages.get("export.progress.header", title));
        Label count = new Label();
        count.setId("export-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> worker.getTotalWork() > 0 ? messages.get("export.progress.count",
                        (long) worker.getWorkDone(), (long) worker.getTotalWork()) : "",
                worker.workDoneProperty(), worker.totalWorkProperty()));
        VBox content = new VBox(header, bar, count);
        content.getStyleClass().add("export-progress");
        Dialog<Void> dialog = new Dialog<>();
        own(dialog, owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(messages.get("export.progress.title"));
        dialog.getDialogPane().setContent(content);
        ButtonType cancel = new ButtonType(messages.get("export.progress.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(cancel);
        dialog.setOnCloseRequest(e -> worker.cancel());
        worker.runningProperty().subscribe(running -> {
            if (!running && worker.getState() != Worker.State.READY && worker.getState() != Worker.State.SCHEDULED) {
                dialog.setOnCloseRequest(null);
                dialog.close();
            }
        });
        dialog.show();
        return dialog;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("export-form");
        return grid;
    }

    private static CheckBox checkBox(String id, String text, boolean selected) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(selected);
        return box;
    }

    private static ButtonType cancel(Messages messages) {
        return new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static <T> Dialog<T> dialog(Node owner, String title, String header, Node content, ButtonType ok,
                                        ButtonType cancel) {
        Dialog<T> dialog = new Dialog<>();
        own(dialog, owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        return dialog;
    }

    private static void own(Dialog<?> dialog, Node owner) {
        if (owner.getScene() != null) {
            dialog.initOwner(owner.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
    }
}
