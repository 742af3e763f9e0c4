// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.loading.LessonTemplates;
import org.socketlab.player.Player;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.common.WindowKeys;
import org.socketlab.ui.dialogs.About;
import org.socketlab.ui.dialogs.Dialogs;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Icons;
import org.socketlab.ui.theme.Theme;
import org.socketlab.ui.theme.Themes;

/**
 * The main window's menus: File (open, recent, reload, save picture, quit), Lessons (the
 * built-in lessons with their descriptions), View (present, language, zoom, large type, kernel
 * view, predict mode) and Help. Every label follows the language.
 */
final class MainMenus {
    private final MainWindow window;
    private final Messages messages;
    private final Player player;
    private final ViewSubscriptions subscriptions;
    /** Every accelerator declared, with its item's message key, in menu order: Help › Keyboard shortcuts lists them. */
    private final List<WindowKeys.Shortcut> shortcuts = new ArrayList<>();

    MainMenus(MainWindow window, Messages messages, Player player, ViewSubscriptions subscriptions) {
        this.window = window;
        this.messages = messages;
        this.player = player;
        this.subscriptions = subscriptions;
    }

    MenuBar menuBar(MainWindow.Actions actions) {
        Menu file = menu("menu.file");
        Menu newLesson = menu("menu.file.newLesson");
        for (String id : LessonTemplates.IDS) {
            newLesson.getItems().add(item("template." + id, null, () -> window.newLesson(id)));
        }
        file.getItems().addAll(newLesson, item("menu.file.saveLesson", "Shortcut+S", window::saveLesson),
                item("menu.file.saveLessonAs", "Shortcut+Shift+S", window::saveLessonAs), new SeparatorMenuItem());
        LessonOpener opener = window.opener();
        if (opener != null) {
            file.getItems().addAll(item("menu.file.open", "Shortcut+O", () -> opener.openWithDialog(window)),
                    recentMenu(opener), item("menu.file.reload", null, () -> opener.reload(window)),
                    item("menu.file.record", null, window::recordProgram), new SeparatorMenuItem());
        }
        MenuItem save = item("menu.file.savePicture", "Shortcut+E", () -> actions.savePicture().accept(window));
        save.setGraphic(Icons.icon(Icons.SAVE_IMAGE));
        MenuItem copy = item("menu.file.copyPicture", "Shortcut+Shift+C", () -> actions.copyPicture().accept(window));
        copy.setGraphic(Icons.icon(Icons.COPY));
        MenuItem exportLesson = item("menu.file.exportLesson", "Shortcut+Shift+E",
                () -> actions.exportLesson().accept(window));
        exportLesson.setGraphic(Icons.icon(Icons.EXPORT));
        file.getItems().addAll(save, copy, exportLesson, new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", () -> window.leaveLesson(actions.quit())));

        ViewOptions options = window.options();
        Menu view = menu("menu.view");
        view.getItems().addAll(item("menu.view.present", "F11", () -> window.presentation().toggle()),
                new SeparatorMenuItem(), languageMenu(), themeMenu(),
                item("menu.view.zoomIn", "Shortcut+Plus", options::zoomIn),
                item("menu.view.zoomOut", "Shortcut+Minus", options::zoomOut),
                item("menu.view.zoomReset", "Shortcut+0", options::resetZoom),
                check("menu.view.largeType", null, options.largeTypeProperty()),
                new SeparatorMenuItem(),
                check("menu.view.kernel", "Shortcut+K", options.kernelViewProperty()),
                check("menu.view.editor", "Shortcut+L", window.editorShownProperty()),
                check("menu.view.predict", "Shortcut+P", window.predict().enabledProperty(),
                        window.predict()::setEnabled),
                item("menu.view.resetScore", null, window.predict()::resetScore));
        if (actions.resetSettings() != null) {
            view.getItems().addAll(new SeparatorMenuItem(),
                    item("menu.view.resetSettings", null, () -> Dialogs.confirm(window.root(), messages,
                            messages.get("settings.reset.question"), actions.resetSettings())));
        }

        Menu run = menu("menu.run");
        MenuItem realRun = item("menu.run.real", "F9", window::runForReal);
        realRun.textProperty().unbind();
        realRun.textProperty().bind(Bindings.createStringBinding(() ->
                window.missingToolsProperty().get().isEmpty() ? messages.get("menu.run.real")
                        : messages.get("menu.run.real.missing", String.join(", ", window.missingToolsProperty().get())),
                window.missingToolsProperty(), messages.localeProperty()));
        realRun.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !window.missingToolsProperty().get().isEmpty(), window.missingToolsProperty()));
        run.getItems().add(realRun);

        Menu help = menu("menu.help");
        help.getItems().addAll(item("menu.help.keys", "F1",
                        () -> Dialogs.keyboardShortcuts(window.root(), messages, window.shortcutSections(shortcuts))),
                item("menu.help.about", null, () -> Dialogs.about(window.root(), messages, About.current())));

        MenuBar bar = new MenuBar(file, lessonsMenu(), run, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Gives the item its key, if it has one, and lists it for Help › Keyboard shortcuts. */
    private void accelerate(MenuItem item, String key, String accelerator) {
        if (accelerator != null) {
            KeyCombination combination = KeyCombination.keyCombination(accelerator);
            item.setAccelerator(combination);
            shortcuts.add(new WindowKeys.Shortcut(key, List.of(combination)));
        }
    }

    private Menu menu(String key) {
        Menu menu = new Menu();
        menu.textProperty().bind(messages.text(key));
        return menu;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(messages.text(key));
        accelerate(item, key, accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private CheckMenuItem check(String key, String accelerator, BooleanProperty state) {
        CheckMenuItem item = new CheckMenuItem();
        item.textProperty().bind(messages.text(key));
        accelerate(item, key, accelerator);
        item.selectedProperty().bindBidirectional(state);
        return item;
    }

    /** A check item for a state its owner changes by its rules: the item asks, the owner decides. */
    private CheckMenuItem check(String key, String accelerator, ReadOnlyBooleanProperty state, Consumer<Boolean> set) {
        CheckMenuItem item = new CheckMenuItem();
        item.textProperty().bind(messages.text(key));
        accelerate(item, key, accelerator);
        subscriptions.add(state.subscribe(item::setSelected));
        item.setOnAction(e -> set.accept(item.isSelected()));
        return item;
    }

    /**
     * Each accelerator of the bar's menu items and what pressing it does there (a check item flips
     * first, as the menu bar does): for a scene without the menus, such as the presenter window.
     */
    static Map<KeyCombination, Runnable> accelerators(MenuBar bar) {
        Map<KeyCombination, Runnable> accelerators = new HashMap<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu, accelerators);
        }
        return accelerators;
    }

    private static void collect(Menu menu, Map<KeyCombination, Runnable> accelerators) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, accelerators);
            } else if (item.getAccelerator() != null) {
                accelerators.put(item.getAccelerator(), () -> {
                    if (item.isDisable()) {
                        return;
                    }
                    if (item instanceof CheckMenuItem check) {
                        check.setSelected(!check.isSelected());
                    }
                    item.fire();
                });
            }
        }
    }

    /** Light, dark, high contrast; the current one checked. */
    private Menu themeMenu() {
        Menu menu = menu("menu.view.theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : Themes.all()) {
            RadioMenuItem item = new RadioMenuItem();
            item.textProperty().bind(messages.text(theme.nameKey()));
            item.setToggleGroup(themes);
            item.setUserData(theme);
            menu.getItems().add(item);
        }
        subscriptions.onChange(() -> themes.getToggles().forEach(t -> t.setSelected(
                t.getUserData().equals(window.themeProperty().get()))), window.themeProperty());
        subscriptions.add(themes.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                window.themeProperty().set((Theme) t.getUserData());
            }
        }));
        return menu;
    }

    /** Each language in its own name; the current one checked. */
    private Menu languageMenu() {
        Menu language = menu("menu.view.language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : Languages.available()) {
            RadioMenuItem item = new RadioMenuItem(locale.getDisplayLanguage(locale));
            item.setToggleGroup(languages);
            item.setUserData(locale);
            language.getItems().add(item);
        }
        subscriptions.onChange(() -> languages.getToggles().forEach(t -> t.setSelected(
                ((Locale) t.getUserData()).getLanguage().equals(messages.getLocale().getLanguage()))),
                messages.localeProperty());
        subscriptions.add(languages.selectedToggleProperty().subscribe(t -> {
            if (t != null && !t.getUserData().equals(messages.getLocale())) {
                messages.localeProperty().set((Locale) t.getUserData());
            }
        }));
        return language;
    }

    /** The built-in lessons, each with its title and one-line description. */
    private Menu lessonsMenu() {
        Menu lessons = new Menu();
        lessons.textProperty().bind(messages.text("menu.lessons"));
        for (BuiltInLesson entry : BuiltInLessons.all()) {
            Label title = new Label();
            title.getStyleClass().add("lesson-menu-title");
            Label description = new Label();
            description.getStyleClass().add("lesson-menu-description");
            subscriptions.onChange(() -> {
                title.setText(messages.lessonText(entry.title()));
                description.setText(messages.lessonText(entry.description()));
            }, messages.localeProperty());
            CustomMenuItem item = new CustomMenuItem(new VBox(title, description));
            item.getStyleClass().add("lesson-menu-item");
            item.setOnAction(e -> window.openBuiltIn(entry.lesson()));
            lessons.getItems().add(item);
        }
        return lessons;
    }

    /** The recent files, kept in step with the opener's list. */
    private Menu recentMenu(LessonOpener opener) {
        Menu recent = new Menu();
        recent.textProperty().bind(messages.text("menu.file.recent"));
        MenuItem clear = new MenuItem();
        clear.textProperty().bind(messages.text("menu.file.recent.clear"));
        clear.setOnAction(e -> opener.clearRecentFiles());
        MenuItem none = new MenuItem();
        none.textProperty().bind(messages.text("menu.file.recent.none"));
        none.setDisable(true);
        InvalidationListener fill = o -> {
            recent.getItems().clear();
            for (Path path : opener.recentFiles()) {
                MenuItem item = new MenuItem(String.valueOf(path.getFileName()));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> opener.open(window, path));
                recent.getItems().add(item);
            }
            recent.getItems().addAll(opener.recentFiles().isEmpty() ? List.of(none) : List.of(new SeparatorMenuItem(), clear));
        };
        opener.recentFiles().addListener(fill);
        subscriptions.add(() -> opener.recentFiles().removeListener(fill));
        fill.invalidated(null);
        return recent;
    }
}
