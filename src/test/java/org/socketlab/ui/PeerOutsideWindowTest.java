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
 * wget's connection to a python http.server outside the trace (recorded/wget): the server closed
 * after its reply, but wget read exactly the body's length and never the end of file, so no line
 * shows the FIN that left the socket in CLOSE_WAIT (ss showed it). The control block does not state
 * a confident ESTABLISHED: it says ESTABLISHED as far as the log shows, or CLOSE_WAIT, and why.
 */
class PeerOutsideWindowTest extends WindowFixture {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|TCP_ESTABLISHED (or TCP_CLOSE_WAIT?)|its peer is outside the trace and may have closed",
            "zh|TCP_ESTABLISHED（或 TCP_CLOSE_WAIT？）|它的对端在跟踪之外，可能已经关闭",
    })
    void aConnectionToAServerOutsideTheTraceIsEstablishedOnlyAsFarAsTheLogShows(String language, String state,
                                                                                String note, FxRobot robot)
            throws Exception {
        Path log = Path.of(PeerOutsideWindowTest.class.getResource("/recorded/wget/wget.strace").toURI());
        Player replayed = new Player(TraceReplay.importTrace(log).lesson());
        robot.interact(() -> {
            player = replayed;
            window = TestWindow.show(stage, player, Locale.forLanguageTag(language));
        });
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);
        Label tcpState = form.value(ControlBlock.Field.TCP_STATE);

        robot.type(KeyCode.END);
        robot.type(KeyCode.LEFT, 2);   // wget's last read(3): socket 3 is the one shown

        assertThat(robot.lookup(".narration-text").queryAs(Label.class).getText()).startsWith("read(3)");
        assertThat(tcpState.getText()).isEqualTo(state);
        assertThat(form.peerNote().isVisible()).isTrue();
        assertThat(form.peerNote().getText()).contains(note).contains("TCP_CLOSE_WAIT");
    }
}
