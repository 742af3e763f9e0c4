// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Threads are threads: a clone with CLONE_THREAD makes a thread of the caller's process (its
 * thread group), sharing its descriptor table, so a replay lists processes (thread-group leaders),
 * each with its threads, as /proc and ss -p show them — not every thread as a process.
 */
class ThreadsReplayTest {

    @ParameterizedTest
    @CsvSource({"java-threads, 16542, 19", "node-http, 16576, 6", "redis, 16906, 4"})
    void aThreadedProgramIsOneProcessWithItsThreads(String name, int pid, int threads) {
        Replay replay = Replays.resource("/recorded/" + name + "/" + name + ".strace");

        assertThat(replay.processes()).extracting(ProcessAtEnd::pid).containsExactly(pid);
        assertThat(replay.processes().get(0).threads()).hasSize(threads).doesNotContain(pid);
    }

    @Test
    void forkedChildrenStayProcessesAndAThreadOfAChildIsTheChilds() {
        Replay replay = Replays.lines(
                "100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
                        + "child_tidptr=0x7f) = 101",
                "101 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, "
                        + "exit_signal=0, stack=0x7f, stack_size=0x7fff80} => {parent_tid=[102]}, 88) = 102",
                "102 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "102 +++ exited with 0 +++",
                "101 +++ exited with 0 +++",
                "100 +++ exited with 0 +++");

        assertThat(replay.processes()).extracting(ProcessAtEnd::pid).containsExactly(100, 101);
        assertThat(replay.processes()).extracting(ProcessAtEnd::threads).containsExactly(List.of(), List.of(102));
        // The thread's socket is in its process's table.
        assertThat(Replays.open(replay, 101)).contains("3 socket AF_INET SOCK_STREAM");
    }

    @Test
    void whenOneEndOfAUnixStreamClosesTheOtherStaysEstablishedButShut() {
        Replay replay = Replays.resource("/recorded/java-threads/java-threads.strace");

        // socketpair [7, 8] at 2605, close(8) at 2607: ss showed 7 as u_str ESTAB at exit.
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.fd() == 7)
                .extracting(ProcessAtEnd.OpenDescriptor::state).containsExactly("TCP_ESTABLISHED");
    }

    @Test
    void theJavaProgramEndsWithTheSocketsItHadOpenInTheStatesSsShowed() {
        Replay replay = Replays.resource("/recorded/java-threads/java-threads.strace");

        // java-threads.fds.txt, taken at READY: ss -anp showed LISTEN 4, FIN-WAIT-2 5, CLOSE-WAIT 6, u_str ESTAB 7.
        // The accept (thread 16561) returned at 2530 while the connect of 6 (thread 16543, begun at 2528)
        // was still running: the two ends are one connection, so 5's FIN reaches 6.
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.kind().equals("socket"))
                .extracting(d -> d.fd() + " " + d.state())
                .containsExactly("4 TCP_LISTEN", "5 TCP_FIN_WAIT2", "6 TCP_CLOSE_WAIT", "7 TCP_ESTABLISHED");
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.mismatches()).isZero();
    }

    @Test
    void anAcceptThatReturnsBeforeTheConnectThatMadeItsConnectionTakesThatConnection() {
        Replay replay = Replays.lines(
                "100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "100 bind(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                "100 listen(3, 5) = 0",
                "100 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, "
                        + "exit_signal=0, stack=0x7f, stack_size=0x7fff80} => {parent_tid=[101]}, 88) = 101",
                "101 accept(3, NULL, NULL <unfinished ...>",
                "100 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5",
                "100 connect(5, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}, 16 <unfinished ...>",
                "101 <... accept resumed>) = 4<TCP:[127.0.0.1:8080->127.0.0.1:40000]>",
                "100 <... connect resumed>) = 0",
                "101 shutdown(4, SHUT_WR) = 0");

        assertThat(replay.mismatches()).isZero();
        assertThat(replay.disagreements()).isZero();
        assertThat(replay.processes().get(0).open()).filteredOn(d -> d.kind().equals("socket"))
                .extracting(d -> d.fd() + " " + d.state())
                .containsExactly("3 TCP_LISTEN", "4 TCP_FIN_WAIT2", "5 TCP_CLOSE_WAIT");
    }
}
