// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.lesson.Compiled;
import org.socketlab.player.Player;
import org.testfx.api.FxRobot;

/**
 * An AF_UNIX datagram socketpair's control block says TCP_ESTABLISHED, as /proc/net/unix and
 * {@code ss -x} ({@code u_dgr ESTAB}) say on Linux 6.18 (kernel-truth/unix-dgram-states), not the
 * fresh TCP_CLOSE of a socket nobody connected.
 */
class UnixDatagramPairWindowTest extends WindowFixture {

    @Test
    void theFormOfADatagramPairSaysEstablished(FxRobot robot) throws Exception {
        Player pair = new Player(Compiled.compile("int sv[2];", "socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);"));
        robot.interact(() -> {
            player = pair;
            window = TestWindow.show(stage, player, Locale.ENGLISH);
        });
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);

        robot.type(KeyCode.END);

        assertThat(form.value(ControlBlock.Field.TYPE).getText()).contains("SOCK_DGRAM");
        assertThat(form.value(ControlBlock.Field.TCP_STATE).getText()).isEqualTo("TCP_ESTABLISHED");
    }
}
