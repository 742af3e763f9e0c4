// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.kernel.AddressFamily.AF_INET;
import static org.socketlab.kernel.AddressFamily.AF_INET6;
import static org.socketlab.kernel.AddressFamily.AF_UNIX;
import static org.socketlab.kernel.SocketType.SOCK_DGRAM;
import static org.socketlab.kernel.SocketType.SOCK_RAW;
import static org.socketlab.kernel.SocketType.SOCK_STREAM;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketCallTest {
    private static final int PID = MachineSetup.DEFAULT.pid();
    private final KernelState fresh = KernelState.boot(MachineSetup.DEFAULT);

    private static List<Step> socket(KernelState s, int family, int type, int protocol) {
        return Kernel.execute(s, PID, new Syscall.Socket(family, type, protocol));
    }

    private static Step last(List<Step> steps) {
        return steps.get(steps.size() - 1);
    }

    @Test
    void aFreshTcpSocketGoesThroughTheThreeStagesAndGetsTicketThree() {
        List<Step> steps = socket(fresh, AF_INET.number(), SOCK_STREAM.number(), 0);

        assertThat(steps).extracting(Step::stage)
                .containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR);
        assertThat(steps.get(0).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(last(steps).outcome()).isEqualTo(new Outcome.Success(3));
        assertThat(last(steps).state().tableOf(PID).isOpen(3)).isTrue();
    }

    @Test
    void stageOneAllocatesAnEmptyBoxWithTheMeasuredSizes() {
        Step allocate = socket(fresh, AF_INET.number(), SOCK_STREAM.number(), 0).get(0);

        ControlBlock box = allocate.state().sockets().values().get(0);
        assertThat(box.isBlank()).isTrue();
        assertThat(box.socketState()).isEqualTo(SocketState.SS_FREE);
        assertThat(box.tcpState()).isEqualTo(TcpState.NONE);
        assertThat(box.sendBufferLimit()).isZero();
        assertThat(allocate.state().memory().used()).isEqualTo(832 + 2368);
        assertThat(allocate.state().tableOf(PID).openCount()).isEqualTo(3);
    }

    @Test
    void stageTwoFillsInTheFormOfAFreshTcpSocket() {
        Step init = socket(fresh, AF_INET.number(), SOCK_STREAM.number(), 0).get(1);

        ControlBlock form = init.state().sockets().values().get(0);
        assertThat(form.protocol()).isEqualTo(Protocol.IPPROTO_TCP.number());
        assertThat(form.socketState()).isEqualTo(SocketState.SS_UNCONNECTED);
        assertThat(form.tcpState()).isEqualTo(TcpState.TCP_CLOSE);
        assertThat(form.local()).hasToString("0.0.0.0:0");
        assertThat(form.remote().isUnset()).isTrue();
        assertThat(form.sendBufferLimit()).isEqualTo(16384);
        assertThat(form.receiveBufferLimit()).isEqualTo(131072);
        assertThat(form.sendQueued() + form.receiveQueued()).isZero();
    }

    @Test
    void stageThreeAddsTheFileAndDentryAndPointsTheDrawerAtTheSocket() {
        Step issue = last(socket(fresh, AF_INET.number(), SOCK_STREAM.number(), 0));

        ControlBlock socket = issue.state().socketOf(PID, 3);
        assertThat(socket).isNotNull();
        assertThat(socket.memoryBytes()).isEqualTo(832 + 2368 + 192 + 192);
        assertThat(issue.state().memory().used()).isEqualTo(socket.memoryBytes());
        assertThat(issue.changes()).contains(new Change.DescriptorChanged(PID, 3));
    }

    @ParameterizedTest(name = "{0} {1} {2} → protocol {3}, buffers {4}/{5}, {6} B")
    @CsvSource({
            "AF_INET,  SOCK_STREAM, 0,  6,  16384,  131072, 2368",
            "AF_INET6, SOCK_STREAM, 0,  6,  16384,  131072, 2496",
            "AF_INET,  SOCK_DGRAM,  0,  17, 212992, 212992, 1344",
            "AF_INET6, SOCK_DGRAM,  17, 17, 212992, 212992, 1472",
            "AF_INET,  SOCK_STREAM, 6,  6,  16384,  131072, 2368",
            "AF_UNIX,  SOCK_STREAM, 0,  0,  212992, 212992, 1152",
            "AF_INET,  SOCK_STREAM, 262, 262, 16384, 131072, 1984",  // MPTCP, measured in /proc/slabinfo
            "AF_INET6, SOCK_STREAM, 262, 262, 16384, 131072, 2112",
    })
    void freshSocketsOfEachKindMatchTheKernel(AddressFamily family, SocketType type, int protocol,
                                              int resolved, int send, int receive, int protoBytes) {
        KernelState after = last(socket(fresh, family.number(), type.number(), protocol)).state();

        ControlBlock socket = after.socketOf(PID, 3);
        assertThat(socket.protocol()).isEqualTo(resolved);
        assertThat(socket.sendBufferLimit()).isEqualTo(send);
        assertThat(socket.receiveBufferLimit()).isEqualTo(receive);
        assertThat(socket.memoryBytes()).isEqualTo(832L + protoBytes + 384);
        assertThat(socket.socketState()).isEqualTo(SocketState.SS_UNCONNECTED);
        assertThat(socket.tcpState()).isEqualTo(TcpState.TCP_CLOSE);
    }

    @ParameterizedTest(name = "socket({0}, {1}, {2}) fails with {3} before allocating")
    @CsvSource({
            "12345, 1,  0,    EAFNOSUPPORT",     // traces/badargs.strace: 0x3039 /* AF_??? */
            "-1,    1,  0,    EAFNOSUPPORT",
            "46,    1,  0,    EAFNOSUPPORT",     // NPROTO (kernel-truth/socket-failure-order)
            "46,    11, 0,    EAFNOSUPPORT",     // the family range before the type range
            "2,     99, 0,    EINVAL",           // SOCK_RAW|0x60: bad flag bits
            "45,    99, 0,    EINVAL",           // flag bits first of all
            "2,     12, 0,    EINVAL",           // type ≥ SOCK_MAX
            "2,     11, 0,    EINVAL",
            "45,    11, 0,    EINVAL",           // the type range before the family's registration
    })
    void argumentsOutOfRangeFailBeforeAnythingIsAllocated(int family, int type, int protocol, Errno errno) {
        List<Step> steps = socket(fresh, family, type, protocol);

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).stage()).isEqualTo(Stage.CHECK_ARGUMENTS);
        assertThat(steps.get(0).outcome()).isEqualTo(new Outcome.Failure(errno));
        assertThat(steps.get(0).state()).isEqualTo(fresh);
    }

    @ParameterizedTest(name = "socket({0}, {1}, {2}): sock_alloc builds the box, then {3} takes it apart")
    @CsvSource({
            "45,    1,  0,    EAFNOSUPPORT",     // AF_MCTP: in range, not registered (socket-failure-order)
            "0,     1,  0,    EAFNOSUPPORT",     // AF_UNSPEC
            "2,     2,  6,    EPROTONOSUPPORT",  // AF_INET, SOCK_DGRAM, IPPROTO_TCP
            "2,     1,  4242, EINVAL",           // protocol out of range
            "2,     1,  263,  EINVAL",           // IPPROTO_MAX (kernel-truth/socket-protocol-limit)
            "2,     1,  -1,   EINVAL",
            "2,     5,  300,  EINVAL",           // the protocol range before the type table
            "2,     1,  256,  EPROTONOSUPPORT",  // below IPPROTO_MAX, no inetsw entry
            "2,     1,  258,  EPROTONOSUPPORT",
            "2,     2,  262,  EPROTONOSUPPORT",  // MPTCP is a SOCK_STREAM protocol only
            "2,     5,  0,    ESOCKTNOSUPPORT",  // AF_INET, SOCK_SEQPACKET
            "2,     0,  0,    ESOCKTNOSUPPORT",  // a type number Linux has no name for
            "2,     3,  1,    EPERM",            // raw without CAP_NET_RAW (traces/raw-nobody.strace)
            "17,    3,  768,  EPERM",            // AF_PACKET without CAP_NET_RAW (kernel-truth/socket-unprivileged)
            "17,    2,  0,    EPERM",            // packet_create asks before it looks at the type
            "2,     10, 768,  EPERM",            // (AF_INET, SOCK_PACKET) is made a packet socket by __sock_create
            "40,    1,  1,    EPROTONOSUPPORT",  // AF_VSOCK: the protocol first (kernel-truth/socket-families)
            "40,    3,  0,    ESOCKTNOSUPPORT",  // AF_VSOCK has no raw sockets
            "40,    2,  0,    ENODEV",           // AF_VSOCK datagram: no datagram transport on this machine
            "38,    5,  0,    EAFNOSUPPORT",     // AF_ALG: not built into this kernel
            "2,     3,  0,    EPROTONOSUPPORT",  // raw needs a protocol
            "2,     1,  17,   EPROTONOSUPPORT",
            "1,     1,  6,    EPROTONOSUPPORT",  // AF_UNIX takes only 0 or PF_UNIX
            "1,     6,  0,    ESOCKTNOSUPPORT",
    })
    void theFamilysRefusalsComeAfterSockAllocBuiltTheBoxAndTakeItApart(int family, int type, int protocol,
                                                                        Errno errno) {
        List<Step> steps = socket(fresh, family, type, protocol);

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.ALLOCATE_MEMORY, Stage.RELEASE_SOCKET);
        ControlBlock box = steps.get(0).state().sockets().values().get(0);
        assertThat(box.isBare()).isTrue();
        assertThat(box.slab()).isEqualTo("sock_inode_cache");
        assertThat(steps.get(0).state().memory().used()).isEqualTo(832);
        assertThat(steps.get(0).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(steps.get(1).outcome()).isEqualTo(new Outcome.Failure(errno));
        assertThat(steps.get(1).state()).as("a failed socket() leaks nothing").isEqualTo(fresh);
        assertThat(steps.get(1).changes()).contains(new Change.SocketReleased(box.id()));
    }

    @Test
    void rootPassesPacketCreatesCapabilityCheckThenTheTypeDecides() {
        KernelState root = KernelState.boot(MachineSetup.DEFAULT.withCredentials(Credentials.ROOT));

        // kernel-truth/socket-families: as root SOCK_STREAM is ESOCKTNOSUPPORT, SOCK_RAW a packet socket.
        assertThat(last(socket(root, 17, SOCK_STREAM.number(), 0)).outcome())
                .isEqualTo(new Outcome.Failure(Errno.ESOCKTNOSUPPORT));
        assertThat(SocketFamily.modelsSocket(17, SOCK_STREAM.number(), 0, Credentials.ROOT)).isTrue();
        assertThat(SocketFamily.modelsSocket(17, SOCK_RAW.number(), 768, Credentials.ROOT))
                .as("a packet socket the model has no drawer for: followed, not judged").isFalse();
        assertThat(SocketFamily.modelsSocket(40, SOCK_STREAM.number(), 0, Credentials.ROOT)).isFalse();
        assertThat(SocketFamily.modelsSocket(40, SOCK_DGRAM.number(), 0, Credentials.ROOT)).isTrue();
    }

    @Test
    void rawSocketsNeedCapNetRawAndRootHasIt() {
        KernelState root = KernelState.boot(MachineSetup.DEFAULT.withCredentials(Credentials.ROOT));

        Step rootResult = last(socket(root, AF_INET.number(), SOCK_RAW.number(), 1));

        assertThat(rootResult.outcome()).isEqualTo(new Outcome.Success(3));
        assertThat(rootResult.state().socketOf(PID, 3).slab()).isEqualTo("RAW");
    }

    @Test
    void aPingSocketOutsideThePingGroupIsAllocatedThenRolledBackWithEacces() {
        List<Step> steps = socket(fresh, AF_INET.number(), SOCK_DGRAM.number(), Protocol.IPPROTO_ICMP.number());

        assertThat(steps).extracting(Step::stage).containsExactly(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK);
        assertThat(steps.get(0).state().memory().used()).isEqualTo(832 + 1024);
        assertThat(last(steps).outcome()).isEqualTo(new Outcome.Failure(Errno.EACCES));
        assertThat(last(steps).state()).isEqualTo(fresh);
    }

    @Test
    void flagsAreAcceptedAndLandOnTheTicketAndTheFile() {
        int type = SOCK_STREAM.number() | SocketFlag.SOCK_NONBLOCK.bit() | SocketFlag.SOCK_CLOEXEC.bit();
        KernelState after = last(socket(fresh, AF_INET.number(), type, 0)).state();

        assertThat(after.tableOf(PID).get(3).closeOnExec()).isTrue();
        assertThat(after.fileOf(PID, 3).nonBlocking()).isTrue();
        assertThat(after.socketOf(PID, 3).flags())
                .containsExactlyInAnyOrder(SocketFlag.SOCK_NONBLOCK, SocketFlag.SOCK_CLOEXEC);
    }

    @Test
    void unixRawIsQuietlyADatagramSocket() {
        KernelState after = last(socket(fresh, AF_UNIX.number(), SOCK_RAW.number(), 0)).state();

        assertThat(after.socketOf(PID, 3).type()).isEqualTo(SOCK_DGRAM);
    }

    @Test
    void outOfKernelMemoryFailsAtStageOneAndLeavesNothing() {
        KernelState small = KernelState.boot(MachineSetup.DEFAULT.withMemoryCapacity(4000));
        KernelState one = last(socket(small, AF_INET.number(), SOCK_STREAM.number(), 0)).state();

        List<Step> steps = socket(one, AF_INET.number(), SOCK_STREAM.number(), 0);

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).stage()).isEqualTo(Stage.ALLOCATE_MEMORY);
        assertThat(steps.get(0).outcome()).isEqualTo(new Outcome.Failure(Errno.ENOMEM));
        assertThat(steps.get(0).state()).isEqualTo(one);
    }

    @Test
    void twoTcpSocketsTakeThreeAndFour() {
        KernelState one = last(socket(fresh, AF_INET.number(), SOCK_STREAM.number(), 0)).state();
        Step second = last(socket(one, AF_INET.number(), SOCK_STREAM.number(), 0));

        assertThat(second.outcome()).isEqualTo(new Outcome.Success(4));
        assertThat(second.state().socketOf(PID, 4).id()).isNotEqualTo(second.state().socketOf(PID, 3).id());
    }

    @Test
    void aFailedCallLeavesNoTraceInLaterNumbers() {
        KernelState failed = last(socket(fresh, 12345, SOCK_STREAM.number(), 0)).state();

        Step next = last(socket(failed, AF_INET6.number(), SOCK_STREAM.number(), 0));

        assertThat(next.outcome()).isEqualTo(new Outcome.Success(3));
    }
}
