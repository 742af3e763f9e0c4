// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.player.Player;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.TestWindow;
import org.socketlab.ui.theme.Icons;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Pipe ends inherited from the shell (traces/pipe-ends, recorded here): the drawer of one the log
 * reads is a read end, the one it writes a write end, and the one it only fstat()s is drawn as "a
 * pipe end", which end the log does not say, in English and Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class PipeEndsWindowTest {
    private Stage stage;
    private MainWindow window;

    @BeforeEach
    void registerStage() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopPresenting(FxRobot robot) {
        robot.interact(() -> {
            if (window != null) {
                window.presentingProperty().set(false);
            }
            stage.setFullScreen(false);
        });
    }

    private static DrawerView drawer(FxRobot robot, int fd) {
        return robot.lookup(".drawer").queryAllAs(DrawerView.class).stream().filter(d -> d.fd() == fd)
                .findFirst().orElseThrow();
    }

    private static String label(DrawerView drawer) {
        return ((Label) drawer.lookup(".drawer-label")).getText();
    }

    private static String icon(DrawerView drawer) {
        return ((FontIcon) drawer.lookup(".icon")).getIconLiteral();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|read end|write end|pipe end|Drawer 7 holds an end of a pipe|the log does not say",
            "zh|管道读端|管道写端|管道端|7 号抽屉放着一个管道的一端|日志没有说",
    })
    void aPipeEndTheLogNeverReadsOrWritesIsDrawnAsAPipeEndNotAGuessedOne(String language, String read, String write,
                                                                       String unknown, String narrated, String why,
                                                                       FxRobot robot) throws Exception {
        Lesson lesson = TraceReplay.importTrace(Path.of("src/test/resources/traces/pipe-ends/prog.strace")).lesson();
        int opened = -1;
        for (int i = 0; i < lesson.size() && opened < 0; i++) {
            opened = lesson.frame(i).step().narration().key().equals("open.pipe.end") ? i : -1;
        }
        int frame = opened;
        assertThat(frame).as("the step that puts 7 in its drawer").isPositive();
        robot.interact(() -> {
            window = TestWindow.show(stage, new Player(lesson), Locale.forLanguageTag(language));
        });

        robot.type(KeyCode.RIGHT, frame);

        assertThat(label(drawer(robot, 5))).isEqualTo(read);
        assertThat(icon(drawer(robot, 5))).isEqualTo(Icons.PIPE_READ);
        assertThat(label(drawer(robot, 6))).isEqualTo(write);
        assertThat(icon(drawer(robot, 6))).isEqualTo(Icons.PIPE_WRITE);
        assertThat(label(drawer(robot, 7))).isEqualTo(unknown);
        assertThat(icon(drawer(robot, 7))).isEqualTo(Icons.PIPE);
        assertThat(robot.lookup(".narration-text").queryAs(Label.class).getText()).startsWith(narrated).contains(why);
    }
}
