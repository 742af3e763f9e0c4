// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Help › Keyboard shortcuts (F1) is made from the keys the window answers: every menu key beside
 * its menu item, the window's own keys, the ink's and Find's, written as this system writes keys,
 * in the window's language — and each key listed does what the list says.
 */
class ShortcutsListTest extends WindowFixture {
    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                .collect(Collectors.toList()).forEach(Window::hide));
    }

    /** The dialog's sections as the user reads them: title → (what it does → the keys). */
    private static Map<String, Map<String, String>> openShortcuts(FxRobot robot) {
        robot.type(KeyCode.F1);
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (GridPane grid : robot.lookup(".shortcut-grid").queryAllAs(GridPane.class)) {
            Map<String, String> rows = null;
            List<Node> cells = grid.getChildren();
            for (int i = 0; i < cells.size(); i++) {
                Label cell = (Label) cells.get(i);
                if (cell.getStyleClass().contains("shortcut-section")) {
                    rows = new LinkedHashMap<>();
                    sections.put(cell.getText(), rows);
                } else {
                    rows.put(((Label) cells.get(++i)).getText(), cell.getText());
                }
            }
        }
        return sections;
    }

    /** A menu item's label as the list shows it: without the "..." that promises a dialog. */
    private static String listed(MenuItem item) {
        return item.getText().replaceFirst("(\\.\\.\\.|…+)$", "");
    }

    private List<MenuItem> menuItemsWithKeys(FxRobot robot) {
        List<MenuItem> items = new ArrayList<>();
        for (Menu menu : robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus()) {
            collect(menu, items);
        }
        return items;
    }

    private static void collect(Menu menu, List<MenuItem> items) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, items);
            } else if (item.getAccelerator() != null) {
                items.add(item);
            }
        }
    }

    @Test
    void everyMenuKeyIsListedBesideItsMenuItem(FxRobot robot) {
        List<MenuItem> items = menuItemsWithKeys(robot);
        Map<String, String> menuKeys = openShortcuts(robot).get("Menu keys");

        assertThat(items).extracting(MenuItem::getText).contains("Save lesson", "Zoom in", "Keyboard shortcuts");
        for (MenuItem item : items) {
            assertThat(menuKeys).as(item.getText()).containsKey(listed(item));
            assertThat(menuKeys.get(listed(item))).as(item.getText())
                    .contains(item.getAccelerator().getDisplayText());
        }
        assertThat(menuKeys.get("Save lesson")).isEqualTo("Ctrl+S");
        assertThat(menuKeys.get("Zoom in")).as("the menu's key, then the window's other one").isEqualTo("Ctrl++, Ctrl+=");
        assertThat(menuKeys.get("Present")).isEqualTo("F11, Shift+F5");
    }

    @Test
    void theWindowsInksAndFindsKeysAreListedAsTheyWork(FxRobot robot) {
        Map<String, Map<String, String>> sections = openShortcuts(robot);

        assertThat(sections).containsOnlyKeys("Stepping and presenting", "Drawing while presenting",
                "Find in the lesson editor", "Menu keys");
        Map<String, String> own = sections.get("Stepping and presenting");
        assertThat(own).containsEntry("Next step", "→, Space, Page Down").containsEntry("Previous step", "←, Page Up")
                .containsEntry("Back to the start", "Home").containsEntry("Blank the screen (B again: back)", "B")
                .doesNotContainKey("Zoom in");
        assertThat(sections.get("Drawing while presenting")).containsEntry("Undo the last stroke", "Ctrl+Z, Back Space")
                .containsEntry("Pen (P again: next colour)", "P");
        assertThat(sections.get("Find in the lesson editor")).containsEntry("Find", "Ctrl+F")
                .containsEntry("Previous match", "Shift+↵, Shift+F3");

        // What the list says, the keys do.
        closeDialogs(robot);
        robot.type(KeyCode.SPACE).type(KeyCode.PAGE_DOWN);
        assertThat(player.getIndex()).isEqualTo(2);
        robot.type(KeyCode.PAGE_UP);
        assertThat(player.getIndex()).isEqualTo(1);
        robot.type(KeyCode.HOME);
        assertThat(player.getIndex()).isZero();
        robot.interact(() -> window.presentingProperty().set(true));
        robot.type(KeyCode.P);
        assertThat(window.ink().toolProperty().get()).isEqualTo(Ink.Tool.PEN);
        robot.type(KeyCode.B);
        assertThat(robot.lookup(".blank-screen").queryAs(Region.class).isVisible()).isTrue();
        robot.type(KeyCode.B);
        assertThat(robot.lookup(".blank-screen").queryAs(Region.class).isVisible()).isFalse();
    }

    @Test
    void inChineseTheListSpeaksChineseAndFitsTheScreen(FxRobot robot) {
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));

        Map<String, Map<String, String>> sections = openShortcuts(robot);

        assertThat(sections).containsOnlyKeys("逐步演示", "演示时画笔", "在课程编辑器中查找", "菜单快捷键");
        assertThat(sections.get("逐步演示")).containsEntry("下一步", "→, Space, Page Down");
        assertThat(sections.get("菜单快捷键")).containsEntry("保存课程", "Ctrl+S").containsEntry("放大", "Ctrl++, Ctrl+=");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getScene().getWindow().getHeight()).as("fits a 1280×800 screen").isLessThan(760);
        assertThat(dialog.getScene().getWindow().getWidth()).isLessThan(1240);
    }
}
