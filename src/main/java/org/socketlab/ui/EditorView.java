// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.reactfx.Subscription;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.LessonDraft;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.source.CodeListing;
import org.socketlab.lesson.source.Problem;
import org.socketlab.player.Picture;

/**
 * The lesson's C file in an editor beside the picture (View › Editor): colours, line numbers,
 * the current step's line marked. A short pause after typing compiles the text as the command
 * line would; a lesson goes to the player at the same step, a mistake is underlined and
 * explained while the last good picture stays up.
 */
final class EditorView extends VBox {
    /** How long typing must pause before the text is compiled again. */
    static final Duration PAUSE = Duration.millis(300);
    private static final String CURRENT_STEP = "current-step";
    private static final String TYPO = "typo";

    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final Consumer<Lesson> load;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final CodeArea area = new CodeArea();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label problem = new Label();
    private final StringProperty statusKey = new SimpleStringProperty(this, "statusKey", "editor.ok");
    private final PauseTransition pause = new PauseTransition(PAUSE);
    private final Subscription textChanges;
    /** The lesson this editor last gave the player: the player showing it needs no new text. */
    private Lesson own;
    private LessonOrigin origin = LessonOrigin.NONE;
    private String sourceName = LessonDraft.sourceNameOf(LessonOrigin.NONE);
    /** Which file line each code panel line is, from the last text that compiled; null when read-only. */
    private CodeListing listing;
    private List<Problem> problems = List.of();
    private int markedParagraph = -1;
    private boolean replacing;
    /** Changed since it was opened or saved: the autosave beside the file keeps it. */
    private boolean dirty;

    EditorView(Messages messages, ObservableValue<Lesson> lesson, ObservableValue<Picture> picture,
               Consumer<Lesson> load) {
        this.messages = messages;
        this.picture = picture;
        this.load = load;
        getStyleClass().addAll("panel", "editor-panel");
        title.getStyleClass().add("panel-title");
        status.getStyleClass().add("editor-status");
        status.setWrapText(true);
        problem.getStyleClass().add("editor-problem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        area.getStyleClass().add("lesson-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll, status, problem);
        pause.setOnFinished(e -> {
            autosave();
            compile();
        });
        textChanges = area.plainTextChanges().subscribe(change -> {
            colour();
            if (!replacing) {
                dirty = true;
                pause.playFromStart();
            }
        });
        subscriptions.onChange(() -> {
            if (lesson.getValue() != own) {
                open(lesson.getValue());
            }
        }, lesson);
        subscriptions.onChange(this::showStep, picture);
        subscriptions.onChange(this::showStatus, statusKey, messages.localeProperty());
    }

    /** Puts a lesson's file into the editor, or its code read-only when it has no file to edit. */
    private void open(Lesson lesson) {
        pause.stop();
        String text = LessonDraft.textOf(lesson);
        origin = lesson.origin();
        sourceName = LessonDraft.sourceNameOf(origin);
        problems = List.of();
        String recovered = recoverable(text);
        replacing = true;
        area.replaceText(recovered != null ? recovered : text == null ? String.join("\n", lesson.code()) : text);
        replacing = false;
        dirty = recovered != null;
        area.getUndoManager().forgetHistory();
        area.setEditable(text != null);
        listing = null;
        if (text != null && LessonDraft.compile(sourceName, text, origin) instanceof LessonDraft.Compiled compiled) {
            listing = compiled.listing();
        }
        own = lesson;
        statusKey.set(text == null ? "editor.readOnly" : recovered != null ? "editor.recovered" : "editor.ok");
        markedParagraph = -1;
        showStep();
        if (recovered != null) {
            pause.playFromStart();
        }
    }

    /** Compiles the text now: the player gets the lesson, or the mistakes are marked. */
    void compile() {
        pause.stop();
        LessonDraft.Outcome outcome = LessonDraft.compile(sourceName, area.getText(), origin);
        if (outcome instanceof LessonDraft.Compiled compiled) {
            problems = List.of();
            listing = compiled.listing();
            own = compiled.lesson();
            if (!"editor.recovered".equals(statusKey.get()) || !dirty) {
                statusKey.set("editor.ok");
            }
            problem.setText("");
            colour();
            load.accept(compiled.lesson());
            showStep();
        } else if (outcome instanceof LessonDraft.Broken broken) {
            problems = broken.problems();
            statusKey.set("editor.broken");
            problem.setText(broken.message());
            colour();
        }
    }

    private void showStatus() {
        title.setText(messages.get("editor.title"));
        status.setText(messages.get(statusKey.get()));
        status.pseudoClassStateChanged(Css.ERROR, "editor.broken".equals(statusKey.get()));
        problem.setVisible(!problems.isEmpty());
        problem.setManaged(!problems.isEmpty());
    }

    /** Syntax colours over the whole text, then the mistakes underlined. */
    private void colour() {
        String text = area.getText();
        area.setStyleSpans(0, CSyntax.spans(text));
        for (Problem p : problems) {
            int[] range = rangeOf(p);
            if (range != null) {
                StyleSpans<Collection<String>> spans = area.getStyleSpans(range[0], range[1]);
                area.setStyleSpans(range[0], spans.mapStyles(styles -> {
                    List<String> more = new java.util.ArrayList<>(styles);
                    more.add(TYPO);
                    return more;
                }));
            }
        }
        showStatus();
    }

    /** The characters a problem points at: its column to the end of the word there, at least one. */
    private int[] rangeOf(Problem p) {
        int paragraph = p.line() - 1;
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return null;
        }
        String line = area.getParagraph(paragraph).getText();
        if (line.isEmpty()) {
            return null;
        }
        int codePoints = line.codePointCount(0, line.length());
        int column = Math.min(p.column() - 1, codePoints - 1);
        int from = line.offsetByCodePoints(0, column);
        int to = from + 1;
        if (Character.isJavaIdentifierPart(line.charAt(from))) {
            while (to < line.length() && Character.isJavaIdentifierPart(line.charAt(to))) {
                to++;
            }
        }
        int start = area.getAbsolutePosition(paragraph, from);
        return new int[] {start, start + (to - from)};
    }

    /** Marks the file line of the current step. */
    private void showStep() {
        if (markedParagraph >= 0 && markedParagraph < area.getParagraphs().size()) {
            area.setParagraphStyle(markedParagraph, List.of());
        }
        markedParagraph = -1;
        int line = picture.getValue().codeLine();
        if (listing == null || line < 0 || line >= listing.sourceLines().size()) {
            return;
        }
        int paragraph = listing.sourceLines().get(line) - 1;
        if (paragraph < area.getParagraphs().size()) {
            markedParagraph = paragraph;
            area.setParagraphStyle(paragraph, List.of(CURRENT_STEP));
            if (!area.isFocused()) {
                area.showParagraphInViewport(paragraph);
            }
        }
    }

    /** The file the text is saved to by Save, or null when it has none yet (a template, a built-in lesson). */
    java.nio.file.Path file() {
        return origin instanceof LessonOrigin.File f && org.socketlab.lesson.loading.LessonLoader.isLessonFile(f.path())
                ? f.path() : null;
    }

    /** The text as a program to run for real, or null when the lesson has no C file (a recorded trace). */
    String programText() {
        return area.isEditable() ? area.getText() : null;
    }

    /** The name the lesson's file goes by in messages ("three-stages.c", "/home/me/lab.c"). */
    String sourceName() {
        return sourceName;
    }

    /** The name Save As suggests. */
    String suggestedName() {
        String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        return name.endsWith(".c") ? name : name + ".c";
    }

    /**
     * Saves the text to a file, whole or not at all (a temporary file beside it, then a move);
     * from then on the lesson lives in that file.
     */
    void saveTo(java.nio.file.Path target) throws org.socketlab.export.ExportException {
        byte[] bytes = area.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.socketlab.export.AtomicFileWriter.write(target, true, out -> out.write(bytes));
        java.nio.file.Path before = file();
        if (before != null) {
            deleteQuietly(autosaveOf(before));
        }
        deleteQuietly(autosaveOf(target));
        dirty = false;
        statusKey.set("editor.ok");
        origin = new LessonOrigin.File(target);
        sourceName = LessonDraft.sourceNameOf(origin);
        compile();
    }

    /** Where unsaved changes to a lesson file are kept: {@code .NAME.c.autosave} beside it. */
    static java.nio.file.Path autosaveOf(java.nio.file.Path file) {
        return file.resolveSibling("." + file.getFileName() + ".autosave");
    }

    /** The text of an autosave left beside the file (a crash, a window closed unsaved), when it differs. */
    private String recoverable(String text) {
        java.nio.file.Path file = text == null ? null : file();
        if (file == null || !java.nio.file.Files.isRegularFile(autosaveOf(file))) {
            return null;
        }
        try {
            String saved = java.nio.file.Files.readString(autosaveOf(file), java.nio.charset.StandardCharsets.UTF_8);
            return saved.equals(text) ? null : saved;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** Keeps unsaved changes beside the lesson's file, whole or not at all. */
    private void autosave() {
        java.nio.file.Path file = file();
        if (!dirty || file == null) {
            return;
        }
        byte[] bytes = area.getText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            org.socketlab.export.AtomicFileWriter.write(autosaveOf(file), true, out -> out.write(bytes));
        } catch (org.socketlab.export.ExportException e) {
            // The text is still in the editor; the next pause tries again.
        }
    }

    private static void deleteQuietly(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // an autosave that cannot be removed is offered again, and can be saved over
        }
    }

    /** True while the user types in the editor: the window's keys leave it alone. */
    boolean isTyping() {
        return getScene() != null && area.isFocused();
    }

    /** Gives the editor the keyboard. */
    void focusEditor() {
        area.requestFocus();
    }

    CodeArea area() {
        return area;
    }

    /** The compiler's messages shown under the editor, or "" when the text compiles. */
    String problemText() {
        return problem.getText();
    }

    /** The 0-based paragraph marked as the current step's line, or -1. */
    int markedParagraph() {
        return markedParagraph;
    }

    void dispose() {
        pause.stop();
        textChanges.unsubscribe();
        subscriptions.release();
    }
}
