// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * socket() as the three classic stages: get memory (an empty box), fill in the control
 * information (a form), hand out the lowest free descriptor (a coat-check ticket). A failure
 * at any stage returns the state the call started from: everything built so far is undone.
 * Only the flag bits and the family and type ranges are refused before anything is built; the
 * family's own refusals come after sock_alloc() (__sock_create), so the box appears and is
 * taken apart again.
 */
final class SocketCreation {
    private SocketCreation() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Socket call) {
        Process process = before.process(pid);
        SocketArguments.Verdict verdict = SocketArguments.check(call.family(), call.type(), call.protocol(),
                process.credentials());
        if (!verdict.passed() && !verdict.afterSockAlloc()) {
            return List.of(new Step(pid, call, Stage.CHECK_ARGUMENTS, before, List.of(), verdict.narration(),
                    new Outcome.Failure(verdict.errno())));
        }
        if (!verdict.passed()) {
            return refusedAfterSockAlloc(before, pid, call, verdict);
        }
        SocketSpec spec = verdict.spec();
        List<Step> steps = new ArrayList<>(3);

        // Stage 1: an empty box.
        long boxBytes = spec.stageOneBytes();
        if (!before.memory().canAllocate(boxBytes)) {
            steps.add(new Step(pid, call, Stage.ALLOCATE_MEMORY, before, List.of(),
                    Narration.of("socket.allocate.ENOMEM", boxBytes, before.memory().free()),
                    new Outcome.Failure(Errno.ENOMEM)));
            return steps;
        }
        int id = before.nextSocketId();
        ControlBlock blank = ControlBlock.allocated(id, spec.family(), spec.type(), spec.flags(), spec.slab(), boxBytes);
        KernelState allocated = before
                .withSockets(before.sockets().with(id, blank), id + 1)
                .withMemory(before.memory().allocate(boxBytes));
        steps.add(new Step(pid, call, Stage.ALLOCATE_MEMORY, allocated,
                List.of(new Change.SocketCreated(id), memoryChange(before, allocated)),
                Narration.of("socket.allocate", spec.slab(), boxBytes), Outcome.PENDING));

        // Stage 2: fill in the form.
        if (spec.ping() && !process.credentials().pingGroup()) {
            steps.add(new Step(pid, call, Stage.INIT_CONTROL_BLOCK, before,
                    List.of(new Change.SocketReleased(id), memoryChange(allocated, before)),
                    Narration.of("socket.init.EACCES", boxBytes), new Outcome.Failure(Errno.EACCES)));
            return steps;
        }
        ControlBlock filled = filled(blank, spec);
        KernelState initialised = allocated.withSockets(allocated.sockets().with(id, filled), allocated.nextSocketId());
        steps.add(new Step(pid, call, Stage.INIT_CONTROL_BLOCK, initialised, fieldChanges(id),
                Narration.of("socket.init", Protocol.nameOf(spec.protocol()), spec.sendBuffer(), spec.receiveBuffer()),
                Outcome.PENDING));

        // Stage 3: the ticket.
        DescriptorTable table = initialised.tableOf(pid);
        int fd = table.lowestFree();
        if (fd >= table.limit()) {
            steps.add(new Step(pid, call, Stage.ISSUE_DESCRIPTOR, before,
                    List.of(new Change.SocketReleased(id), memoryChange(initialised, before)),
                    Narration.of("socket.issue.EMFILE", fd, table.limit(), boxBytes),
                    new Outcome.Failure(Errno.EMFILE)));
            return steps;
        }
        long fileBytes = SocketSpec.stageThreeBytes();
        if (!initialised.memory().canAllocate(fileBytes)) {
            steps.add(new Step(pid, call, Stage.ISSUE_DESCRIPTOR, before,
                    List.of(new Change.SocketReleased(id), memoryChange(initialised, before)),
                    Narration.of("socket.issue.ENOMEM", fileBytes, initialised.memory().free()),
                    new Outcome.Failure(Errno.ENOMEM)));
            return steps;
        }
        KernelState done = issuedState(before, pid, spec, filled, fd);
        steps.add(new Step(pid, call, Stage.ISSUE_DESCRIPTOR, done,
                List.of(new Change.DescriptorChanged(pid, fd), new Change.FieldChanged(id, ControlBlock.Field.MEMORY),
                        memoryChange(initialised, done)),
                issued(initialised, pid, fd), new Outcome.Success(fd)));
        return steps;
    }

    /** Stage 2's control block: the empty box's form filled in. */
    private static ControlBlock filled(ControlBlock blank, SocketSpec spec) {
        return blank.toBuilder().protocol(spec.protocol())
                .states(SocketState.SS_UNCONNECTED, TcpState.TCP_CLOSE)
                .buffers(spec.sendBuffer(), spec.receiveBuffer()).build();
    }

    /**
     * The state after stage 3, from the state the call started in: the filled-in control block
     * (with the file's memory), its open file and descriptor {@code fd}, both stages' memory. The one
     * place that builds it, for {@link #run}'s last step and for {@link #issue}.
     */
    private static KernelState issuedState(KernelState before, int pid, SocketSpec spec, ControlBlock filled, int fd) {
        int id = filled.id();
        long fileBytes = SocketSpec.stageThreeBytes();
        int fileId = before.nextFileId();
        boolean nonBlocking = spec.flags().contains(SocketFlag.SOCK_NONBLOCK);
        boolean closeOnExec = spec.flags().contains(SocketFlag.SOCK_CLOEXEC);
        OpenFile file = new OpenFile(fileId, FileKind.SOCKET, "socket:[" + id + "]", id, 1, nonBlocking);
        ControlBlock issued = filled.toBuilder().memory(filled.memoryBytes() + fileBytes).build();
        return before
                .withFiles(before.files().with(fileId, file), fileId + 1)
                .withSockets(before.sockets().with(id, issued), id + 1)
                .withMemory(before.memory().allocate(spec.stageOneBytes()).allocate(fileBytes))
                .withTable(pid, before.tableOf(pid).with(new Descriptor(fd, fileId, closeOnExec)));
    }

    /**
     * {@link Kernel#effect} of a socket() that gets its descriptor: {@link #run}'s three steps without
     * the first two states, or null when the call fails (then {@link #run} says how).
     */
    static CallEffect issue(KernelState before, int pid, Syscall.Socket call) {
        SocketArguments.Verdict verdict = SocketArguments.check(call.family(), call.type(), call.protocol(),
                before.process(pid).credentials());
        if (!verdict.passed()) {
            return null;
        }
        SocketSpec spec = verdict.spec();
        long boxBytes = spec.stageOneBytes();
        DescriptorTable table = before.tableOf(pid);
        int fd = table.lowestFree();
        if (!before.memory().canAllocate(boxBytes)
                || spec.ping() && !before.process(pid).credentials().pingGroup()
                || fd >= table.limit()
                || !before.memory().allocate(boxBytes).canAllocate(SocketSpec.stageThreeBytes())) {
            return null;
        }
        int id = before.nextSocketId();
        ControlBlock blank = ControlBlock.allocated(id, spec.family(), spec.type(), spec.flags(), spec.slab(), boxBytes);
        return new CallEffect(pid, 3, issuedState(before, pid, spec, filled(blank, spec), fd), new Outcome.Success(fd),
                Stage.ALLOCATE_MEMORY, List.of(fd));
    }

    /**
     * Stage 3's words: a thread that shares its cabinet (pthread_create()) takes the lowest drawer free in
     * that one cabinet, whichever thread holds the others (get_unused_fd_flags() on current->files).
     */
    private static Narration issued(KernelState state, int pid, int fd) {
        List<Process> sharing = state.processesUsing(state.process(pid).tableId());
        if (sharing.size() < 2) {
            return Narration.of("socket.issue", fd);
        }
        StringBuilder others = new StringBuilder();
        for (Process p : sharing) {
            if (p.pid() != pid) {
                others.append(others.length() == 0 ? "" : ", ").append(p.pid());
            }
        }
        return Narration.of("socket.issue.shared", fd, pid, others.toString());
    }

    /**
     * The family's create() refused after sock_alloc() had built the struct socket and its inode:
     * the box appears (stage 1), then sock_release() takes it apart and socket() returns -1. A
     * failed call leaks nothing, but it did allocate.
     */
    private static List<Step> refusedAfterSockAlloc(KernelState before, int pid, Syscall.Socket call,
                                                    SocketArguments.Verdict verdict) {
        long bytes = KernelObjectSizes.SOCKET_INODE;
        if (!before.memory().canAllocate(bytes)) {
            return List.of(new Step(pid, call, Stage.ALLOCATE_MEMORY, before, List.of(),
                    Narration.of("socket.allocate.ENOMEM", bytes, before.memory().free()),
                    new Outcome.Failure(Errno.ENOMEM)));
        }
        int id = before.nextSocketId();
        SocketType type = SocketType.of(call.type() & SocketType.TYPE_MASK).orElse(null);
        ControlBlock bare = ControlBlock.bare(id, type, SocketFlag.in(call.type()));
        KernelState allocated = before.withSockets(before.sockets().with(id, bare), id + 1)
                .withMemory(before.memory().allocate(bytes));
        Step built = new Step(pid, call, Stage.ALLOCATE_MEMORY, allocated,
                List.of(new Change.SocketCreated(id), memoryChange(before, allocated)),
                Narration.of("socket.allocate.bare", bytes, SocketArguments.familyName(call.family())),
                Outcome.PENDING);
        Narration refusal = verdict.narration();
        List<Object> args = new ArrayList<>(refusal.args());
        args.add(bytes);
        Step released = new Step(pid, call, Stage.RELEASE_SOCKET, before,
                List.of(new Change.SocketReleased(id), memoryChange(allocated, before)),
                new Narration(refusal.key(), args), new Outcome.Failure(verdict.errno()));
        return List.of(built, released);
    }

    private static List<Change> fieldChanges(int id) {
        return List.of(new Change.FieldChanged(id, ControlBlock.Field.PROTOCOL),
                new Change.FieldChanged(id, ControlBlock.Field.SOCKET_STATE),
                new Change.FieldChanged(id, ControlBlock.Field.TCP_STATE),
                new Change.FieldChanged(id, ControlBlock.Field.LOCAL),
                new Change.FieldChanged(id, ControlBlock.Field.REMOTE),
                new Change.FieldChanged(id, ControlBlock.Field.SEND_BUFFER),
                new Change.FieldChanged(id, ControlBlock.Field.RECEIVE_BUFFER),
                new Change.FieldChanged(id, ControlBlock.Field.QUEUED));
    }

    static Change memoryChange(KernelState from, KernelState to) {
        return new Change.MemoryChanged(from.memory().used(), to.memory().used());
    }
}
