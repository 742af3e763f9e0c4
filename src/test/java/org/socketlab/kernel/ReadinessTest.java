// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.Readiness.POLLERR;
import static org.socketlab.kernel.Readiness.POLLHUP;
import static org.socketlab.kernel.Readiness.POLLIN;
import static org.socketlab.kernel.Readiness.POLLNVAL;
import static org.socketlab.kernel.Readiness.POLLOUT;
import static org.socketlab.kernel.Readiness.POLLPRI;
import static org.socketlab.kernel.Readiness.POLLRDHUP;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What poll() finds on a socket, as tcp_poll, udp_poll and unix_poll decide it (the answers are the
 * ones kernel-truth/readiness recorded on this machine), and what the model says it cannot know.
 */
class ReadinessTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 04000;
    private KernelState state = KernelState.boot(MachineSetup.DEFAULT);

    private Step run(Syscall call) {
        List<Step> steps = Kernel.execute(state, PID, call);
        Step last = steps.get(steps.size() - 1);
        state = last.state();
        return last;
    }

    private int value(Syscall call) {
        return ((Outcome.Success) run(call).outcome()).value();
    }

    private Readiness poll(int fd, int events) {
        return Readiness.of(state, PID, fd).forPoll(events);
    }

    @Test
    void aTcpConnectionIsReadableWithBytesQueuedAndAfterTheFinAndAFreshSocketHasHungUp() {
        int fresh = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        assertThat(poll(fresh, POLLIN | POLLOUT)).isEqualTo(new Readiness(POLLOUT | POLLHUP, 0));

        int listener = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Bind(listener, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080)));
        run(new Syscall.Listen(listener, 5));
        // Empty: nothing the model knows of, but a process outside the trace may have connected.
        assertThat(poll(listener, POLLIN)).isEqualTo(new Readiness(0, POLLIN));
        int client = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Connect(client, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080)));
        assertThat(poll(listener, POLLIN).judge(POLLIN)).isEqualTo(Readiness.Verdict.AGREES);
        assertThat(poll(listener, POLLIN).judge(0)).isEqualTo(Readiness.Verdict.DISAGREES);

        int server = value(new Syscall.Accept(listener, 0, false));
        assertThat(poll(server, POLLIN | POLLRDHUP | POLLOUT)).isEqualTo(new Readiness(POLLOUT, 0));
        run(new Syscall.Send("send", client, 5, null, 0));
        assertThat(poll(server, POLLIN | POLLRDHUP).ready()).isEqualTo(POLLIN);
        run(new Syscall.Shutdown(client, 1));
        assertThat(poll(server, POLLIN | POLLRDHUP).ready()).isEqualTo(POLLIN | POLLRDHUP);
        assertThat(poll(server, POLLIN).judge(POLLIN | POLLHUP)).as("POLLHUP needs both directions shut")
                .isEqualTo(Readiness.Verdict.DISAGREES);
        assertThat(poll(42, POLLIN)).isEqualTo(new Readiness(POLLNVAL, 0));
    }

    @Test
    void aRefusedConnectIsWritableWithAnErrorAndHungUpAndWhetherItWasRefusedIsTheKernelsToSay() {
        int client = value(new Syscall.Socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
        run(new Syscall.Connect(client, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8081)));

        Readiness r = poll(client, POLLOUT);
        assertThat(r.ready()).isEqualTo(POLLOUT | POLLERR | POLLHUP);
        // Nobody the model sees listens there; a server outside the trace might: cannot know.
        assertThat(r.judge(POLLOUT)).isEqualTo(Readiness.Verdict.CANNOT_KNOW);
    }

    @Test
    void udpIsAlwaysWritableAndReadableOnceADatagramWaitsEvenOneItSentToItself() {
        int udp = value(new Syscall.Socket(AF_INET, SOCK_DGRAM, 0));
        Endpoint self = new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8081);
        run(new Syscall.Bind(udp, self));
        assertThat(poll(udp, POLLIN | POLLOUT)).isEqualTo(new Readiness(POLLOUT, POLLIN | POLLERR));
        run(new Syscall.Send("sendto", udp, 1, self, 0));
        assertThat(poll(udp, POLLIN | POLLOUT)).isEqualTo(new Readiness(POLLIN | POLLOUT, POLLERR));
    }

    /**
     * Urgent data (send with MSG_OOB) sets POLLPRI (tcp_poll, TCP_URG_VALID); the model keeps no
     * urgent pointer, so on a TCP connection, even one whose both ends it holds, POLLPRI and select()'s
     * exception set are "cannot know", never a confident "clear".
     */
    @Test
    void urgentDataIsNotModelledSoPollpriIsCannotKnowOnTcp() {
        int listener = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Bind(listener, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080)));
        run(new Syscall.Listen(listener, 5));
        int client = value(new Syscall.Socket(AF_INET, SOCK_STREAM, 0));
        run(new Syscall.Connect(client, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080)));
        int server = value(new Syscall.Accept(listener, 0, false));

        assertThat(poll(server, POLLPRI).judge(POLLPRI)).isEqualTo(Readiness.Verdict.CANNOT_KNOW);
        assertThat(poll(server, POLLPRI).judge(0)).isEqualTo(Readiness.Verdict.AGREES);
        assertThat(Readiness.of(state, PID, server).inSet(Readiness.SELECT_EX)).isNull();
        assertThat(Readiness.of(state, PID, server).inSet(Readiness.SELECT_OUT)).as("the other sets stay predicted")
                .isTrue();
    }

    @Test
    void selectCountsADescriptorInASetByThatSetsBits() {
        assertThat(new Readiness(POLLHUP, 0).inSet(Readiness.SELECT_IN)).isTrue();
        assertThat(new Readiness(POLLHUP, 0).inSet(Readiness.SELECT_OUT)).isFalse();
        assertThat(new Readiness(0, POLLIN).inSet(Readiness.SELECT_IN)).isNull();
        assertThat(Readiness.names(POLLIN | POLLRDHUP, "POLL")).isEqualTo("POLLIN|POLLRDHUP");
        assertThat(Readiness.bit("EPOLLRDHUP")).isEqualTo(POLLRDHUP);
    }
}
