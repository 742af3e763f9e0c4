// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Player;
import org.socketlab.player.PredictSession;

/**
 * The main window's content: menu, header, the animated diagram with the narration, the code
 * and control block panels, the summary table and the player controls. It owns the keys
 * that drive the player, whatever control has focus.
 */
public final class MainWindow {
    private static final Set<KeyCode> STEP_KEYS = Set.of(KeyCode.RIGHT, KeyCode.SPACE, KeyCode.PAGE_DOWN);
    private static final Set<KeyCode> BACK_KEYS = Set.of(KeyCode.LEFT, KeyCode.PAGE_UP);
    /** 1 to 4 answer a prediction, on the main keys or the keypad. */
    private static final List<KeyCode> CHOICE_KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3,
            KeyCode.DIGIT4, KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4);

    private final Player player;
    private final Messages messages;
    private final PredictSession predict;
    private final Director director;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final BorderPane root = new BorderPane();
    private final DiagramView diagram;
    private final NarrationView narration;
    private final ControlBlockView controlBlock;
    private final CodeView code;
    private final SummaryTableView summary;
    private final PlayerControls controls;
    private final PredictView predictView;
    private final Label score = new Label();
    private final VBox lessonCanvas;
    private final Label lessonTitle = new Label();
    private final Label lessonDescription = new Label();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private Scene scene;

    /**
     * Actions the window offers that live outside the ui layer (export, quit).
     *
     * @param savePicture   export the current picture as PNG (Ctrl+E)
     * @param copyPicture   copy the current picture to the clipboard (Ctrl+Shift+C)
     * @param exportLesson  export the whole lesson (Ctrl+Shift+E)
     * @param quit          quit
     */
    public record Actions(Consumer<MainWindow> savePicture, Consumer<MainWindow> copyPicture,
                          Consumer<MainWindow> exportLesson, Runnable quit) {
        /** Only saving a picture and quitting (the others do nothing). */
        public Actions(Consumer<MainWindow> savePicture, Runnable quit) {
            this(savePicture, w -> { }, w -> { }, quit);
        }
    }

    public MainWindow(Player player, Messages messages, Actions actions) {
        this.player = player;
        this.messages = messages;
        this.predict = new PredictSession(player);
        this.director = new Director(player, predict::step);
        subscriptions.add(player.positionProperty().subscribe(p -> predict.playerMoved()));
        root.getStyleClass().add("main-window");

        diagram = new DiagramView(messages, director.pictureProperty());
        director.animate(diagram);
        narration = new NarrationView(messages, director.pictureProperty());
        controlBlock = new ControlBlockView(messages, director.pictureProperty());
        code = new CodeView(messages, player.lessonProperty(), director.pictureProperty());
        summary = new SummaryTableView(messages, director.pictureProperty());
        controls = new PlayerControls(player, messages, predict::step);
        predictView = new PredictView(messages, predict);

        StackPane stage = new StackPane(diagram, predictView);
        lessonCanvas = new VBox(stage, narration);
        lessonCanvas.getStyleClass().add("lesson-canvas");
        VBox.setVgrow(stage, Priority.ALWAYS);
        VBox side = new VBox(code, controlBlock);
        side.getStyleClass().add("side-panels");
        VBox.setVgrow(controlBlock, Priority.ALWAYS);
        HBox centre = new HBox(lessonCanvas, side);
        centre.getStyleClass().add("centre");
        HBox.setHgrow(lessonCanvas, Priority.ALWAYS);

        Node top = header(menuBar(actions));
        VBox bottom = new VBox(summary, controls);
        bottom.getStyleClass().add("bottom");
        root.setTop(top);
        root.setCenter(centre);
        root.setBottom(bottom);
        subscriptions.onChange(this::showLesson, player.lessonProperty(), messages.localeProperty());
        subscriptions.onChange(this::showScore, predict.enabledProperty(), predict.askedProperty(),
                predict.correctProperty(), messages.localeProperty());
        subscriptions.onChange(() -> root.pseudoClassStateChanged(Css.CJK,
                Languages.usesCjkScript(messages.getLocale())), messages.localeProperty());
    }

    private MenuBar menuBar(Actions actions) {
        MenuItem save = new MenuItem();
        save.textProperty().bind(messages.text("menu.file.savePicture"));
        save.setGraphic(Icons.icon(Icons.SAVE_IMAGE));
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        save.setOnAction(e -> actions.savePicture().accept(this));
        MenuItem copy = new MenuItem();
        copy.textProperty().bind(messages.text("menu.file.copyPicture"));
        copy.setGraphic(Icons.icon(Icons.COPY));
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        copy.setOnAction(e -> actions.copyPicture().accept(this));
        MenuItem exportLesson = new MenuItem();
        exportLesson.textProperty().bind(messages.text("menu.file.exportLesson"));
        exportLesson.setGraphic(Icons.icon(Icons.EXPORT));
        exportLesson.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+E"));
        exportLesson.setOnAction(e -> actions.exportLesson().accept(this));
        MenuItem quit = new MenuItem();
        quit.textProperty().bind(messages.text("menu.file.quit"));
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> actions.quit().run());
        Menu file = new Menu();
        file.textProperty().bind(messages.text("menu.file"));
        file.getItems().addAll(save, copy, exportLesson, new SeparatorMenuItem(), quit);

        CheckMenuItem predictMode = new CheckMenuItem();
        predictMode.textProperty().bind(messages.text("menu.view.predict"));
        predictMode.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        predictMode.selectedProperty().bindBidirectional(predict.enabledProperty());
        MenuItem resetScore = new MenuItem();
        resetScore.textProperty().bind(messages.text("menu.view.resetScore"));
        resetScore.setOnAction(e -> predict.resetScore());
        Menu view = new Menu();
        view.textProperty().bind(messages.text("menu.view"));
        view.getItems().addAll(predictMode, resetScore);

        MenuItem shortcuts = new MenuItem();
        shortcuts.textProperty().bind(messages.text("menu.help.keys"));
        shortcuts.setAccelerator(KeyCombination.keyCombination("F1"));
        shortcuts.setOnAction(e -> Dialogs.keyboardShortcuts(root, messages));
        MenuItem about = new MenuItem();
        about.textProperty().bind(messages.text("menu.help.about"));
        about.setOnAction(e -> Dialogs.about(root, messages));
        Menu help = new Menu();
        help.textProperty().bind(messages.text("menu.help"));
        help.getItems().addAll(shortcuts, about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** One bar: the app's mark, the menus, and the lesson's title and description. */
    private Node header(MenuBar menus) {
        Label logo = new Label(null, Icons.icon(Icons.TICKET));
        logo.getStyleClass().add("logo");
        logo.textProperty().bind(messages.text("app.title"));
        lessonTitle.getStyleClass().add("lesson-title");
        lessonDescription.getStyleClass().add("lesson-description");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        score.getStyleClass().add("score");
        HBox header = new HBox(logo, menus, spacer, score, lessonTitle, lessonDescription);
        header.getStyleClass().add("header");
        return header;
    }

    private void showLesson() {
        Lesson lesson = player.getLesson();
        lessonTitle.setText(messages.lessonText(lesson.title()));
        lessonDescription.setText(messages.lessonText(lesson.description()));
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
    }

    private void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            scene = null;
        }
    }

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown() || event.isShortcutDown()) {
            return;
        }
        KeyCode key = event.getCode();
        int choice = CHOICE_KEYS.indexOf(key) % 4;
        if (choice >= 0 && predict.askingProperty().get() != null) {
            predict.answer(choice);
        } else if (STEP_KEYS.contains(key)) {
            predict.step();
        } else if (BACK_KEYS.contains(key)) {
            player.back();
        } else if (key == KeyCode.ESCAPE && predict.askingProperty().get() != null) {
            predict.dismiss();
        } else if (key == KeyCode.HOME) {
            player.reset();
        } else if (key == KeyCode.END) {
            player.jumpTo(player.getCount() - 1);
        } else {
            return;
        }
        event.consume();
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
        subscriptions.release();
    }
}
