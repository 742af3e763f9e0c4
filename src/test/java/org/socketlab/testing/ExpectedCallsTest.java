// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import org.socketlab.lesson.kernelrun.FreshPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectation files: what a kernel-truth fixture claims, checked against a log. */
class ExpectedCallsTest {
    private static final FreshPorts.Mapping NO_PORTS = new FreshPorts.Mapping(Map.of());
    private static final String LOG = """
            4711  execve("./prog", ["./prog"], 0x7ffd /* 3 vars */) = 0
            4711  socket(AF_INET, SOCK_STREAM, 262) = 3<MPTCP:[3061]>
            4711  bind(3<MPTCP:[3061]>, {sa_family=AF_INET, sin_port=htons(41234), sin_addr=inet_addr("0.0.0.0")}, 16) = 0
            4711  accept(3<TCP:[127.0.0.1:41234]>, NULL, NULL <unfinished ...>
            4712  socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5<TCP:[3070]>
            4711  <... accept resumed>)             = 4<TCP:[127.0.0.1:41234->127.0.0.1:50000]>
            4711  close(4<TCP:[127.0.0.1:41234->127.0.0.1:50000]>) = 0
            4711  socket(AF_INET, SOCK_STREAM, 258) = -1 EPROTONOSUPPORT (Protocol not supported)
            4711  +++ exited with 0 +++
            """;

    private static ExpectedCalls expect(String text) {
        return ExpectedCalls.parse("x/expect.txt", text, NO_PORTS);
    }

    @Test
    void linesMustAppearInOrderWithDescriptorsPortsAndNumbersLeftOpen() {
        ExpectedCalls calls = expect("""
                # MPTCP is a real socket
                socket(AF_INET, SOCK_STREAM, 262) = FD
                bind(FD, {sa_family=AF_INET, sin_port=htons(PORT), ...}, NUM) = 0
                accept(FD, NULL, NULL) = 4<TCP:[...]>
                close(FD) = 0
                socket(AF_INET, SOCK_STREAM, 258) = -1 EPROTONOSUPPORT
                +++ exited with 0 +++
                """);

        assertThat(calls.check(LOG, true)).isEmpty();
        assertThat(calls.size()).isEqualTo(6);
    }

    @Test
    void aLineOutOfOrderIsReportedWithItsFileLineAndWhereItWasLookedFor() {
        ExpectedCalls calls = expect("""
                close(FD) = 0
                socket(AF_INET, SOCK_STREAM, 262) = FD
                """);

        assertThat(calls.check(LOG, true)).singleElement().asString()
                .startsWith("x/expect.txt:2: 'socket(AF_INET, SOCK_STREAM, 262) = FD' not found after log line")
                .contains("close(4<TCP:");
    }

    @Test
    void aDescriptorIsNotAFailure() {
        assertThat(expect("socket(AF_INET, SOCK_STREAM, 258) = FD").check(LOG, true)).hasSize(1);
    }

    @Test
    void absentLinesMustNotAppearAnywhere() {
        assertThat(expect("absent: --- SIGPIPE").check(LOG, true)).isEmpty();
        assertThat(expect("absent: = -1 EPROTONOSUPPORT").check(LOG, true)).singleElement().asString()
                .startsWith("x/expect.txt:1: must not appear, but log line 8 has it");
    }

    @Test
    void rootAndUserLinesApplyOnlyToTheirUser() {
        ExpectedCalls calls = expect("""
                root: socket(AF_INET, SOCK_STREAM, 262) = FD
                user: socket(AF_INET, SOCK_STREAM, 262) = -1 EPERM
                """);

        assertThat(calls.check(LOG, true)).isEmpty();
        assertThat(calls.check(LOG, false)).hasSize(1);
    }

    @Test
    void asNobodyIsADirectiveAndUnknownUsersAreRefusedWithFileLineColumn() {
        assertThat(expect("as: nobody\nclose(FD) = 0").asNobody()).isTrue();
        assertThat(expect("close(FD) = 0").asNobody()).isFalse();
        assertThatThrownBy(() -> expect("\nas: daemon\nclose(FD) = 0"))
                .hasMessage("x/expect.txt:2:1: unknown user 'daemon' (only 'as: nobody' exists)");
        assertThatThrownBy(() -> expect("# nothing\n")).hasMessage("x/expect.txt:1:1: no expected line");
    }

    @Test
    void literalPortsBecomeTheRunsFreshPorts() {
        ExpectedCalls calls = ExpectedCalls.parse("x/expect.txt", """
                bind(FD, {sa_family=AF_INET, sin_port=htons(8080), ...}, 16) = 0
                accept(3<TCP:[127.0.0.1:8080]>, NULL, NULL) = 4<TCP:[127.0.0.1:8080->127.0.0.1:50000]>
                """, new FreshPorts.Mapping(Map.of(8080, 41234)));
        ExpectedCalls wrongPort = ExpectedCalls.parse("x/expect.txt", "accept(3<TCP:[127.0.0.1:8080]>, ...",
                new FreshPorts.Mapping(Map.of(8080, 41235)));

        assertThat(calls.check(LOG, true)).isEmpty();
        assertThat(ExpectedCalls.parseAnyPorts("x/expect.txt", "accept(3<TCP:[127.0.0.1:8080]>, ...")
                .check(LOG, true)).isEmpty();
        assertThat(wrongPort.check(LOG, true)).hasSize(1);
    }

    @Test
    void callsSplitAcrossThreadsAreJoinedWhereTheyReturned() {
        assertThat(ExpectedCalls.joined(LOG)).containsSubsequence(
                new ExpectedCalls.LogLine(5, "4712 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 5<TCP:[3070]>"),
                new ExpectedCalls.LogLine(6,
                        "4711 accept(3<TCP:[127.0.0.1:41234]>, NULL, NULL) = 4<TCP:[127.0.0.1:41234->127.0.0.1:50000]>"));
    }
}
