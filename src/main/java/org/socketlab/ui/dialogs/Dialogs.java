// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.ui.common.WindowKeys;
import org.socketlab.ui.language.Messages;

/** The window's small dialogs: keyboard shortcuts, about, and error messages. */
public final class Dialogs {
    /** A titled group of Help › Keyboard shortcuts: the title's message key and its rows. */
    public record ShortcutSection(String title, List<WindowKeys.Shortcut> shortcuts) {
        public ShortcutSection {
            shortcuts = List.copyOf(shortcuts);
        }
    }

    private Dialogs() {
    }

    /**
     * Help › Keyboard shortcuts: each section a title and rows of keys (as this system writes them)
     * and what they do; the first sections in a column on the left, the last (the menus) on the right.
     */
    public static void keyboardShortcuts(Node owner, Messages messages, List<ShortcutSection> sections) {
        GridPane left = shortcutColumn(messages, sections.subList(0, sections.size() - 1));
        GridPane right = shortcutColumn(messages, sections.subList(sections.size() - 1, sections.size()));
        HBox columns = new HBox(left, right);
        columns.getStyleClass().add("shortcut-columns");
        Alert alert = alert(owner, Alert.AlertType.INFORMATION, messages.get("menu.help.keys"));
        alert.getDialogPane().setContent(columns);
        alert.show();
    }

    /** One grid, so the keys and their meanings line up across the column's sections. */
    private static GridPane shortcutColumn(Messages messages, List<ShortcutSection> sections) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        int row = 0;
        for (ShortcutSection section : sections) {
            Label title = new Label(messages.get(section.title()));
            title.getStyleClass().add("shortcut-section");
            grid.add(title, 0, row++, 2, 1);
            for (WindowKeys.Shortcut shortcut : section.shortcuts()) {
                Label keys = new Label(shortcut.keysText());
                keys.getStyleClass().add("shortcut-keys");
                // A menu item's "…" promises a dialog; in this list it would read as cut-off text.
                String meaning = messages.get(shortcut.meaning()).replaceFirst("(\\.\\.\\.|…+)$", "");
                grid.addRow(row++, keys, new Label(meaning));
            }
        }
        return grid;
    }

    /** What the app is, and the versions and settings file to quote when asking for help. */
    public static void about(Node owner, Messages messages, About about) {
        Alert alert = alert(owner, Alert.AlertType.INFORMATION, messages.get("menu.help.about"));
        alert.setHeaderText(messages.get("about.header", about.version()));
        Label text = new Label(messages.get("about.text"));
        text.setWrapText(true);
        VBox facts = new VBox(text, fact("about-java", about.javaLine(messages)),
                fact("about-javafx", about.javafxLine(messages)), fact("about-settings", about.settingsLine(messages)));
        facts.getStyleClass().add("about-facts");
        alert.getDialogPane().setContent(facts);
        alert.show();
    }

    private static Label fact(String styleClass, String text) {
        Label fact = new Label(text);
        fact.getStyleClass().addAll("about-fact", styleClass);
        fact.setWrapText(true);
        return fact;
    }

    /** Tells the user something went wrong, in words they can act on. */
    public static void error(Node owner, Messages messages, String title, String message) {
        Alert alert = alert(owner, Alert.AlertType.ERROR, title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.show();
    }

    /**
     * Explains why a file could not be used: a summary, and the details (file:line:column, the
     * line, a caret and a hint) in a monospace box that can be selected and copied.
     */
    public static void problem(Node owner, Messages messages, String title, String summary, String details) {
        Alert alert = alert(owner, Alert.AlertType.ERROR, title);
        alert.setHeaderText(title);
        alert.setContentText(summary);
        if (details != null && !details.isBlank() && !details.equals(summary)) {
            TextArea box = new TextArea(details);
            box.getStyleClass().add("problem-details");
            box.setEditable(false);
            box.setWrapText(false);
            box.setPrefColumnCount(80);
            box.setPrefRowCount(Math.min(14, (int) details.lines().count() + 1));
            alert.getDialogPane().setExpandableContent(box);
            alert.getDialogPane().setExpanded(true);
        }
        alert.show();
    }

    /**
     * The report of a replayed strace log: how many calls, how often the model and the kernel
     * disagreed, the warnings with their line numbers, and the calls that are listed but not animated.
     */
    public static void replayReport(Node owner, Messages messages, Replay replay) {
        if (replay == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ReplayWarning w : replay.warnings()) {
            text.append(messages.get("replay.warningLine", w.line(), warningText(messages, w))).append('\n');
        }
        if (!replay.notAnimated().isEmpty()) {
            text.append('\n').append(messages.get("replay.notAnimated")).append('\n');
            replay.notAnimated().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> text.append("  ").append(e.getKey()).append("() \u00d7 ").append(e.getValue()).append('\n'));
        }
        Alert alert = alert(owner, Alert.AlertType.INFORMATION, messages.get("replay.title"));
        alert.setHeaderText(messages.get("replay.summary", replay.calls().size(), replay.lineCount(),
                replay.mismatches(), replay.disagreements(), replay.warnings().size()));
        TextArea box = new TextArea(text.toString());
        box.getStyleClass().add("problem-details");
        box.setEditable(false);
        box.setPrefColumnCount(90);
        box.setPrefRowCount(16);
        alert.getDialogPane().setContent(box);
        alert.show();
    }

    /** A replay's warning as a sentence in the window's language. */
    static String warningText(Messages messages, ReplayWarning warning) {
        return messages.get("replay.warning." + warning.kind().name(), warning.args().toArray());
    }

    /**
     * A big log loading: {@code header} (which log, opened or reloaded), what the loading does now
     * and a progress bar, with Cancel. Cancel (or closing the window) runs {@code cancel}; the
     * returned action closes it without.
     */
    public static Runnable loading(Node owner, Messages messages, String header, ReadOnlyDoubleProperty progress,
                                   ReadOnlyStringProperty doing, Runnable cancel) {
        Alert alert = new Alert(Alert.AlertType.NONE, "",
                new ButtonType(messages.get("open.loading.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.setTitle(messages.get("open.loading.title"));
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setHeaderText(header);
        Label now = new Label();
        now.getStyleClass().add("loading-stage");
        now.textProperty().bind(doing);
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("loading-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(420);
        bar.progressProperty().bind(progress);
        VBox content = new VBox(8, now, bar);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStyleClass().add("loading-dialog");
        boolean[] closedByUs = {false};
        alert.setOnHidden(e -> {
            now.textProperty().unbind();
            bar.progressProperty().unbind();
            if (!closedByUs[0]) {
                cancel.run();
            }
        });
        alert.show();
        return () -> {
            closedByUs[0] = true;
            alert.close();
        };
    }

    /** Asks before doing something that cannot be undone; does it on OK. */
    public static void confirm(Node owner, Messages messages, String question, Runnable action) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, messages.get("app.title"));
        alert.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(question);
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> action.run());
    }

    /** Asks before doing something, with the details under the question; does it on OK. */
    public static void confirm(Node owner, Messages messages, String question, String details, Runnable action) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, messages.get("app.title"));
        alert.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(question);
        Label text = new Label(details);
        text.setWrapText(true);
        text.setPrefWidth(480);
        text.getStyleClass().add("confirm-details");
        alert.getDialogPane().setContent(text);
        alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> action.run());
    }

    /**
     * Work going on (an indeterminate bar) with one button that stops it: the button (or closing
     * the dialog) runs {@code stop}; the returned action closes it without.
     */
    public static Runnable working(Node owner, String title, String header, String stopLabel, Runnable stop) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", new ButtonType(stopLabel, ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.setTitle(title);
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setHeaderText(header);
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setPrefWidth(420);
        alert.getDialogPane().setContent(bar);
        alert.getDialogPane().getStyleClass().add("working-dialog");
        boolean[] closedByUs = {false};
        alert.setOnHidden(e -> {
            if (!closedByUs[0]) {
                stop.run();
            }
        });
        alert.show();
        return () -> {
            closedByUs[0] = true;
            alert.close();
        };
    }

    /** Asks a question with the given answers; empty when the dialog was closed without one. */
    public static Optional<ButtonType> ask(Node owner, Messages messages, String question, String details,
                                                     ButtonType... answers) {
        Alert alert = alert(owner, Alert.AlertType.CONFIRMATION, messages.get("app.title"));
        alert.getButtonTypes().setAll(answers);
        alert.setHeaderText(question);
        alert.setContentText(details);
        alert.getDialogPane().getStyleClass().add("ask-dialog");
        return alert.showAndWait();
    }

    private static Alert alert(Node owner, Alert.AlertType type, String title) {
        Alert alert = new Alert(type, "", ButtonType.OK);
        alert.setTitle(title);
        alert.setHeaderText(null);
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        return alert;
    }
}
