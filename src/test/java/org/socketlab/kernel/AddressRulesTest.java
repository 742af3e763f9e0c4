// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the model used to disagree with Linux (issue #10's list), each checked against the
 * real kernel in src/test/resources/kernel-truth (folder named at each test).
 */
class AddressRulesTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private static final Endpoint LOOPBACK_8080 = new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080);

    private static KernelState run(KernelState s, Syscall call) {
        return Kernel.after(s, PID, call);
    }

    private static Step last(KernelState s, Syscall call) {
        List<Step> steps = Kernel.execute(s, PID, call);
        return steps.get(steps.size() - 1);
    }

    private static KernelState listener() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Bind(3, LOOPBACK_8080));
        return run(s, new Syscall.Listen(3, 8));
    }

    /** shutdown-rules: SHUT_WR on a listener is 0 and it keeps listening. */
    @Test
    void shutdownWriteOnAListenerReturnsZeroAndItKeepsListening() {
        Step shut = last(listener(), new Syscall.Shutdown(3, 1));

        assertThat(shut.outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(shut.state().socketOf(PID, 3).isListening()).isTrue();
    }

    /** shutdown-rules: SHUT_RD stops listening (a connect is refused) and listen() works again. */
    @Test
    void shutdownReadOnAListenerStopsItsListeningAndListenStartsItAgain() {
        KernelState s = run(listener(), new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Connect(4, LOOPBACK_8080));
        Step shut = last(s, new Syscall.Shutdown(3, 0));
        KernelState stopped = shut.state();
        stopped = run(stopped, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(shut.outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(stopped.socketOf(PID, 3).tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(stopped.socketOf(PID, 3).acceptQueue()).isEmpty();
        assertThat(last(stopped, new Syscall.Connect(5, LOOPBACK_8080)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ECONNREFUSED));
        assertThat(last(stopped, new Syscall.Listen(3, 8)).outcome()).isEqualTo(new Outcome.Success(0));
    }

    /** shutdown-rules: a fresh TCP socket is still ENOTCONN. */
    @Test
    void shutdownOnAFreshSocketIsStillEnotconn() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(last(s, new Syscall.Shutdown(3, 2)).outcome()).isEqualTo(new Outcome.Failure(Errno.ENOTCONN));
    }

    /** listen-and-unix: listen() on an unbound AF_UNIX socket is EINVAL; bound, it listens. */
    @Test
    void listenOnAnUnboundUnixSocketIsEinval() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 0));

        assertThat(last(s, new Syscall.Listen(3, 8)).outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        KernelState bound = run(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_UNIX, "/tmp/lab.sock", 0)));
        assertThat(last(bound, new Syscall.Listen(3, 8)).outcome()).isEqualTo(new Outcome.Success(0));
    }

    private static Step bindBoth(AddressFamily first, String firstAddress, AddressFamily second, String secondAddress) {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT), new Syscall.Socket(first, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Socket(second, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Bind(3, new Endpoint(first, firstAddress, 8080)));
        return last(s, new Syscall.Bind(4, new Endpoint(second, secondAddress, 8080)));
    }

    /** bind-dual-stack: [::]:p holds 0.0.0.0:p too, both ways round (v6only is off by default). */
    @Test
    void ipv4AndIpv6ShareThePortSpaceAndTheIpv6WildcardCoversIpv4() {
        assertThat(bindBoth(AddressFamily.AF_INET6, "::", AddressFamily.AF_INET, "0.0.0.0").outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRINUSE));
        assertThat(bindBoth(AddressFamily.AF_INET, "0.0.0.0", AddressFamily.AF_INET6, "::").outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRINUSE));
        assertThat(bindBoth(AddressFamily.AF_INET, "127.0.0.1", AddressFamily.AF_INET6, "::ffff:127.0.0.1").outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRINUSE));
        assertThat(bindBoth(AddressFamily.AF_INET, "0.0.0.0", AddressFamily.AF_INET6, "::1").outcome())
                .as("::1 is no IPv4 address").isEqualTo(new Outcome.Success(0));
    }

    /** An IPv4-mapped address is this machine's when its IPv4 address is, and a v4 client reaches [::]. */
    @Test
    void anIpv4MappedAddressIsLocalAndAnIpv4ClientReachesAnIpv6WildcardListener() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET6, "::", 8080)));
        s = run(s, new Syscall.Listen(3, 8));
        s = run(s, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(last(s, new Syscall.Connect(4, LOOPBACK_8080)).outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(Network.isLocal(new Endpoint(AddressFamily.AF_INET6, "::ffff:127.0.0.1", 0))).isTrue();
    }

    /** bind-checks: a bound socket given a foreign address is EADDRNOTAVAIL, not "already bound". */
    @Test
    void bindChecksTheAddressBeforeAlreadyBound() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Bind(3, LOOPBACK_8080));

        assertThat(last(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET, "192.0.2.1", 9000))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EADDRNOTAVAIL));
        assertThat(last(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 9000))).outcome())
                .isEqualTo(new Outcome.Failure(Errno.EINVAL));
    }

    /** bind-checks: an IPv4 address shorter than a sockaddr_in is EINVAL, before anything else. */
    @Test
    void anIpv4AddressTooShortIsEinval() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(last(s, new Syscall.Bind(3, LOOPBACK_8080, 8)).outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        assertThat(last(s, new Syscall.Bind(3, LOOPBACK_8080, 16)).outcome()).isEqualTo(new Outcome.Success(0));
    }

    /** descriptor-table-calls, execve-cloexec: dup3(fd, fd) is EINVAL; dup3 with O_CLOEXEC marks the copy. */
    @Test
    void dup3RefusesTheSameNumberAndMarksItsCopyCloseOnExec() {
        KernelState s = run(KernelState.boot(MachineSetup.DEFAULT),
                new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));

        assertThat(last(s, new Syscall.Dup2(3, 3, 0, true)).outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        assertThat(last(s, new Syscall.Dup2(3, 3)).outcome()).isEqualTo(new Outcome.Success(3));
        assertThat(last(s, new Syscall.Dup2(3, 8, 0x40, true)).outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        Step copy = last(s, new Syscall.Dup2(3, 8, 0x80000, true));
        assertThat(copy.outcome()).isEqualTo(new Outcome.Success(8));
        assertThat(copy.state().tableOf(PID).get(8).closeOnExec()).isTrue();
    }
}
