// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.testfx.api.FxRobot;

/**
 * A picture that holds still: stepping forward and back through every built-in lesson with the
 * keys moves no region of the window. Each region (the four cards of the diagram, the narration,
 * the code, the control block, the summary) has the same bounds on the screen at every step.
 */
class RegionsHoldStillTest extends WindowFixture {
    static final List<String> REGIONS = List.of(".application-card", ".stack-card", ".memory-card",
            ".cabinet-card", ".narration", ".code-panel", ".control-block", ".summary-table");

    /** The regions' bounds on the screen once the window has laid itself out. */
    private Map<String, Bounds> regions() {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        root.layout();
        Map<String, Bounds> bounds = new LinkedHashMap<>();
        for (String region : REGIONS) {
            Node node = root.lookup(region);
            bounds.put(region, node.localToScene(node.getLayoutBounds()));
        }
        return bounds;
    }


    private List<String> movesIn(FxRobot robot, BuiltInLesson lesson) {
        List<String> moved = new ArrayList<>();
        robot.interact(() -> {
            player.load(lesson.lesson(), 0);
            Map<String, Bounds> first = regions();
            int count = player.getCount();
            for (int i = 1; i < count; i++) {
                press(KeyCode.RIGHT);
                compare(first, regions(), lesson.id() + " forward to step " + player.getIndex(), moved);
            }
            assertThat(player.getIndex()).as(lesson.id() + " walked to its end").isEqualTo(count - 1);
            for (int i = 1; i < count; i++) {
                press(KeyCode.LEFT);
                compare(first, regions(), lesson.id() + " back to step " + player.getIndex(), moved);
            }
            assertThat(player.getIndex()).as(lesson.id() + " went all the way back").isZero();
        });
        return moved;
    }

    private static void compare(Map<String, Bounds> first, Map<String, Bounds> now, String where, List<String> moved) {
        first.forEach((region, bounds) -> {
            Bounds b = now.get(region);
            if (Math.abs(b.getMinX() - bounds.getMinX()) > 0.01 || Math.abs(b.getMinY() - bounds.getMinY()) > 0.01
                    || Math.abs(b.getWidth() - bounds.getWidth()) > 0.01
                    || Math.abs(b.getHeight() - bounds.getHeight()) > 0.01) {
                moved.add(where + ": " + region + " " + bounds + " -> " + b);
            }
        });
    }

    @Test
    void noRegionMovesBetweenStepsOfAnyBuiltInLesson(FxRobot robot) {
        List<String> moved = new ArrayList<>();
        int steps = 0;
        for (BuiltInLesson lesson : BuiltInLessons.all()) {
            moved.addAll(movesIn(robot, lesson));
            steps += player.getCount();
        }
        assertThat(steps).as("the lessons have steps to walk").isGreaterThan(BuiltInLessons.all().size() * 2);
        assertThat(moved).isEmpty();
    }

    @Test
    void noRegionMovesInChineseInASmallWindowEither(FxRobot robot) {
        robot.interact(() -> {
            window.messages().localeProperty().set(Locale.SIMPLIFIED_CHINESE);
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        List<String> moved = new ArrayList<>();
        for (BuiltInLesson lesson : BuiltInLessons.all()) {
            moved.addAll(movesIn(robot, lesson));
        }
        assertThat(moved).isEmpty();
    }
}
