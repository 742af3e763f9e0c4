// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.testfx.api.FxRobot;

/**
 * The code panel follows the line being executed from a fresh start: a long lesson opened from
 * the Lessons menu and walked with → shows its current line inside the code panel at every step,
 * in the normal window (1280×800, 1024×768) and while presenting, and no line is cut in half at
 * the panel's edge.
 */
class CodeFollowsTheLineTest extends WindowFixture {

    /** The built-in lesson with the most lines of code. */
    private static BuiltInLesson longest() {
        return BuiltInLessons.all().stream().max(Comparator.comparingInt(l -> l.lesson().code().size())).orElseThrow();
    }

    /** Lessons › the lesson, as a user opens it. */
    private static void open(FxRobot robot, BuiltInLesson lesson) {
        MenuItem item = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream())
                .filter(i -> i.getStyleClass().contains("lesson-menu-item"))
                .filter(i -> i instanceof CustomMenuItem c
                        && c.getContent().lookup(".lesson-menu-title") instanceof Label t
                        && t.getText().equals(lesson.title().en()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    /** Where the current line is when it is not inside the code panel's viewport; nothing when it is. */
    private List<String> lineOutOfSight(FxRobot robot, String where) {
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            int line = Math.max(0, player.getLesson().frame(player.getIndex()).codeLine());
            Node list = stage.getScene().getRoot().lookup(".code-list");
            Node viewport = list.lookup(".clipped-container");
            Bounds sight = viewport.localToScene(viewport.getLayoutBounds());
            boolean inSight = list.lookupAll(".code-line").stream().anyMatch(n -> n instanceof ListCell<?> cell
                    && cell.isVisible() && !cell.isEmpty() && cell.getIndex() == line
                    && contains(sight, cell.localToScene(cell.getLayoutBounds())));
            if (!inSight) {
                problems.add(where + ": line " + (line + 1) + " is not inside the code panel " + sight);
            }
            for (Node n : list.lookupAll(".code-line")) {
                Bounds row = n.localToScene(n.getLayoutBounds());
                if (n instanceof ListCell<?> cell && cell.isVisible() && !cell.isEmpty()
                        && row.getMaxY() > sight.getMinY() + 0.5 && row.getMinY() < sight.getMaxY() - 0.5
                        && !contains(sight, row)) {
                    problems.add(where + ": line " + (cell.getIndex() + 1) + " is cut at the panel's edge");
                }
            }
        });
        return problems;
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    @ParameterizedTest(name = "{0}x{1}, presenting: {2}")
    @CsvSource({"1280, 800, false", "1024, 768, false", "1280, 720, true", "1024, 768, true"})
    void theCurrentLineStaysInSightAtEveryStep(int width, int height, boolean presenting, FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        if (presenting) {
            robot.type(KeyCode.F5);
            // Full screen is the headless screen's 1600x1200: the projector's size instead.
            robot.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
        BuiltInLesson lesson = longest();
        open(robot, lesson);
        assertThat(player.getLesson()).isSameAs(lesson.lesson());
        assertThat(window.presentingProperty().get()).isEqualTo(presenting);

        List<String> problems = new ArrayList<>(lineOutOfSight(robot, "step 0"));
        for (int i = 1; i < player.getCount(); i++) {
            robot.type(KeyCode.RIGHT);
            problems.addAll(lineOutOfSight(robot, "step " + player.getIndex()));
        }
        assertThat(player.getIndex()).as("walked to the end").isEqualTo(player.getCount() - 1);
        assertThat(problems).isEmpty();
    }
}
