// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.prefs.BackingStoreException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.testing.Garbage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A class that opens lesson after lesson in one window — the built-in lessons from the Lessons
 * menu, lesson files and strace logs through File > Open — 1,000 of them, each moved halfway
 * through (every fourth one drawn): the heap after the thousandth is where it was after the
 * hundredth, no drawer or code line of an earlier lesson stays alive off screen, and the window
 * still works (its title, its recent files, its step key).
 */
@ExtendWith(ApplicationExtension.class)
class ThousandLessonsTest {
    /** How much the heap may grow between the 100th and the 1,000th lesson (noise, not leaks). */
    private static final long SLACK_BYTES = 4L << 20;
    private static final int BATCH = 20;
    /** The code list may keep a few more cells for a lesson with a scroll bar; a leak keeps one set per lesson. */
    private static final int CELL_SLACK = 4;
    /** Every fourth lesson is drawn (CSS and layout), as the next pulse would: that pass is most of the time. */
    private static final int DRAW_EVERY = 4;

    @TempDir
    Path folder;
    private final List<BuiltInLesson> builtIns = BuiltInLessons.all();
    private final Set<Node> drawers = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<Node> codeLines = Collections.newSetFromMap(new WeakHashMap<>());
    private List<Path> lessonFiles;
    private List<Path> traces;
    private OpeningWindow app;

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-thousand");
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        app.forget();
    }

    @Test
    void aThousandLessonsInOneWindowLeaveTheHeapFlatAndNothingBehind(FxRobot robot) throws IOException {
        lessonFiles = copy("src/test/resources/lessons/conversation.c", "src/test/resources/lessons/fork-copy.c",
                "src/test/resources/lessons/three-tabs.c", "assets/lessons/leak.c");
        traces = copy("src/test/resources/traces/lifecycle.strace", "src/test/resources/traces/emfile.strace",
                "assets/traces/fork-f.strace", "src/test/resources/traces/curl.strace");
        Runnable fxIdle = WaitForAsyncUtils::waitForFxEvents;

        openLessons(robot, 0, 100);
        long atHundred = Garbage.usedHeap(fxIdle);
        long linesAtHundred = liveAfterCollecting(codeLines, fxIdle);
        openLessons(robot, 100, 1000);
        long atThousand = Garbage.usedHeap(fxIdle);

        assertThat(atThousand - atHundred).as("heap growth from lesson 100 (%d bytes) to 1,000 (%d bytes)",
                atHundred, atThousand).isLessThan(SLACK_BYTES);
        assertThat(liveAfterCollecting(codeLines, fxIdle)).as("code-line cells alive (a leak would add hundreds)")
                .isLessThanOrEqualTo(linesAtHundred + CELL_SLACK);
        robot.interact(() -> {
            Parent root = app.window().root();
            assertThat(drawers).as("every drawer view still alive is in the window").allMatch(d -> inside(d, root));
            assertThat(codeLines).as("every code-line cell still alive is in the window")
                    .allMatch(d -> inside(d, root));
        });
        assertTheWindowStillWorks(robot);
    }

    /** Opens lessons {@code from} to {@code to} (exclusive), in batches, each moved halfway through. */
    private void openLessons(FxRobot robot, int from, int to) {
        for (int start = from; start < to; start += BATCH) {
            int first = start;
            robot.interact(() -> {
                for (int i = first; i < Math.min(to, first + BATCH); i++) {
                    open(i);
                }
            });
        }
        assertThat(Window.getWindows()).as("no file failed to open (no dialog)").hasSize(1);
    }

    private void open(int i) {
        int round = i / 3;
        switch (i % 3) {
            case 0 -> app.player().load(builtIns.get(round % builtIns.size()).lesson(), 0); // the Lessons menu
            case 1 -> app.opening().open(app.window(), lessonFiles.get(round % lessonFiles.size()));
            default -> app.opening().open(app.window(), traces.get(round % traces.size()));
        }
        assertThat(app.player().getIndex()).as("lesson %d opens at its start", i).isZero();
        app.player().jumpTo(app.player().getCount() / 2);
        if (i % DRAW_EVERY == 0) {
            Parent root = app.window().root();
            root.applyCss();
            root.layout();
            drawers.addAll(root.lookupAll(".drawer"));
            codeLines.addAll(root.lookupAll(".code-line"));
        }
    }

    private void assertTheWindowStillWorks(FxRobot robot) {
        // Lesson 999 is built in; 998 was a trace, 997 a lesson file.
        BuiltInLesson last = builtIns.get((999 / 3) % builtIns.size());
        Path lastTrace = traces.get((998 / 3) % traces.size());
        Path lastLesson = lessonFiles.get((997 / 3) % lessonFiles.size());
        assertThat(app.player().getLesson()).isSameAs(last.lesson());
        assertThat(robot.lookup(".lesson-title").queryAs(Label.class).getText()).isEqualTo(last.title().en());
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu recentMenu = (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> "Open recent".equals(item.getText())).findFirst().orElseThrow();
        assertThat(recentMenu.getItems()).extracting(MenuItem::getText).as("File > Open recent, newest first")
                .startsWith(lastTrace.getFileName().toString(), lastLesson.getFileName().toString());
        int index = app.player().getIndex();
        robot.type(KeyCode.RIGHT);
        assertThat(app.player().getIndex()).isEqualTo(Math.min(index + 1, app.player().getCount() - 1));
    }

    private List<Path> copy(String... files) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (String file : files) {
            Path source = Path.of(file);
            copies.add(Files.copy(source, folder.resolve(source.getFileName())));
        }
        return copies;
    }

    private static long liveAfterCollecting(Set<Node> nodes, Runnable between) {
        between.run();
        Garbage.collect();
        between.run();
        Garbage.collect();
        return nodes.size();
    }

    private static boolean inside(Node node, Parent root) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }
}
