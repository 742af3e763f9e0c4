// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * setsockopt() at SOL_SOCKET (sk_setsockopt in net/core/sock.c). SO_REUSEADDR sets sk_reuse,
 * which bind() reads (inet_csk_bind_conflict) and which accepted connections and TIME_WAIT socks
 * inherit; SO_LINGER with l_onoff 1 and l_linger 0 makes close() reset the connection. Other
 * options are accepted and change nothing the model shows.
 */
final class SocketOptions {
    private SocketOptions() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.SetSocketOption call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SET_OPTION, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        boolean solSocket = call.level() == Syscall.SetSocketOption.SOL_SOCKET;
        ControlBlock changed;
        String key;
        if (solSocket && call.option() == Syscall.SetSocketOption.SO_REUSEADDR) {
            changed = socket.toBuilder().options(call.value() != 0, socket.lingerZero()).build();
            key = call.value() != 0 ? "setsockopt.reuseaddr" : "setsockopt.reuseaddr.off";
        } else if (solSocket && call.option() == Syscall.SetSocketOption.SO_LINGER) {
            boolean abortive = call.value() != 0 && call.seconds() == 0;
            changed = socket.toBuilder().options(socket.reuseAddress(), abortive).build();
            key = abortive ? "setsockopt.linger.zero" : "setsockopt.linger";
        } else {
            return List.of(new Step(pid, call, Stage.SET_OPTION, before, List.of(),
                    Narration.of("setsockopt.other", call.fd(), call.level(), call.option()),
                    new Outcome.Success(0)));
        }
        return List.of(new Step(pid, call, Stage.SET_OPTION, before.withSocket(changed),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.OPTIONS)),
                Narration.of(key, call.fd(), call.seconds()), new Outcome.Success(0)));
    }

    /**
     * getsockopt() at SOL_SOCKET (sk_getsockopt in net/core/sock.c): SO_ERROR returns sock_error(sk),
     * which takes sk_err and clears it, so the error is reported once. Other options only read.
     */
    static List<Step> get(KernelState before, int pid, Syscall.GetSocketOption call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.GET_OPTION, call.fd(), found.errno());
        }
        ControlBlock socket = found.socket();
        if (call.level() != Syscall.SetSocketOption.SOL_SOCKET || call.option() != Syscall.GetSocketOption.SO_ERROR) {
            return List.of(new Step(pid, call, Stage.GET_OPTION, before, List.of(),
                    Narration.of("getsockopt.other", call.fd(), call.level(), call.option()), new Outcome.Success(0)));
        }
        if (socket.error() == null) {
            return List.of(new Step(pid, call, Stage.GET_OPTION, before, List.of(),
                    Narration.of(socket.tcpState() == TcpState.TCP_SYN_SENT ? "getsockopt.error.waiting"
                            : "getsockopt.error.none", call.fd()), new Outcome.Success(0)));
        }
        ControlBlock taken = socket.toBuilder().error(null).build();
        return List.of(new Step(pid, call, Stage.GET_OPTION, before.withSocket(taken),
                List.of(new Change.FieldChanged(socket.id(), ControlBlock.Field.ERROR)),
                Narration.of("getsockopt.error", call.fd(), socket.error().name()), new Outcome.Success(0)));
    }
}
