// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.kernelrun.KernelProof;
import org.socketlab.lesson.loading.LessonTemplates;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.player.Player;
import org.socketlab.player.PredictSession;
import org.socketlab.saving.ExportException;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.common.WindowKeys;
import org.socketlab.ui.diagram.DiagramView;
import org.socketlab.ui.diagram.Director;
import org.socketlab.ui.dialogs.Dialogs;
import org.socketlab.ui.dialogs.ProgramRecording;
import org.socketlab.ui.editor.EditorView;
import org.socketlab.ui.editor.RealRun;
import org.socketlab.ui.editor.RealRunView;
import org.socketlab.ui.fit.FitPane;
import org.socketlab.ui.fit.ShrinkToFit;
import org.socketlab.ui.fit.ZoomView;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.narration.CodeView;
import org.socketlab.ui.narration.NarrationView;
import org.socketlab.ui.narration.PredictView;
import org.socketlab.ui.narration.SummaryTableView;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;
import org.socketlab.ui.theme.Theme;
import org.socketlab.ui.theme.Themes;

/**
 * The main window's content: menu, header, the animated diagram with the narration, the code
 * and control block panels, the summary table and the player controls. It owns the keys
 * that drive the player, whatever control has focus.
 */
public final class MainWindow {
    /**
     * The smallest size (in the picture's own pixels) the window lays its picture out at; in a
     * smaller window, or at a zoom that would need less, the picture is drawn smaller instead of
     * scrolling or cutting anything off.
     */
    static final double MIN_CONTENT_WIDTH = 1000;
    static final double MIN_CONTENT_HEIGHT = 660;
    /** The editor's divider before the user has moved it: see {@link #defaultEditorDivider}. */
    static final double EDITOR_DIVIDER_UNSET = 0;
    /** The diagram's design size: in less room it is drawn smaller. */
    private static final double DIAGRAM_WIDTH = 720;
    private static final double DIAGRAM_HEIGHT = 340;

    private final Player player;
    private final Messages messages;
    private final PredictSession predict;
    private final ViewOptions options = new ViewOptions();
    private final ObjectProperty<Theme> theme =
            new SimpleObjectProperty<>(this, "theme", Themes.defaultTheme());
    private final Director director;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final StillLayout content;
    private final ZoomView zoomView;
    private final Presentation presentation;
    private final Ink ink = new Ink();
    /** The presenter view's clock, in nanoseconds; tests give a fake one. */
    private LongSupplier clock = System::nanoTime;
    private final StackPane root;
    private final ProgramRecording programRecording = new ProgramRecording();
    private final DiagramView diagram;
    private final NarrationView narration;
    private final ControlBlockView controlBlock;
    private final CodeView code;
    private final SummaryTableView summary;
    private final PlayerControls controls;
    private final PredictView predictView;
    /**
     * The lesson editor, built the first time it is asked for (View › Editor, File › New, Save, Run,
     * or a lesson arriving with an unsaved draft to recover): RichTextFX's editor is a third of the
     * window's start-up work and most users never open it (docs/decisions/0007).
     */
    private EditorView editor;
    private final BooleanProperty editorShown =
            new SimpleBooleanProperty(this, "editorShown", false);
    private final Label score = new Label();
    private final Label tooSmall = new Label();
    private final Button replayBadge = new Button();
    private final ObjectProperty<Replay> replay =
            new SimpleObjectProperty<>(this, "replay");
    private final StillLayout.Canvas lessonCanvas;
    private final Label lessonTitle = new Label();
    private final Label lessonDescription = new Label();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final WindowKeys windowKeys = windowKeys();
    private final EventHandler<DragEvent> dragOver = this::onDragOver;
    private final EventHandler<DragEvent> dragDropped = this::onDragDropped;
    private final LessonOpener opener;
    private final RealRun realRun;
    private final SplitPane split = new SplitPane();
    /**
     * Where the divider between the picture and the editor stands (0..1 of the width; remembered),
     * or {@link #EDITOR_DIVIDER_UNSET} until the user moves it.
     */
    private final DoubleProperty editorDivider =
            new SimpleDoubleProperty(this, "editorDivider", EDITOR_DIVIDER_UNSET);
    private Subscription dividerFollower = Subscription.EMPTY;
    private RealRunView realRunView;
    /** The tools "Run it for real" needs that this machine lacks; empty when it can run. */
    private final ObjectProperty<List<String>> missingTools =
            new SimpleObjectProperty<>(this, "missingTools", RealRun.missingTools());
    /** Whether the user has read the notice shown before the first real run (the app remembers it). */
    private final BooleanProperty realRunNoticeSeen =
            new SimpleBooleanProperty(this, "realRunNoticeSeen", false);
    private Scene scene;

    /**
     * Actions the window offers that live outside the ui layer: exporting and copying pictures,
     * quitting, and opening lesson files ({@code opener} may be null: then the window offers
     * built-in lessons only; {@code resetSettings} may be null too).
     *
     * @param savePicture   export the current picture as PNG (Ctrl+E)
     * @param copyPicture   copy the current picture to the clipboard (Ctrl+Shift+C)
     * @param exportLesson  export the whole lesson (Ctrl+Shift+E)
     * @param quit          quit
     * @param opener        opens lesson files, or null
     * @param resetSettings forgets the remembered settings, or null
     */
    public record Actions(Consumer<MainWindow> savePicture, Consumer<MainWindow> copyPicture,
                          Consumer<MainWindow> exportLesson, Runnable quit, LessonOpener opener,
                          Runnable resetSettings) {
        /** Saving a picture, quitting, opening files and resetting; no copy or lesson export. */
        public Actions(Consumer<MainWindow> savePicture, Runnable quit, LessonOpener opener,
                       Runnable resetSettings) {
            this(savePicture, w -> { }, w -> { }, quit, opener, resetSettings);
        }

        /** Only saving a picture and quitting. */
        public Actions(Consumer<MainWindow> savePicture, Runnable quit) {
            this(savePicture, quit, null, null);
        }
    }

    public MainWindow(Player player, Messages messages, Actions actions) {
        this.player = player;
        this.messages = messages;
        this.opener = actions.opener() == null ? null : new AskingOpener(actions.opener());
        this.predict = new PredictSession(player);
        this.director = new Director(player, predict::step);

        diagram = new DiagramView(messages, director.pictureProperty(), options);
        director.animate(diagram);
        narration = new NarrationView(messages, director.pictureProperty(), options);
        controlBlock = new ControlBlockView(messages, director.pictureProperty(), options);
        code = new CodeView(messages, player.lessonProperty(), director.pictureProperty());
        summary = new SummaryTableView(messages, director.pictureProperty(), options);
        controls = new PlayerControls(player, messages, predict::step);
        predictView = new PredictView(messages, predict);

        realRun = new RealRun(KernelProof::proveText);

        // Every region keeps its place for the whole lesson (StillLayout); what does not fit in
        // its region is drawn smaller there, never pushing another region.
        StackPane stage = new StackPane(new FitPane(diagram, DIAGRAM_WIDTH, DIAGRAM_HEIGHT), predictView);
        stage.getStyleClass().add("diagram-stage");
        lessonCanvas = new StillLayout.Canvas(stage, new ShrinkToFit(narration));
        MenuBar menuBar = new MainMenus(this, messages, player, subscriptions).menuBar(actions);
        Region top = header(menuBar);
        content = new StillLayout(top, lessonCanvas, code, new ShrinkToFit(controlBlock), new ShrinkToFit(summary),
                controls);
        content.getStyleClass().add("main-window");
        presentation = new Presentation(top, controls, messages);
        zoomView = new ZoomView(content, options.zoomProperty(), MIN_CONTENT_WIDTH, MIN_CONTENT_HEIGHT);
        zoomView.slideProperty().bind(presentation.presentingProperty());
        code.followingProperty().bind(presentation.presentingProperty());
        tooSmall.getStyleClass().add("too-small");
        tooSmall.setMouseTransparent(true);
        tooSmall.visibleProperty().bind(zoomView.shrunkProperty());
        tooSmall.textProperty().bind(messages.text("window.tooSmall",
                String.valueOf((int) MIN_CONTENT_WIDTH), String.valueOf((int) MIN_CONTENT_HEIGHT)));
        // Above the picture, never over it: the picture's own header holds the menus.
        tooSmall.managedProperty().bind(tooSmall.visibleProperty());
        BorderPane.setAlignment(tooSmall, Pos.TOP_CENTER);
        presentation.presenter(() -> new PresenterView(player, messages, theme.get(), clock::getAsLong), keys,
                MainMenus.accelerators(menuBar));
        ink.layer().visibleProperty().bind(presentation.presentingProperty());
        // The editor (View > Editor) stands beside the picture; the picture gets the rest of the width.
        // The "too small" notice belongs to the picture, not to the editor beside it.
        BorderPane picture = new BorderPane(zoomView);
        picture.setTop(tooSmall);
        // The editor stands beside the picture in a split the user drags; where it was left is remembered.
        split.getItems().setAll(picture);
        split.getStyleClass().add("editor-split");
        BorderPane body = new BorderPane(split);
        root = new StackPane(body, ink.layer(), presentation.blankScreen());
        subscriptions.add(realRun.stateProperty().subscribe(state ->
                body.setBottom(state instanceof RealRun.State.Idle ? null : realRunView())));
        subscriptions.add(editorShown.subscribe(shown -> {
            dividerFollower.unsubscribe();
            if (shown) {
                split.getItems().setAll(picture, editor());
                double chosen = editorDivider.get();
                split.setDividerPositions(chosen > 0 ? chosen : defaultEditorDivider(split.getWidth()));
                dividerFollower = split.getDividers().get(0).positionProperty()
                        .subscribe(p -> editorDivider.set(p.doubleValue()));
                editor().focusEditor();
            } else {
                split.getItems().setAll(picture);
            }
        }));
        subscriptions.add(() -> dividerFollower.unsubscribe());
        root.getStyleClass().add("window-root");
        subscriptions.onChange(this::showLesson, player.lessonProperty(), messages.localeProperty());
        subscriptions.onChange(ink::stepped, player.indexProperty(), player.lessonProperty());
        subscriptions.add(presentation.presentingProperty().subscribe(on -> {
            if (!on) {
                ink.clear();
            }
        }));
        subscriptions.onChange(this::showReplay, replay, messages.localeProperty());
        subscriptions.add(theme.subscribe(t -> {
            if (scene != null && t != null) {
                t.applyTo(scene);
            }
        }));
        // A lesson whose file has an unsaved draft beside it (a crash, a window closed unsaved) gets
        // the editor even while it is hidden: the editor puts the draft back into the player.
        subscriptions.add(player.lessonProperty().subscribe(lesson -> {
            if (editor == null && EditorView.hasDraftToRecover(lesson)) {
                editor();
            }
        }));
        subscriptions.add(player.lessonProperty().subscribe(lesson -> {
            if (replay.get() != null && replay.get().lesson() != lesson) {
                replay.set(null);
            }
            if (lesson.asksPredictions()) {
                predict.setEnabled(true);
            }
        }));
        subscriptions.onChange(this::showScore, predict.enabledProperty(), predict.askedProperty(),
                predict.correctProperty(), messages.localeProperty());
        subscriptions.onChange(() -> root.pseudoClassStateChanged(Css.CJK,
                Languages.usesCjkScript(messages.getLocale())), messages.localeProperty());
    }

    /** The menus and the lesson's title in one row, and the lesson's description in full ({@link HeaderBar}). */
    private Region header(MenuBar menus) {
        Label logo = new Label(null, Icons.icon(Icons.TICKET));
        logo.getStyleClass().add("logo");
        logo.textProperty().bind(messages.text("app.title"));
        lessonTitle.getStyleClass().add("lesson-title");
        lessonDescription.getStyleClass().add("lesson-description");
        lessonDescription.setWrapText(true);
        lessonDescription.setMinHeight(Region.USE_PREF_SIZE);
        lessonDescription.setMaxWidth(Double.MAX_VALUE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        score.getStyleClass().add("score");
        for (Region keep : List.of(logo, menus, replayBadge, score)) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        // A title longer than the row is left gives way last, and wraps rather than losing words.
        lessonTitle.setWrapText(true);
        lessonTitle.setMinHeight(Region.USE_PREF_SIZE);
        replayBadge.getStyleClass().add("replay-badge");
        replayBadge.setFocusTraversable(false);
        replayBadge.setOnAction(e -> Dialogs.replayReport(root, messages, replay.get()));
        HBox menusAndTitle = new HBox(logo, menus, spacer, replayBadge, score, lessonTitle);
        menusAndTitle.getStyleClass().add("header-row");
        return new HeaderBar(menusAndTitle, lessonDescription);
    }

    private void showLesson() {
        Lesson lesson = player.getLesson();
        lessonTitle.setText(messages.lessonText(lesson.title()));
        lessonDescription.setText(messages.lessonText(lesson.description()));
        // A lesson file without a description leaves no empty line under the menus.
        lessonDescription.setManaged(!lessonDescription.getText().isEmpty());
        lessonDescription.setVisible(lessonDescription.isManaged());
    }

    private void showReplay() {
        Replay r = replay.get();
        replayBadge.setVisible(r != null);
        replayBadge.setManaged(r != null);
        replayBadge.pseudoClassStateChanged(Css.ERROR, r != null && r.mismatches() > 0);
        replayBadge.setText(r == null ? "" : messages.get("replay.badge", r.mismatches(), r.warnings().size()));
    }

    /**
     * Shows the report of a replayed strace log beside its lesson (load the lesson into the
     * player first); another lesson hides it again.
     */
    public void showReplay(Replay report) {
        replay.set(report);
    }

    private void showScore() {
        score.setVisible(predict.enabledProperty().get());
        score.setManaged(predict.enabledProperty().get());
        score.setText(messages.get("predict.score", predict.correctProperty().get(), predict.askedProperty().get()));
    }

    /** Puts the window's content into a scene and takes over the player keys there. */
    public void attach(Scene target) {
        detach();
        scene = target;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        theme.get().applyTo(scene);
        scene.addEventHandler(DragEvent.DRAG_OVER, dragOver);
        scene.addEventHandler(DragEvent.DRAG_DROPPED, dragDropped);
        presentation.attach(target);
    }

    private void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            scene.removeEventHandler(DragEvent.DRAG_OVER, dragOver);
            scene.removeEventHandler(DragEvent.DRAG_DROPPED, dragDropped);
            presentation.detach();
            scene = null;
        }
    }

    /** A file dragged over the window may be dropped to open it. */
    private void onDragOver(DragEvent event) {
        if (opener != null && event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            event.consume();
        }
    }

    private void onDragDropped(DragEvent event) {
        boolean opened = false;
        if (opener != null && event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
            opener.open(this, event.getDragboard().getFiles().get(0).toPath());
            opened = true;
        }
        event.setDropCompleted(opened);
        event.consume();
    }

    /**
     * The window's keys that no menu item declares (a menu item's key is its accelerator, in
     * MainMenus): the clicker's keys, 1 to 4 for a prediction, and the zoom items' other keys.
     */
    private WindowKeys windowKeys() {
        List<WindowKeys.Key> keys = new ArrayList<>();
        for (KeyCode step : List.of(KeyCode.RIGHT, KeyCode.SPACE, KeyCode.PAGE_DOWN)) {
            keys.add(new WindowKeys.Key(WindowKeys.plain(step), "keys.step", WindowKeys.always(() -> predict.step())));
        }
        for (KeyCode back : List.of(KeyCode.LEFT, KeyCode.PAGE_UP)) {
            keys.add(new WindowKeys.Key(WindowKeys.plain(back), "keys.back", WindowKeys.always(() -> player.back())));
        }
        keys.add(new WindowKeys.Key(WindowKeys.plain(KeyCode.HOME), "keys.reset", WindowKeys.always(() -> player.reset())));
        keys.add(new WindowKeys.Key(WindowKeys.plain(KeyCode.END), "keys.end",
                WindowKeys.always(() -> player.jumpTo(player.getCount() - 1))));
        // 1 to 4 answer a prediction, on the main keys or the keypad.
        List<KeyCode> choices = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
                KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4);
        for (int i = 0; i < choices.size(); i++) {
            int choice = i % 4;
            WindowKeys.Key answer = new WindowKeys.Key(WindowKeys.plain(choices.get(i)), "keys.predict", () -> {
                if (predict.askingProperty().get() == null) {
                    return false;
                }
                predict.answer(choice);
                return true;
            });
            keys.add(i < 4 ? answer : answer.unlisted());
        }
        keys.add(new WindowKeys.Key(WindowKeys.plain(KeyCode.ESCAPE), "keys.escape", () -> {
            if (predict.askingProperty().get() != null) {
                predict.dismiss();
            } else if (presentation.presentingProperty().get()) {
                presentation.presentingProperty().set(false);
            } else {
                return false;
            }
            return true;
        }));
        keys.add(new WindowKeys.Key(WindowKeys.plain(KeyCode.B), "keys.blank",
                WindowKeys.always(() -> presentation.toggleBlank())));
        // F5 reloads an opened file, else presents; Shift+F5 always presents (as the menu's F11).
        keys.add(new WindowKeys.Key(WindowKeys.alone(KeyCode.F5), "keys.reloadOrPresent", WindowKeys.always(() -> {
            if (opener == null || !opener.reload(this)) {
                presentation.toggle();
            }
        })));
        keys.add(new WindowKeys.Key(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), "menu.view.present",
                WindowKeys.always(() -> presentation.toggle())));
        // The zoom items' other keys: Ctrl+= and the keypad's + (the menu's key is Ctrl+Plus), - and 0.
        keys.add(new WindowKeys.Key(WindowKeys.shortcut(KeyCode.EQUALS), "menu.view.zoomIn",
                WindowKeys.always(() -> options.zoomIn())));
        keys.add(new WindowKeys.Key(WindowKeys.shortcut(KeyCode.ADD), "menu.view.zoomIn",
                WindowKeys.always(() -> options.zoomIn())).unlisted());
        keys.add(new WindowKeys.Key(WindowKeys.shortcut(KeyCode.SUBTRACT), "menu.view.zoomOut",
                WindowKeys.always(() -> options.zoomOut())).unlisted());
        keys.add(new WindowKeys.Key(WindowKeys.shortcut(KeyCode.NUMPAD0), "menu.view.zoomReset",
                WindowKeys.always(() -> options.resetZoom())).unlisted());
        return new WindowKeys(keys);
    }

    /**
     * Help › Keyboard shortcuts: the window's own keys, the menus' accelerators (with the window's
     * other keys for the same item), the ink's keys while presenting and Find's keys in the editor,
     * each made from the table the keys are answered with.
     */
    List<Dialogs.ShortcutSection> shortcutSections(List<WindowKeys.Shortcut> menuKeys) {
        List<String> menuMeanings = menuKeys.stream().map(WindowKeys.Shortcut::meaning).toList();
        List<WindowKeys.Shortcut> ownKeys = windowKeys.shortcuts().stream()
                .filter(row -> !menuMeanings.contains(row.meaning())).toList();
        return List.of(new Dialogs.ShortcutSection("keys.section.window", ownKeys),
                new Dialogs.ShortcutSection("keys.section.ink", ink.keys().shortcuts()),
                new Dialogs.ShortcutSection("keys.section.editor", EditorView.findShortcuts()),
                new Dialogs.ShortcutSection("keys.section.menus", WindowKeys.joined(menuKeys, windowKeys.shortcuts())));
    }

    private void onKey(KeyEvent event) {
        boolean typing = editor != null && editor.isTyping();
        if (!typing && presentation.presentingProperty().get() && ink.handle(event)) {
            event.consume();
            return;
        }
        if (windowKeys.handle(event, typing)) {
            event.consume();
        }
    }

    /** The whole window's content. */
    public Parent root() {
        return root;
    }

    /** The lesson canvas (diagram and narration): what a picture export shows. */
    public Node getSnapshotTarget() {
        return lessonCanvas;
    }

    /** The player this window shows. */
    public Player player() {
        return player;
    }

    /** The words this window speaks, in its current language. */
    public Messages messages() {
        return messages;
    }

    /** The window's theme (light, dark, high contrast): its stylesheets follow it. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The display options of this window (kernel view, zoom, large type). */
    public ViewOptions options() {
        return options;
    }

    /** Whether the lesson editor is shown beside the picture (View > Editor, Ctrl+L). */
    public BooleanProperty editorShownProperty() {
        return editorShown;
    }

    /** File › New lesson: a template opens at its start, in the editor beside the picture (after asking about unsaved changes). */
    public void newLesson(String templateId) {
        leaveLessonFor(() -> {
            director.finishRunning();
            player.load(LessonTemplates.lesson(templateId), 0);
            editorShown.set(true);
            editor().focusEditor();
        });
    }

    /** Lessons › a built-in lesson, after asking about unsaved changes. */
    void openBuiltIn(Lesson lesson) {
        leaveLessonFor(() -> player.load(lesson, 0));
    }

    /**
     * Does {@code then} (quit, close, open another lesson) once the editor's unsaved changes are
     * settled: when there are any, asks Save / Discard / Cancel. Save writes them (Save As when the
     * lesson has no file yet) and goes on only when they were written; Discard throws them away
     * (with the autosave beside the file); Cancel stays with the text as it is.
     */
    public void leaveLesson(Runnable then) {
        if (editor == null || !editor.isDirty()) {
            then.run();
            return;
        }
        ButtonType save = new ButtonType(messages.get("unsaved.save"),
                ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("unsaved.discard"),
                ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("unsaved.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Optional<ButtonType> answer = Dialogs.ask(root, messages,
                messages.get("unsaved.question", editor.suggestedName()), messages.get("unsaved.details"),
                save, discard, cancel);
        if (answer.isEmpty() || answer.get() == cancel) {
            return;
        }
        if (answer.get() == save) {
            saveLesson();
            if (editor.isDirty()) {
                return; // not written (Save As cancelled, or it failed and said why): nothing is lost
            }
        } else {
            editor.discard();
        }
        then.run();
    }

    /** Does {@code then} once unsaved changes are settled; the kernel table of the lesson left goes with it. */
    private void leaveLessonFor(Runnable then) {
        leaveLesson(() -> {
            realRun.close();
            then.run();
        });
    }

    /** Closing the stage (its close box, Alt+F4) asks about unsaved changes first; Cancel keeps it open. */
    public void askBeforeClosing(Stage stage) {
        stage.setOnCloseRequest(event -> {
            event.consume();
            leaveLesson(stage::hide);
        });
    }

    /** File › Record a program…: the program's log opens as a replay, after the unsaved-changes question. */
    public void recordProgram() {
        if (opener != null) {
            programRecording.start(root, messages, log -> opener.open(this, log));
        }
    }

    /** True while File › Record a program… is recording. */
    public boolean isRecording() {
        return programRecording.isRecording();
    }

    /** Keeps recordings in another folder (tests). */
    public void keepRecordingsIn(Path folder) {
        programRecording.keepIn(folder);
    }

    /** The opener the window's menus use: it asks about unsaved changes before another lesson opens. */
    LessonOpener opener() {
        return opener;
    }

    /** Opens files as the application's opener does, after the unsaved-changes question. */
    private final class AskingOpener implements LessonOpener {
        private final LessonOpener files;

        AskingOpener(LessonOpener files) {
            this.files = files;
        }

        @Override
        public void openWithDialog(MainWindow window) {
            leaveLessonFor(() -> files.openWithDialog(window));
        }

        @Override
        public void open(MainWindow window, Path file) {
            leaveLessonFor(() -> files.open(window, file));
        }

        @Override
        public boolean reload(MainWindow window) {
            boolean[] reloaded = {true};
            leaveLesson(() -> reloaded[0] = files.reload(window));
            return reloaded[0];
        }

        @Override
        public ObservableList<Path> recentFiles() {
            return files.recentFiles();
        }

        @Override
        public void clearRecentFiles() {
            files.clearRecentFiles();
        }
    }

    /** File › Save lesson (Ctrl+S): the editor's text to its file, or Save As when it has none. */
    public void saveLesson() {
        Path file = editor().file();
        if (file == null) {
            saveLessonAs();
        } else {
            saveLessonTo(file);
        }
    }

    /** File › Save lesson as… (Ctrl+Shift+S). */
    public void saveLessonAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("save.lesson.title"));
        chooser.setInitialFileName(editor().suggestedName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                messages.get("open.filter.lessons"), "*.c"));
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            saveLessonTo(chosen.toPath());
        }
    }

    /** Saves the editor's text to a file; a failure is explained and nothing is lost. */
    void saveLessonTo(Path file) {
        try {
            editor().saveTo(file);
        } catch (ExportException e) {
            Dialogs.error(root, messages, messages.get("save.lesson.failed", String.valueOf(file.getFileName())),
                    e.getMessage());
        }
    }

    /**
     * Where the editor's divider starts in a split {@code width} wide: the picture keeps the width it
     * is drawn for ({@link #MIN_CONTENT_WIDTH}, so opening the editor does not shrink it under a
     * "too small" note: in a 1280 px window the editor gets the remaining 270 px), and the editor
     * gets the rest; on a wide screen the picture still gets 58 %, and it never takes more than
     * 80 % (in a window too narrow for both, both are drawn smaller).
     */
    static double defaultEditorDivider(double width) {
        if (!(width > 0)) {
            return 0.58;
        }
        return Math.min(0.8, Math.max(0.58, (MIN_CONTENT_WIDTH + 10) / width));
    }

    /** The lesson editor, built now if it was not yet (it then opens the player's lesson). */
    EditorView editor() {
        if (editor == null) {
            editor = new EditorView(messages, player.lessonProperty(), director.pictureProperty(), lesson -> {
                director.finishRunning();
                player.load(lesson, player.getIndex());
            });
            SplitPane.setResizableWithParent(editor, false);
        }
        return editor;
    }

    /** Where the divider between the picture and the editor stands, 0..1 of the width (remembered in the settings). */
    public DoubleProperty editorDividerProperty() {
        return editorDivider;
    }

    SplitPane editorSplit() {
        return split;
    }

    /** The tools "Run it for real" needs that are missing here (empty when it can run). */
    ObjectProperty<List<String>> missingToolsProperty() {
        return missingTools;
    }

    /** Whether the notice before the first real run has been read (remembered in the settings). */
    public BooleanProperty realRunNoticeSeenProperty() {
        return realRunNoticeSeen;
    }

    /**
     * Run › Run it for real (F9): the lesson in the editor is compiled with gcc and run under strace
     * in a temporary folder with a time limit, off the JavaFX thread, and every call's model answer
     * is shown beside the kernel's. Nothing runs without this: a lesson opened from elsewhere is
     * never compiled or run until the user asks. Before the first run a notice says what happens.
     */
    public void runForReal() {
        if (!missingTools.get().isEmpty()) {
            Dialogs.error(root, messages, messages.get("run.real.title"),
                    messages.get("run.real.missing", String.join(", ", missingTools.get())));
            return;
        }
        String text = editor().programText();
        if (text == null) {
            Dialogs.error(root, messages, messages.get("run.real.title"), messages.get("run.real.noProgram"));
            return;
        }
        String name = editor().sourceName();
        if (realRunNoticeSeen.get()) {
            realRun.start(name, text);
        } else {
            Dialogs.confirm(root, messages, messages.get("run.real.notice.title"),
                    messages.get("run.real.notice", KernelProof.TIME_LIMIT.toSeconds()),
                    () -> {
                        realRunNoticeSeen.set(true);
                        realRun.start(name, text);
                    });
        }
    }

    RealRun realRun() {
        return realRun;
    }

    /** What Run it for real shows under the picture, built the first time a run starts. */
    RealRunView realRunView() {
        if (realRunView == null) {
            realRunView = new RealRunView(messages, realRun);
            realRunView.prefHeightProperty().bind(root.heightProperty().multiply(0.34));
        }
        return realRunView;
    }

    Presentation presentation() {
        return presentation;
    }

    /** Gives the presenter view another clock (tests). */
    void useClock(LongSupplier nanoTime) {
        clock = nanoTime;
    }

    /** The ink drawn on the picture while presenting. */
    Ink ink() {
        return ink;
    }

    /** Presentation mode (full screen, hidden menus, fading controls, B to blank). */
    public BooleanProperty presentingProperty() {
        return presentation.presentingProperty();
    }

    /** Predict mode for this window. */
    public PredictSession predict() {
        return predict;
    }

    /** The director animating this window. */
    public Director director() {
        return director;
    }

    /** Releases every listener this window put on the player and the messages. */
    public void dispose() {
        detach();
        director.dispose();
        diagram.dispose();
        narration.dispose();
        controlBlock.dispose();
        code.dispose();
        summary.dispose();
        controls.dispose();
        predictView.dispose();
        if (editor != null) {
            editor.dispose();
        }
        realRun.close();
        if (realRunView != null) {
            realRunView.dispose();
            realRunView.prefHeightProperty().unbind();
        }
        predict.dispose();
        presentation.dispose();
        ink.layer().visibleProperty().unbind();
        ink.dispose();
        zoomView.slideProperty().unbind();
        code.followingProperty().unbind();
        tooSmall.managedProperty().unbind();
        tooSmall.visibleProperty().unbind();
        tooSmall.textProperty().unbind();
        zoomView.dispose();
        subscriptions.release();
    }
}
