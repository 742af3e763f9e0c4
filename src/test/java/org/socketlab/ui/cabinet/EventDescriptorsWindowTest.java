// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.player.Player;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.TestWindow;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A replayed event loop's descriptors in the window, stepped with the arrow key: drawer 3 is an epoll
 * instance (its icon, its kind in words, the inode's name and what it is in the tip), drawers 4 and 5 a
 * pipe's read and write ends, each narrated; in Chinese too (kernel-truth/event-descriptors, a log the
 * kernel wrote).
 */
@ExtendWith(ApplicationExtension.class)
class EventDescriptorsWindowTest {
    private static final Lesson EVENTS = replay();

    private Player player;
    private MainWindow window;

    private static Lesson replay() {
        try {
            return TraceReplay.importTrace(Path.of("src/test/resources/kernel-truth/event-descriptors/prog.strace"))
                    .lesson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        player = new Player(EVENTS);
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private static int frameOf(String narrationKey) {
        for (int i = 0; i < EVENTS.size(); i++) {
            if (EVENTS.frame(i).step().narration().key().equals(narrationKey)) {
                return i;
            }
        }
        throw new AssertionError("the replay has no step " + narrationKey);
    }

    private void stepTo(FxRobot robot, String narrationKey) {
        robot.type(KeyCode.RIGHT, frameOf(narrationKey) - player.getIndex());
        assertThat(player.getIndex()).isEqualTo(frameOf(narrationKey));
    }

    private static DrawerView drawer(FxRobot robot, int fd) {
        return robot.lookup(".drawer").queryAllAs(DrawerView.class).stream().filter(d -> d.fd() == fd)
                .findFirst().orElseThrow();
    }

    private static String label(Node drawer) {
        return ((Label) drawer.lookup(".drawer-label")).getText();
    }

    private static String icon(Node drawer) {
        return ((FontIcon) drawer.lookup(".icon")).getIconLiteral();
    }

    private static String tipOf(FxRobot robot, Node node) {
        robot.moveTo("#step"); // out and in again: the tip is asked for when the mouse comes in
        robot.moveTo(node);
        Object tip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tip instanceof Tooltip t ? t.getText() : null;
    }

    @Test
    void theEpollInstanceAndThePipesEndsAreDrawnAsWhatTheyAre(FxRobot robot) {
        stepTo(robot, "open.epoll");

        DrawerView epoll = drawer(robot, 3);
        assertThat(epoll.getStyleClass()).contains("drawer-epoll", "drawer-event").doesNotContain("drawer-file");
        assertThat(label(epoll)).isEqualTo("epoll");
        assertThat(icon(epoll)).isEqualTo(Icons.EPOLL);
        assertThat(robot.lookup(".call-result").queryLabeled().getText()).isEqualTo("epoll_create1() returned 3");
        assertThat(robot.lookup(".narration-text").queryLabeled().getText())
                .startsWith("Drawer 3 now holds an epoll instance (anon_inode:[eventpoll])");
        assertThat(tipOf(robot, epoll)).isEqualTo("Drawer 3: epoll (anon_inode:[eventpoll]). An epoll instance: the"
                + " descriptors it watches, and those it found ready. It watches nothing yet.");

        stepTo(robot, "open.pipe.write");

        assertThat(drawer(robot, 4).getStyleClass()).contains("drawer-pipe-read", "drawer-event");
        assertThat(label(drawer(robot, 4))).isEqualTo("read end");
        assertThat(icon(drawer(robot, 4))).isEqualTo(Icons.PIPE_READ);
        assertThat(drawer(robot, 5).getStyleClass()).contains("drawer-pipe-write");
        assertThat(label(drawer(robot, 5))).isEqualTo("write end");
        assertThat(icon(drawer(robot, 5))).isEqualTo(Icons.PIPE_WRITE);
        assertThat(robot.lookup(".call-result").queryLabeled().getText()).startsWith("pipe2() returned");
        assertThat(robot.lookup(".narration-text").queryLabeled().getText())
                .startsWith("Drawer 5 now holds the write end of the same pipe (pipe:[");
    }

    private static int frameOf(String narrationKey, int nth) {
        int seen = 0;
        for (int i = 0; i < EVENTS.size(); i++) {
            if (EVENTS.frame(i).step().narration().key().equals(narrationKey) && ++seen == nth) {
                return i;
            }
        }
        throw new AssertionError("the replay has no step " + narrationKey + " #" + nth);
    }

    @Test
    void theEpollDrawerShowsWhatItWatchesAndAWaitWhatItFound(FxRobot robot) {
        robot.type(KeyCode.RIGHT, frameOf("epoll.ctl.add", 2) - player.getIndex());

        assertThat(robot.lookup(".stage-chip").queryLabeled().getText()).isEqualTo("epoll_ctl(): what epoll watches");
        assertThat(robot.lookup(".narration-text").queryLabeled().getText()).startsWith(
                "epoll_ctl(3, EPOLL_CTL_ADD, 5, EPOLLOUT): the epoll instance in drawer 3 now watches 5 too.");
        assertThat(tipOf(robot, drawer(robot, 3))).endsWith("It watches 4 (EPOLLIN), 5 (EPOLLOUT).");

        robot.type(KeyCode.RIGHT);

        assertThat(robot.lookup(".stage-chip").queryLabeled().getText()).isEqualTo("The wait: what is ready");
        assertThat(robot.lookup(".narration-text").queryLabeled().getText())
                .startsWith("epoll_wait(3) found 1 ready: 5 EPOLLOUT.")
                .contains("The model could not know the answer for 5");
        assertThat(drawer(robot, 5).getPseudoClassStates()).as("the drawer found ready").contains(Css.CHANGED);
        assertThat(drawer(robot, 4).getPseudoClassStates()).doesNotContain(Css.CHANGED);

        robot.type(KeyCode.RIGHT, frameOf("epoll.ctl.ENOENT") - player.getIndex());

        assertThat(robot.lookup(".narration-text").queryLabeled().getText())
                .contains("(ENOENT). An entry goes when its file's last reference goes");
        assertThat(tipOf(robot, drawer(robot, 3))).endsWith("It watches 5 (EPOLLOUT).");

        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        robot.type(KeyCode.RIGHT, frameOf("wait.none") - player.getIndex());

        assertThat(robot.lookup(".narration-text").queryLabeled().getText())
                .isEqualTo("epoll_wait(3) 没有发现任何已就绪的描述符，返回 0。");
        assertThat(tipOf(robot, drawer(robot, 3))).endsWith("它还什么都没有监视。");
    }

    @Test
    void everyKindHasItsIconAndWordsInChinese(FxRobot robot) {
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        stepTo(robot, "open.memfd");

        assertThat(label(drawer(robot, 3))).isEqualTo("epoll");
        assertThat(label(drawer(robot, 5))).isEqualTo("管道写端");
        assertThat(icon(drawer(robot, 6))).isEqualTo(Icons.PIDFD);
        assertThat(icon(drawer(robot, 7))).isEqualTo(Icons.FANOTIFY);
        assertThat(icon(drawer(robot, 9))).isEqualTo(Icons.EVENTFD);
        assertThat(icon(drawer(robot, 10))).isEqualTo(Icons.TIMERFD);
        assertThat(icon(drawer(robot, 11))).isEqualTo(Icons.SIGNALFD);
        assertThat(icon(drawer(robot, 12))).isEqualTo(Icons.INOTIFY);
        assertThat(icon(drawer(robot, 13))).isEqualTo(Icons.MEMFD);
        assertThat(robot.lookup(".call-result").queryLabeled().getText()).isEqualTo("memfd_create() 返回 13");
        assertThat(tipOf(robot, drawer(robot, 13))).startsWith("13 号抽屉：memfd（/memfd:socketlab")
                .endsWith("一个 memfd：存在于内存中、在任何目录里都没有名字的文件。");
    }
}
