// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * IPV6_V6ONLY and dual-stack binds as kernel-truth/ipv6-v6only measured them on Linux 6.18: the
 * option itself (do_ipv6_setsockopt), which levels a socket has, and which binds of one port clash
 * (inet_csk_bind_conflict).
 */
class Ipv6OnlyTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private static final int SOL_IPV6 = Syscall.SetSocketOption.SOL_IPV6;
    private static final int V6ONLY = Syscall.SetSocketOption.IPV6_V6ONLY;

    private static KernelState run(KernelState s, Syscall call) {
        List<Step> steps = Kernel.execute(s, PID, call);
        return steps.get(steps.size() - 1).state();
    }

    private static Step last(KernelState s, Syscall call) {
        List<Step> steps = Kernel.execute(s, PID, call);
        return steps.get(steps.size() - 1);
    }

    private static KernelState socket(AddressFamily family, SocketType type) {
        return run(KernelState.boot(MachineSetup.DEFAULT), new Syscall.Socket(family, type, 0));
    }

    private static Syscall.SetSocketOption v6only(int fd, int value) {
        return new Syscall.SetSocketOption(fd, SOL_IPV6, V6ONLY, value, 0);
    }

    @Test
    void aFreshIpv6SocketIsDualStackAndTheOptionMakesItIpv6OnlyBeforeItHasAPort() {
        KernelState s = socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM);
        assertThat(s.socketOf(PID, 3).v6only()).as("net.ipv6.bindv6only = 0").isFalse();
        assertThat(s.socketOf(PID, 3).shows(ControlBlock.Field.OPTIONS)).isFalse();

        Step set = last(s, v6only(3, 1));
        assertThat(set.outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(set.state().socketOf(PID, 3).v6only()).isTrue();
        assertThat(set.state().socketOf(PID, 3).shows(ControlBlock.Field.OPTIONS)).isTrue();
        assertThat(set.changes()).contains(new Change.FieldChanged(s.socketOf(PID, 3).id(), ControlBlock.Field.OPTIONS));
        assertThat(last(s, new Syscall.SetSocketOption(3, SOL_IPV6, V6ONLY, 1, 0, 2)).outcome())
                .as("shorter than an int").isEqualTo(new Outcome.Failure(Errno.EINVAL));

        KernelState bound = run(set.state(), new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET6, "::", 8080)));
        assertThat(last(bound, v6only(3, 0)).outcome()).as("it has a port").isEqualTo(new Outcome.Failure(Errno.EINVAL));
        KernelState listening = run(s, new Syscall.Listen(3, 1));
        assertThat(last(listening, v6only(3, 1)).outcome()).as("listen() autobound it")
                .isEqualTo(new Outcome.Failure(Errno.EINVAL));
    }

    @Test
    void bindingOneIpv6AddressMakesTheSocketIpv6OnlyAndAMappedOneDoesNot() {
        KernelState s = socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM);
        s = run(s, new Syscall.Socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM, 0));
        s = run(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET6, "::1", 8080)));
        s = run(s, new Syscall.Bind(4, new Endpoint(AddressFamily.AF_INET6, "::ffff:127.0.0.1", 8081)));

        assertThat(s.socketOf(PID, 3).v6only()).isTrue();
        assertThat(s.socketOf(PID, 4).v6only()).isFalse();
    }

    @Test
    void aSocketHasTheLevelsItsProtocolHas() {
        KernelState tcp4 = socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM);
        assertThat(last(tcp4, v6only(3, 1)).outcome()).isEqualTo(new Outcome.Failure(Errno.ENOPROTOOPT));
        assertThat(last(tcp4, new Syscall.GetSocketOption(3, SOL_IPV6, V6ONLY)).outcome())
                .as("ip_getsockopt").isEqualTo(new Outcome.Failure(Errno.EOPNOTSUPP));
        assertThat(last(tcp4, new Syscall.SetSocketOption(3, Syscall.SetSocketOption.SOL_TCP, 1, 1, 0)).outcome())
                .as("TCP_NODELAY").isEqualTo(new Outcome.Success(0));

        KernelState udp6 = socket(AddressFamily.AF_INET6, SocketType.SOCK_DGRAM);
        assertThat(last(udp6, new Syscall.SetSocketOption(3, Syscall.SetSocketOption.SOL_TCP, 1, 1, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ENOPROTOOPT));
        assertThat(last(udp6, new Syscall.SetSocketOption(3, SOL_IPV6, 9999, 1, 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ENOPROTOOPT));
        assertThat(last(udp6, new Syscall.GetSocketOption(3, 999, 1)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ENOPROTOOPT));

        KernelState unix = socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM);
        assertThat(last(unix, v6only(3, 1)).outcome()).isEqualTo(new Outcome.Failure(Errno.EOPNOTSUPP));
    }

    /** Every pair of kernel-truth/ipv6-v6only's eight kinds of address, as the kernel answered. */
    @ParameterizedTest(name = "{0} then {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0|0.0.0.0|EADDRINUSE", "0.0.0.0|127.0.0.1|EADDRINUSE", "0.0.0.0|::|EADDRINUSE",
            "0.0.0.0|:: v6only|0", "0.0.0.0|::1|0", "0.0.0.0|::1 v6only|0", "0.0.0.0|::ffff:127.0.0.1|EADDRINUSE",
            "0.0.0.0|::ffff:0.0.0.0|EADDRINUSE",
            "127.0.0.1|::|EADDRINUSE", "127.0.0.1|:: v6only|0", "127.0.0.1|::1|0", "127.0.0.1|::ffff:0.0.0.0|EADDRINUSE",
            "::|0.0.0.0|EADDRINUSE", "::|127.0.0.1|EADDRINUSE", "::|:: v6only|EADDRINUSE", "::|::1 v6only|EADDRINUSE",
            "::|::ffff:127.0.0.1|EADDRINUSE",
            ":: v6only|0.0.0.0|0", ":: v6only|127.0.0.1|0", ":: v6only|::|EADDRINUSE", ":: v6only|::1|EADDRINUSE",
            ":: v6only|::ffff:127.0.0.1|0", ":: v6only|::ffff:0.0.0.0|0",
            "::1|0.0.0.0|0", "::1|::|EADDRINUSE", "::1|::1 v6only|EADDRINUSE", "::1|::ffff:127.0.0.1|0",
            "::ffff:127.0.0.1|0.0.0.0|EADDRINUSE", "::ffff:127.0.0.1|127.0.0.1|EADDRINUSE",
            "::ffff:127.0.0.1|:: v6only|0", "::ffff:127.0.0.1|::1|0", "::ffff:127.0.0.1|::ffff:0.0.0.0|EADDRINUSE",
            "::ffff:0.0.0.0|127.0.0.1|EADDRINUSE", "::ffff:0.0.0.0|::|EADDRINUSE", "::ffff:0.0.0.0|::1 v6only|0",
    })
    void twoBindsOfOnePortClashAsTheKernelSays(String first, String second, String result) {
        KernelState s = KernelState.boot(MachineSetup.DEFAULT);
        s = open(s, 3, first);
        s = open(s, 4, second);
        s = run(s, new Syscall.Bind(3, endpoint(first)));

        Outcome expected = result.equals("0") ? new Outcome.Success(0) : new Outcome.Failure(Errno.valueOf(result));
        assertThat(last(s, new Syscall.Bind(4, endpoint(second))).outcome()).isEqualTo(expected);
    }

    private static KernelState open(KernelState s, int fd, String kind) {
        boolean six = kind.contains(":");
        s = run(s, new Syscall.Socket(six ? AddressFamily.AF_INET6 : AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        return kind.endsWith(" v6only") ? run(s, v6only(fd, 1)) : s;
    }

    private static Endpoint endpoint(String kind) {
        String address = kind.replace(" v6only", "");
        return new Endpoint(address.contains(":") ? AddressFamily.AF_INET6 : AddressFamily.AF_INET, address, 8080);
    }

    @Test
    void anIpv6OnlySocketHasNoIpv4Side() {
        KernelState s = run(socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM), v6only(3, 1));
        Endpoint mapped = new Endpoint(AddressFamily.AF_INET6, "::ffff:127.0.0.1", 8080);

        assertThat(last(s, new Syscall.Bind(3, mapped)).outcome()).isEqualTo(new Outcome.Failure(Errno.EINVAL));
        assertThat(last(s, new Syscall.Connect(3, mapped)).outcome()).isEqualTo(new Outcome.Failure(Errno.ENETUNREACH));
    }

    @Test
    void anIpv6OnlyListenerTakesNoIpv4ClientAndAnIpv4ListenerMaySitBesideIt() {
        KernelState s = run(socket(AddressFamily.AF_INET6, SocketType.SOCK_STREAM), v6only(3, 1));
        s = run(s, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET6, "::", 8080)));
        s = run(s, new Syscall.Listen(3, 5));
        s = run(s, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        Endpoint loopback = new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 8080);

        assertThat(last(s, new Syscall.Connect(4, loopback)).outcome()).isEqualTo(new Outcome.Failure(Errno.ECONNREFUSED));
        s = run(s, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0));
        Step four = last(s, new Syscall.Bind(5, new Endpoint(AddressFamily.AF_INET, "0.0.0.0", 8080)));
        assertThat(four.outcome()).isEqualTo(new Outcome.Success(0));
        s = run(four.state(), new Syscall.Listen(5, 5));
        Step connected = last(s, new Syscall.Connect(4, loopback));
        assertThat(connected.outcome()).isEqualTo(new Outcome.Success(0));
        assertThat(connected.state().socketOf(PID, 5).acceptQueue()).hasSize(1);
        assertThat(connected.state().socketOf(PID, 3).acceptQueue()).isEmpty();
    }
}
