// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.editor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.reactfx.Subscription;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.loading.LessonDraft;
import org.socketlab.lesson.loading.LessonLoader;
import org.socketlab.lesson.source.CodeListing;
import org.socketlab.lesson.source.Problem;
import org.socketlab.player.Picture;
import org.socketlab.saving.AtomicFileWriter;
import org.socketlab.saving.ExportException;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.common.WindowKeys;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/**
 * The lesson's C file in an editor beside the picture (View › Editor): colours, line numbers,
 * the current step's line marked. A short pause after typing compiles the text as the command
 * line would; a lesson goes to the player at the same step, a mistake is underlined and
 * explained while the last good picture stays up.
 */
public final class EditorView extends VBox {
    /** How long typing must pause before the text is compiled again. */
    static final Duration PAUSE = Duration.millis(300);
    private static final String CURRENT_STEP = "current-step";
    private static final String TYPO = "typo";
    private static final String FIND_MATCH = "find-match";

    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final Consumer<Lesson> load;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final CodeArea area = new CodeArea();
    private final Label title = new Label();
    private final Label status = new Label();
    private final Label problem = new Label();
    /** Find (Ctrl+F): the text to look for, Next, Previous, how many, Close; Esc closes it. */
    private final HBox findBar = new HBox(6);
    private final TextField findField = new TextField();
    private final Button findNext = new Button();
    private final Button findPrevious = new Button();
    private final Button findClose = new Button();
    private final Label findCount = new Label();
    private final EventHandler<KeyEvent> findKeyFilter = this::onFindKey;
    private final WindowKeys findKeys = findKeyTable();
    /** Where the text looked for occurs (start offsets), while Find is open. */
    private List<Integer> found = List.of();
    private int foundIndex = -1;
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
    /** Compiles run one at a time on a thread of their own, never on the JavaFX thread. */
    private static final ExecutorService COMPILER =
            Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "socket-lab-editor-compile");
                thread.setDaemon(true);
                return thread;
            });
    /** The number of the latest compile asked for: only its outcome is shown. */
    private final AtomicLong compiles = new AtomicLong();
    private boolean disposed;
    /** Changed since it was opened or saved: the autosave beside the file keeps it. */
    private boolean dirty;

    public EditorView(Messages messages, ObservableValue<Lesson> lesson, ObservableValue<Picture> picture,
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
        problem.setMinHeight(Region.USE_PREF_SIZE);
        area.getStyleClass().add("lesson-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        findBar.getStyleClass().add("find-bar");
        findBar.setAlignment(Pos.CENTER_LEFT);
        findField.getStyleClass().add("find-field");
        HBox.setHgrow(findField, Priority.ALWAYS);
        findCount.getStyleClass().add("find-count");
        findCount.setMinWidth(Region.USE_PREF_SIZE);
        findPrevious.getStyleClass().add("find-previous");
        findPrevious.setGraphic(Icons.icon("mdi2c-chevron-up"));
        findNext.getStyleClass().add("find-next");
        findNext.setGraphic(Icons.icon("mdi2c-chevron-down"));
        findClose.getStyleClass().add("find-close");
        findPrevious.setOnAction(e -> findStep(-1));
        findNext.setOnAction(e -> findStep(1));
        findClose.setOnAction(e -> closeFind());
        Label findIcon = new Label(null, Icons.icon(Icons.FIND));
        findBar.getChildren().addAll(findIcon, findField, findCount, findPrevious, findNext, findClose);
        findBar.setVisible(false);
        findBar.setManaged(false);
        getChildren().addAll(title, findBar, scroll, status, problem);
        addEventFilter(KeyEvent.KEY_PRESSED, findKeyFilter);
        findField.textProperty().addListener((o, was, now) -> {
            find(now, true);
        });
        pause.setOnFinished(e -> {
            autosave();
            compile();
        });
        textChanges = area.plainTextChanges().subscribe(change -> {
            colourParagraphs(change.getPosition(), change.getInsertionEnd());
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
        compiles.incrementAndGet(); // a compile of the text before is of no use now
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

    /**
     * Compiles the text now, off the JavaFX thread: the player gets the lesson, or the mistakes are
     * marked. Latest wins: a result arrives only if no newer compile was asked for meanwhile, and a
     * compile still waiting when a newer one is asked for never runs.
     */
    public void compile() {
        pause.stop();
        String text = area.getText();
        String name = sourceName;
        LessonOrigin from = origin;
        long version = compiles.incrementAndGet();
        COMPILER.execute(() -> {
            if (compiles.get() != version) {
                return; // a newer text is on its way
            }
            LessonDraft.Outcome outcome = LessonDraft.compile(name, text, from);
            Platform.runLater(() -> {
                if (compiles.get() == version && !disposed) {
                    show(outcome);
                }
            });
        });
    }

    /** Puts a compile's outcome on the screen (the JavaFX thread). */
    private void show(LessonDraft.Outcome outcome) {
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
        findField.setPromptText(messages.get("find.prompt"));
        findPrevious.setTooltip(new Tooltip(messages.get("find.previous")));
        findNext.setTooltip(new Tooltip(messages.get("find.next")));
        findClose.setText(messages.get("find.close"));
        status.setText(messages.get(statusKey.get()));
        status.pseudoClassStateChanged(Css.ERROR, "editor.broken".equals(statusKey.get()));
        problem.setVisible(!problems.isEmpty());
        problem.setManaged(!problems.isEmpty());
    }

    /** Syntax colours over the whole text, then the mistakes underlined. */
    private void colour() {
        String text = area.getText();
        area.setStyleSpans(0, CSyntax.spans(text));
        String looked = findBar.isVisible() ? findField.getText() : "";
        for (int from : found) {
            if (!looked.isEmpty() && from + looked.length() <= text.length()) {
                addStyle(from, from + looked.length(), FIND_MATCH);
            }
        }
        for (Problem p : problems) {
            int[] range = rangeOf(p);
            if (range != null) {
                StyleSpans<Collection<String>> spans = area.getStyleSpans(range[0], range[1]);
                area.setStyleSpans(range[0], spans.mapStyles(styles -> {
                    List<String> more = new ArrayList<>(styles);
                    more.add(TYPO);
                    return more;
                }));
            }
        }
        showStatus();
    }

    /**
     * After a key: colours over the paragraphs the change touched only (a 2,000-line lesson costs
     * milliseconds to colour whole, too much for every key; docs/BENCHMARKS.md). The whole text is
     * coloured again, with the mistakes and Find's matches, when a compile's outcome arrives.
     */
    private void colourParagraphs(int changeStart, int changeEnd) {
        int first = area.offsetToPosition(changeStart, org.fxmisc.richtext.model.TwoDimensional.Bias.Backward)
                .getMajor();
        int last = area.offsetToPosition(Math.min(changeEnd, area.getLength()),
                org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int from = area.getAbsolutePosition(first, 0);
        int to = area.getAbsolutePosition(last, area.getParagraphLength(last));
        if (to > from) {
            area.setStyleSpans(from, CSyntax.spans(area.getText(from, to)));
        }
    }

    private void addStyle(int from, int to, String style) {
        StyleSpans<Collection<String>> spans = area.getStyleSpans(from, to);
        area.setStyleSpans(from, spans.mapStyles(styles -> {
            List<String> more = new ArrayList<>(styles);
            more.add(style);
            return more;
        }));
    }

    /** Find (Ctrl+F): shows the find bar with the selected text, or what was looked for last. */
    void openFind() {
        String selected = area.getSelectedText();
        findBar.setVisible(true);
        findBar.setManaged(true);
        if (!selected.isEmpty() && !selected.contains("\n")) {
            findField.setText(selected);
        }
        findField.requestFocus();
        findField.selectAll();
        find(findField.getText(), false);
    }

    /** Esc or Close: the bar goes, the highlights go, the caret stays at the last match. */
    void closeFind() {
        findBar.setVisible(false);
        findBar.setManaged(false);
        found = List.of();
        foundIndex = -1;
        colour();
        area.requestFocus();
    }

    public boolean isFindOpen() {
        return findBar.isVisible();
    }

    /** The text's places where {@code what} occurs, highlighted; the first at or after the caret selected. */
    private void find(String what, boolean fromCaret) {
        if (!findBar.isVisible()) {
            return;
        }
        List<Integer> places = new ArrayList<>();
        String text = area.getText();
        if (!what.isEmpty()) {
            for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + Math.max(1, what.length()))) {
                places.add(i);
            }
        }
        found = List.copyOf(places);
        foundIndex = -1;
        int caret = fromCaret ? area.getSelection().getStart() : area.getCaretPosition();
        for (int i = 0; i < found.size() && foundIndex < 0; i++) {
            if (found.get(i) >= caret) {
                foundIndex = i;
            }
        }
        if (foundIndex < 0 && !found.isEmpty()) {
            foundIndex = 0;
        }
        colour();
        selectFound();
    }

    /** Next (+1, Enter, F3) or Previous (-1, Shift+Enter, Shift+F3), round the end of the text. */
    void findStep(int direction) {
        if (found.isEmpty()) {
            return;
        }
        foundIndex = Math.floorMod(foundIndex + direction, found.size());
        selectFound();
    }

    private void selectFound() {
        String what = findField.getText();
        if (foundIndex >= 0) {
            int from = found.get(foundIndex);
            area.selectRange(from, from + what.length());
            area.requestFollowCaret();
            findCount.setText(messages.get("find.count", foundIndex + 1, found.size()));
        } else {
            findCount.setText(what.isEmpty() ? "" : messages.get("find.none"));
        }
        findCount.pseudoClassStateChanged(Css.ERROR, !what.isEmpty() && found.isEmpty());
    }

    private void onFindKey(KeyEvent event) {
        if (findKeys.handle(event, false)) {
            event.consume();
        }
    }

    /**
     * Find's keys and what each does, as Help › Keyboard shortcuts lists them, without building an
     * editor: the same table the editor answers with.
     */
    public static List<WindowKeys.Shortcut> findShortcuts() {
        BooleanSupplier none = () -> false;
        return findKeyTable(() -> { }, none, none, none, none, none).shortcuts();
    }

    private WindowKeys findKeyTable() {
        return findKeyTable(this::openFind, inFindField(() -> findStep(1)), whileFinding(() -> findStep(1)),
                inFindField(() -> findStep(-1)), whileFinding(() -> findStep(-1)), whileFinding(this::closeFind));
    }

    private static WindowKeys findKeyTable(Runnable open, BooleanSupplier nextInField, BooleanSupplier next,
                                           BooleanSupplier previousInField, BooleanSupplier previous,
                                           BooleanSupplier close) {
        return new WindowKeys(List.of(
                new WindowKeys.Key(WindowKeys.shortcut(KeyCode.F), "keys.find.open", WindowKeys.always(open)),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.ENTER), "keys.find.next", nextInField),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.F3), "keys.find.next", next),
                new WindowKeys.Key(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHIFT_DOWN), "keys.find.previous",
                        previousInField),
                new WindowKeys.Key(new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN), "keys.find.previous",
                        previous),
                new WindowKeys.Key(WindowKeys.plain(KeyCode.ESCAPE), "keys.find.close", close)));
    }

    /** Takes the key only while the find bar shows. */
    private BooleanSupplier whileFinding(Runnable action) {
        return WindowKeys.when(findBar::isVisible, action);
    }

    /** Takes the key only while the find field has the keyboard. */
    private BooleanSupplier inFindField(Runnable action) {
        return WindowKeys.when(findField::isFocused, action);
    }

    /** How many places Find found, and which is selected ("2 of 5"), or "" when it is closed. */
    public String findCountText() {
        return findBar.isVisible() ? findCount.getText() : "";
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
    public Path file() {
        return origin instanceof LessonOrigin.File f && LessonLoader.isLessonFile(f.path())
                ? f.path() : null;
    }

    /** The text as a program to run for real, or null when the lesson has no C file (a recorded trace). */
    public String programText() {
        return area.isEditable() ? area.getText() : null;
    }

    /** The name the lesson's file goes by in messages ("three-stages.c", "/home/me/lab.c"). */
    public String sourceName() {
        return sourceName;
    }

    /** True when the text has changes no Save has written (the question on close asks about them). */
    public boolean isDirty() {
        return dirty;
    }

    /** The user threw the changes away: the autosave beside the file goes too. */
    public void discard() {
        pause.stop();
        Path file = file();
        if (file != null) {
            deleteQuietly(autosaveOf(file));
        }
        dirty = false;
    }

    /** The name Save As suggests. */
    public String suggestedName() {
        String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        return name.endsWith(".c") ? name : name + ".c";
    }

    /**
     * Saves the text to a file, whole or not at all (a temporary file beside it, then a move);
     * from then on the lesson lives in that file.
     */
    public void saveTo(Path target) throws ExportException {
        byte[] bytes = area.getText().getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(target, true, out -> out.write(bytes));
        Path before = file();
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

    /**
     * True when a lesson's file has an autosave beside it: an editor opened on the lesson would
     * bring the unsaved changes back (so the window builds its editor for it even while hidden).
     */
    public static boolean hasDraftToRecover(Lesson lesson) {
        return lesson != null && lesson.origin() instanceof LessonOrigin.File f
                && LessonLoader.isLessonFile(f.path())
                && Files.isRegularFile(autosaveOf(f.path()));
    }

    /** Where unsaved changes to a lesson file are kept: {@code .NAME.c.autosave} beside it. */
    public static Path autosaveOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".autosave");
    }

    /** The text of an autosave left beside the file (a crash, a window closed unsaved), when it differs. */
    private String recoverable(String text) {
        Path file = text == null ? null : file();
        if (file == null || !Files.isRegularFile(autosaveOf(file))) {
            return null;
        }
        try {
            String saved = Files.readString(autosaveOf(file), StandardCharsets.UTF_8);
            return saved.equals(text) ? null : saved;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** Keeps unsaved changes beside the lesson's file, whole or not at all. */
    private void autosave() {
        Path file = file();
        if (!dirty || file == null) {
            return;
        }
        byte[] bytes = area.getText().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFileWriter.write(autosaveOf(file), true, out -> out.write(bytes));
        } catch (ExportException e) {
            // The text is still in the editor; the next pause tries again.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // an autosave that cannot be removed is offered again, and can be saved over
        }
    }

    /** True while the user types in the editor: the window's keys leave it alone. */
    public boolean isTyping() {
        return getScene() != null && (area.isFocused() || findField.isFocused());
    }

    /** Gives the editor the keyboard. */
    public void focusEditor() {
        area.requestFocus();
    }

    public CodeArea area() {
        return area;
    }

    /** The compiler's messages shown under the editor, or "" when the text compiles. */
    public String problemText() {
        return problem.getText();
    }

    /** The 0-based paragraph marked as the current step's line, or -1. */
    public int markedParagraph() {
        return markedParagraph;
    }

    public void dispose() {
        removeEventFilter(KeyEvent.KEY_PRESSED, findKeyFilter);
        disposed = true;
        compiles.incrementAndGet();
        pause.stop();
        textChanges.unsubscribe();
        subscriptions.release();
    }
}
