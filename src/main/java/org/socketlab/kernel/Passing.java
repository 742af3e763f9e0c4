// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * sendmsg() and recvmsg() with SCM_RIGHTS: descriptors passed over an AF_UNIX socket. The sender's
 * sendmsg takes a reference on each open file (net/core/scm.c __scm_send → scm_fp_copy; rights on
 * any other family are EINVAL, a descriptor that is not open EBADF), so the files live on in the
 * message after the sender closes them. The receiver's recvmsg installs each at its lowest free
 * descriptor (scm_detach_fds → receive_fd → get_unused_fd_flags, close-on-exec with
 * MSG_CMSG_CLOEXEC): the same open file, socket and state, under a new number in another table.
 * The bytes travel as send() and recv() move them.
 */
final class Passing {
    private Passing() {
    }

    static List<Step> send(KernelState before, int pid, Syscall.SendMessage call) {
        SocketLookup.Found found = SocketLookup.find(before, pid, call.fd());
        if (!found.ok()) {
            return SocketLookup.failure(before, pid, call, Stage.SEND_DATA, call.fd(), found.errno());
        }
        if (!call.rights().isEmpty()) {
            if (found.socket().family() != AddressFamily.AF_UNIX) {
                return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.EINVAL, "sendmsg.notUnix",
                        call.fd());
            }
            for (int right : call.rights()) {
                if (!before.tableOf(pid).isOpen(right)) {
                    return SocketLookup.refuse(before, pid, call, Stage.SEND_DATA, Errno.EBADF, "sendmsg.EBADF",
                            right);
                }
            }
        }
        List<Step> steps = as(call, Sending.run(before, pid,
                new Syscall.Send("sendmsg", call.fd(), call.length(), null, call.flags())));
        Step last = steps.get(steps.size() - 1);
        if (call.rights().isEmpty() || !(last.outcome() instanceof Outcome.Success sent)) {
            return steps;
        }
        KernelState state = last.state();
        DescriptorTable table = state.tableOf(pid);
        List<Integer> files = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (int right : call.rights()) {
            OpenFile file = state.files().get(table.get(right).fileId());
            files.add(file.id());
            state = state.withFiles(state.files().with(file.id(), file.withReferences(file.references() + 1)),
                    state.nextFileId());
            changes.add(new Change.DescriptorChanged(pid, right));
        }
        ControlBlock sender = state.socketOf(pid, call.fd());
        ControlBlock peer = sender == null || sender.peer() < 0 ? null : state.sockets().get(sender.peer());
        if (peer != null) {
            List<List<Integer>> waiting = new ArrayList<>(peer.passedFiles());
            waiting.add(files);
            state = state.withSocket(peer.toBuilder().passedFiles(waiting).build());
            changes.add(new Change.FieldChanged(peer.id(), ControlBlock.Field.QUEUED));
        }
        List<Step> all = new ArrayList<>(steps.subList(0, steps.size() - 1));
        all.add(new Step(pid, call, last.stage(), last.state(), last.changes(), last.narration(), Outcome.PENDING));
        all.add(new Step(pid, call, Stage.SEND_DATA, state, changes,
                Narration.of(peer != null ? "sendmsg.rights" : "sendmsg.rights.away", call.fd(),
                        call.rights().toString(), call.rights().size()),
                sent));
        return all;
    }

    static List<Step> receive(KernelState before, int pid, Syscall.ReceiveMessage call) {
        List<Step> steps = as(call, Receiving.fromOutside(before, pid,
                new Syscall.ReceiveFromOutside(call.receive(), call.arrived(), call.finArrived())));
        Step last = steps.get(steps.size() - 1);
        KernelState state = last.state();
        ControlBlock socket = state.socketOf(pid, call.receive().fd());
        if (!(last.outcome() instanceof Outcome.Success received) || socket == null
                || socket.passedFiles().isEmpty() || (call.receive().flags() & Syscall.Receive.MSG_PEEK) != 0) {
            return steps;
        }
        boolean cloexec = (call.receive().flags() & Syscall.ReceiveMessage.MSG_CMSG_CLOEXEC) != 0;
        List<Integer> message = socket.passedFiles().get(0);
        state = state.withSocket(socket.toBuilder()
                .passedFiles(socket.passedFiles().subList(1, socket.passedFiles().size())).build());
        List<Step> all = new ArrayList<>(steps.subList(0, steps.size() - 1));
        all.add(new Step(pid, call, last.stage(), last.state(), last.changes(), last.narration(), Outcome.PENDING));
        List<Integer> installed = new ArrayList<>();
        for (int fileId : message) {
            DescriptorTable table = state.tableOf(pid);
            int fd = table.lowestFree();
            OpenFile file = state.files().get(fileId);
            if (fd >= table.limit()) {
                // scm_detach_fds: no room, MSG_CTRUNC; the file's reference goes with the message.
                state = file.references() <= 1
                        ? Watching.released(state.withFiles(state.files().without(fileId), state.nextFileId()), file)
                        : state.withFiles(state.files().with(fileId, file.withReferences(file.references() - 1)),
                                state.nextFileId());
                continue;
            }
            state = state.withTable(pid, table.with(new Descriptor(fd, fileId, cloexec)));
            installed.add(fd);
            all.add(new Step(pid, call, Stage.ISSUE_DESCRIPTOR, state, List.of(new Change.DescriptorChanged(pid, fd)),
                    Narration.of(cloexec ? "recvmsg.install.cloexec" : "recvmsg.install", fd, file.name()),
                    Outcome.PENDING));
        }
        all.add(new Step(pid, call, Stage.RECEIVE_DATA, state, List.of(),
                Narration.of("recvmsg.rights", call.receive().fd(), installed.toString(), received.value()),
                received));
        return all;
    }

    /** The steps of the call this one is made of, shown as this call. */
    private static List<Step> as(Syscall call, List<Step> steps) {
        List<Step> shown = new ArrayList<>(steps.size());
        for (Step s : steps) {
            shown.add(new Step(s.pid(), call, s.stage(), s.state(), s.changes(), s.narration(), s.outcome()));
        }
        return shown;
    }
}
