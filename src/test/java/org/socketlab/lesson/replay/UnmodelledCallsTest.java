// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.SyscallKind;

/**
 * A traced call is described in one place: by its {@link SyscallKind} once the model runs it,
 * or, until then, in the replay's table of calls it only learns descriptors from. A call that
 * gets a description and stays in that table would have two answers to "which arguments are
 * descriptors"; this test finds it.
 */
class UnmodelledCallsTest {

    @Test
    void noCallTheModelRunsIsAlsoInTheTablesOfCallsItDoesNotRun() {
        Set<String> described = new HashSet<>();
        for (SyscallKind kind : SyscallKind.values()) {
            described.addAll(kind.straceNames());
        }
        assertThat(CallArgs.UNMODELLED_DESCRIPTORS.keySet()).doesNotContainAnyElementsOf(described);
        assertThat(CallArgs.UNMODELLED_SOCKET_CALLS).doesNotContainAnyElementsOf(described);
        assertThat(CallArgs.UNMODELLED_DESCRIPTORS.keySet()).containsAll(CallArgs.UNMODELLED_SOCKET_CALLS);
    }

    @Test
    void aReplayLearnsFromCallsItDoesNotRunWhichDescriptorsAreOpenAndWhichAreSockets() {
        Replay replay = Replays.lines("getsockname(7, {sa_family=AF_INET, sin_port=htons(8080), "
                + "sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0", "fstat(8, {st_mode=S_IFREG|0644, st_size=3}) = 0",
                "bind(9, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}, 16) = 0");

        assertThat(replay.notAnimated()).containsEntry("getsockname", 1).containsEntry("fstat", 1);
        assertThat(Replays.open(replay, null)).contains("7 socket", "8 unknown", "9 socket");
    }
}
