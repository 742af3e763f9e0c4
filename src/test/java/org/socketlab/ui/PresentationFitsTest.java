// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.testfx.api.FxRobot;

/**
 * Presenting on a projector shows the whole picture like a slide, at every step: no scroll bar
 * anywhere, and every region inside the screen (F5 on a 1280×720 projector showed the code with a
 * scroll bar and its first row cut in half).
 */
class PresentationFitsTest extends WindowFixture {

    /** The after-socket lesson and the built-in lesson with the most steps. */
    private static List<BuiltInLesson> lessons() {
        BuiltInLesson longest = BuiltInLessons.all().stream()
                .max(Comparator.comparingInt(l -> l.lesson().size())).orElseThrow();
        return List.of(BuiltInLessons.find("after-socket").orElseThrow(), longest);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Bounds outer, Bounds inner) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMinY() >= outer.getMinY() - 0.5
                && inner.getMaxX() <= outer.getMaxX() + 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    /** What is wrong with the picture on the screen now: scroll bars shown, regions off the screen. */
    private List<String> problems(String where) {
        Parent root = stage.getScene().getRoot();
        root.applyCss();
        root.layout();
        Bounds screen = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        List<String> problems = new ArrayList<>();
        for (Node bar : root.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar scrollBar && shown(bar) && scrollBar.getWidth() > 0 && scrollBar.getHeight() > 0) {
                problems.add(where + ": a scroll bar in " + bar.getParent().getStyleClass() + " at "
                        + bar.localToScene(bar.getLayoutBounds()));
            }
        }
        int line = window.player().getLesson().frame(window.player().getIndex()).codeLine();
        Node list = root.lookup(".code-list");
        Bounds code = list.localToScene(list.getLayoutBounds());
        int expected = Math.max(0, line); // no line highlighted (before the first call): the first line
        boolean lineShown = root.lookupAll(".code-line").stream().anyMatch(cell -> cell instanceof ListCell<?> c
                && c.getIndex() == expected && shown(c) && inside(code, c.localToScene(c.getLayoutBounds())));
        if (!lineShown) {
            problems.add(where + ": the code's line " + (expected + 1) + " is not in sight");
        }
        List<String> regions = new ArrayList<>(RegionsHoldStillTest.REGIONS);
        regions.add(".main-window");
        for (String region : regions) {
            Node node = root.lookup(region);
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            if (!inside(screen, bounds)) {
                problems.add(where + ": " + region + " " + bounds + " is not inside the screen " + screen);
            }
        }
        return problems;
    }

    @ParameterizedTest(name = "a {0}x{1} projector")
    @CsvSource({"1280, 720", "1024, 768"})
    void presentingShowsTheWholePictureAtEveryStepWithoutScrollBars(int width, int height, FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            // The last step in the window first: presenting then makes the code panel smaller.
            player.load(lessons().get(0).lesson(), 0);
            press(KeyCode.END);
        });
        robot.interact(() -> {
            press(KeyCode.F5);
            // Full screen is the headless screen's 1600x1200: the window is given the projector's size
            // again before anything is drawn at that size.
            stage.setWidth(width);
            stage.setHeight(height);
        });
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            assertThat(window.presentingProperty().get()).as("presenting").isTrue();
            assertThat(stage.getScene().getWidth()).isEqualTo(width);
            assertThat(stage.getScene().getHeight()).isEqualTo(height);
            problems.addAll(problems("after-socket's last step, presented after End"));
            for (BuiltInLesson lesson : lessons()) {
                player.load(lesson.lesson(), 0);
                problems.addAll(problems(lesson.id() + " step 1"));
                for (int i = 1; i < player.getCount(); i++) {
                    press(KeyCode.RIGHT);
                    problems.addAll(problems(lesson.id() + " step " + (player.getIndex() + 1)));
                }
                assertThat(player.getIndex()).as(lesson.id() + " walked to its end").isEqualTo(player.getCount() - 1);
            }
        });
        assertThat(problems).isEmpty();
    }
}
