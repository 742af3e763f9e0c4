// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.player.Player;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.testfx.api.FxRobot;

/**
 * A replayed server that makes its IPv6 socket IPv6 only (traces/v6only-server.strace, the calls of
 * kernel-truth/ipv6-v6only): the control block's options say IPV6_V6ONLY from the setsockopt() on,
 * the narration says what it means, and the refused second setsockopt() is explained.
 */
class Ipv6OnlyWindowTest extends WindowFixture {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|the socket is IPv6 only|IPV6_V6ONLY may change only before bind()",
            "zh|套接字只用 IPv6|IPV6_V6ONLY 只能在 bind()",
    })
    void theControlBlockShowsIpv6OnlyAndTheNarrationSaysWhatItMeans(String language, String set, String refused,
                                                                      FxRobot robot) throws Exception {
        Path log = Path.of(Ipv6OnlyWindowTest.class.getResource("/traces/v6only-server.strace").toURI());
        Player replayed = new Player(TraceReplay.importTrace(log).lesson());
        robot.interact(() -> {
            player = replayed;
            window = TestWindow.show(stage, player, Locale.forLanguageTag(language));
        });
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);
        Label options = form.value(ControlBlock.Field.OPTIONS);

        robot.type(KeyCode.RIGHT, 4);
        assertThat(options.isVisible()).as("after execve and socket(): a fresh IPv6 socket is dual stack, "
                + "no option to show").isFalse();

        robot.type(KeyCode.RIGHT);
        assertThat(options.isVisible()).isTrue();
        assertThat(options.getText()).isEqualTo("IPV6_V6ONLY");
        assertThat(narration(robot)).contains("IPV6_V6ONLY").contains(set);

        robot.type(KeyCode.RIGHT, 2);
        assertThat(narration(robot)).contains(refused).contains("EINVAL");
        assertThat(options.getText()).as("still IPv6 only").isEqualTo("IPV6_V6ONLY");
    }

    private static String narration(FxRobot robot) {
        return robot.lookup(".narration-text").queryAs(Label.class).getText();
    }
}
