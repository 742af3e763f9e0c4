// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * socketpair(): two sockets connected to each other, each built in socket()'s three stages,
 * then joined. Like Linux it reserves both drawers first (EMFILE before anything is built)
 * and supports AF_UNIX only (other families: EOPNOTSUPP). Each socket's third stage returns
 * its ticket, as socket() would; the last step connects them (both SS_CONNECTED and
 * TCP_ESTABLISHED, whatever the type) and returns 0.
 */
final class SocketPairing {
    private SocketPairing() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.SocketPair call) {
        Syscall.Socket one = new Syscall.Socket(call.family(), call.type(), call.protocol());
        List<Step> checked = SocketCreation.run(before, pid, one);
        Step first = checked.get(0);
        if (first.stage() == Stage.CHECK_ARGUMENTS && first.failed()) {
            return List.of(new Step(pid, call, Stage.CHECK_ARGUMENTS, before, List.of(), first.narration(),
                    first.outcome()));
        }
        if (call.family() != AddressFamily.AF_UNIX.number()) {
            return SocketLookup.refuse(before, pid, call, Stage.CHECK_ARGUMENTS, Errno.EOPNOTSUPP,
                    "socketpair.family", SocketArguments.familyName(call.family()));
        }
        DescriptorTable table = before.tableOf(pid);
        int a = table.lowestFree();
        int b = table.with(new Descriptor(a, -1, false)).lowestFree();
        if (b >= table.limit()) {
            return SocketLookup.refuse(before, pid, call, Stage.ISSUE_DESCRIPTOR, Errno.EMFILE, "socketpair.EMFILE",
                    b, table.limit());
        }
        List<Step> steps = new ArrayList<>(checked);
        KernelState state = checked.get(checked.size() - 1).state();
        if (checked.get(checked.size() - 1).failed()) {
            return checked;
        }
        List<Step> second = SocketCreation.run(state, pid, one);
        steps.addAll(second);
        Step last = second.get(second.size() - 1);
        if (last.failed()) {
            // Everything built for the first socket goes too: a failed call leaks nothing.
            steps.add(new Step(pid, call, Stage.RELEASE_SOCKET, before,
                    List.of(new Change.DescriptorChanged(pid, a),
                            SocketCreation.memoryChange(last.state(), before)),
                    Narration.of("socketpair.undo", a), last.outcome()));
            return steps;
        }
        state = last.state();
        ControlBlock left = state.socketOf(pid, a);
        ControlBlock right = state.socketOf(pid, b);
        // unix_socketpair: TCP_ESTABLISHED for every type, datagram pairs too ("af_unix: Set
        // TCP_ESTABLISHED for datagram sockets too"; kernel-truth/unix-dgram-states).
        ControlBlock.Builder l = left.toBuilder().peer(right.id()).states(SocketState.SS_CONNECTED,
                TcpState.TCP_ESTABLISHED);
        ControlBlock.Builder r = right.toBuilder().peer(left.id()).states(SocketState.SS_CONNECTED,
                TcpState.TCP_ESTABLISHED);
        KernelState joined = state.withSocket(l.build()).withSocket(r.build());
        List<Change> changes = new ArrayList<>();
        for (ControlBlock s : List.of(left, right)) {
            changes.add(new Change.FieldChanged(s.id(), ControlBlock.Field.SOCKET_STATE));
            changes.add(new Change.FieldChanged(s.id(), ControlBlock.Field.TCP_STATE));
        }
        steps.add(new Step(pid, call, Stage.ESTABLISH, joined, changes, Narration.of("socketpair.join", a, b),
                new Outcome.Success(0)));
        return steps;
    }
}
