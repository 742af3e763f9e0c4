// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * close(fd): the drawer is emptied at once; the open file loses a reference, and when the last
 * one goes the socket is released ({@link SocketRelease}: a TCP connection is ended with a FIN or
 * an RST, and its sock may outlive the descriptor). Closing a drawer that is empty is EBADF,
 * an answer like any other.
 */
final class Closing {
    /** The cabinet with one drawer emptied, and the socket that lost its last reference (or -1). */
    record Emptied(KernelState state, OpenFile file, int orphanedSocket) {
    }

    private Closing() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Close call) {
        int fd = call.fd();
        Descriptor descriptor = fd < 0 ? null : before.tableOf(pid).get(fd);
        if (descriptor == null) {
            return List.of(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, before, List.of(),
                    Narration.of("close.EBADF", fd), new Outcome.Failure(Errno.EBADF)));
        }
        Emptied emptied = empty(before, pid, fd);
        OpenFile file = emptied.file();
        boolean releases = emptied.orphanedSocket() >= 0;
        String key = releases ? "close.socket" : file.references() == 1 ? "close.file" : "close.shared";
        List<Step> steps = new ArrayList<>(2);
        steps.add(new Step(pid, call, Stage.CLOSE_DESCRIPTOR, emptied.state(),
                List.of(new Change.DescriptorChanged(pid, fd)),
                Narration.of(key, fd, file.name(), file.references() - 1),
                releases ? Outcome.PENDING : new Outcome.Success(0)));
        if (releases) {
            List<SocketRelease.Phase> phases = SocketRelease.phases(emptied.state(), emptied.orphanedSocket());
            for (int i = 0; i < phases.size(); i++) {
                SocketRelease.Phase phase = phases.get(i);
                steps.add(new Step(pid, call, phase.stage(), phase.state(), phase.changes(), phase.narration(),
                        i == phases.size() - 1 ? new Outcome.Success(0) : Outcome.PENDING));
            }
        }
        return steps;
    }

    /**
     * {@link Kernel#effect} of a close() of an open drawer: {@link #run}'s steps without the first one's
     * picture (the same emptying and release build the state), or null for an empty drawer.
     */
    static CallEffect effect(KernelState before, int pid, Syscall.Close call) {
        int fd = call.fd();
        if (fd < 0 || before.tableOf(pid).get(fd) == null) {
            return null;
        }
        Emptied emptied = empty(before, pid, fd);
        if (emptied.orphanedSocket() < 0) {
            return new CallEffect(pid, 1, emptied.state(), new Outcome.Success(0), Stage.CLOSE_DESCRIPTOR, List.of());
        }
        List<SocketRelease.Phase> phases = SocketRelease.phases(emptied.state(), emptied.orphanedSocket());
        return new CallEffect(pid, 1 + phases.size(), phases.get(phases.size() - 1).state(), new Outcome.Success(0),
                Stage.CLOSE_DESCRIPTOR, List.of());
    }

    /**
     * close_range() (fs/file.c __close_range): flags other than CLOSE_RANGE_UNSHARE and
     * CLOSE_RANGE_CLOEXEC, or first above last, are EINVAL; otherwise each open drawer from first
     * to last (the table ends at the limit) is emptied as close() empties it, or with
     * CLOSE_RANGE_CLOEXEC gets its close-on-exec mark (__range_cloexec). Empty drawers in the range
     * are skipped: no EBADF. A table shared with threads is closed for all of them (the model does
     * not take the private copy CLOSE_RANGE_UNSHARE asks for).
     */
    static List<Step> range(KernelState before, int pid, Syscall.CloseRange call) {
        int known = Syscall.CloseRange.CLOSE_RANGE_UNSHARE | Syscall.CloseRange.CLOSE_RANGE_CLOEXEC;
        if ((call.flags() & ~known) != 0 || call.first() > call.last() || call.first() < 0) {
            return List.of(new Step(pid, call, Stage.CHECK_ARGUMENTS, before, List.of(),
                    Narration.of("close_range.EINVAL", call.first(), call.last(), call.flags()),
                    new Outcome.Failure(Errno.EINVAL)));
        }
        boolean mark = (call.flags() & Syscall.CloseRange.CLOSE_RANGE_CLOEXEC) != 0;
        List<Descriptor> inRange = new ArrayList<>();
        for (Descriptor d : before.tableOf(pid).descriptors()) {
            if (d.number() >= call.first() && d.number() <= call.last()) {
                inRange.add(d);
            }
        }
        if (inRange.isEmpty()) {
            return List.of(new Step(pid, call, mark ? Stage.FILE_FLAGS : Stage.CLOSE_DESCRIPTOR, before, List.of(),
                    Narration.of("close_range.none", call.first(), call.last()), new Outcome.Success(0)));
        }
        List<Step> steps = new ArrayList<>();
        KernelState state = before;
        if (mark) {
            DescriptorTable table = state.tableOf(pid);
            List<Change> changes = new ArrayList<>();
            for (Descriptor d : inRange) {
                table = table.with(new Descriptor(d.number(), d.fileId(), true));
                changes.add(new Change.DescriptorChanged(pid, d.number()));
            }
            return List.of(new Step(pid, call, Stage.FILE_FLAGS, state.withTable(pid, table), changes,
                    Narration.of("close_range.cloexec", call.first(), call.last(), inRange.size()),
                    new Outcome.Success(0)));
        }
        for (Descriptor d : inRange) {
            for (Step step : run(state, pid, new Syscall.Close(d.number()))) {
                steps.add(new Step(pid, call, step.stage(), step.state(), step.changes(), step.narration(),
                        Outcome.PENDING));
                state = step.state();
            }
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(pid, call, last.stage(), last.state(), last.changes(), last.narration(),
                new Outcome.Success(0)));
        return steps;
    }

    /** Empties an open drawer and drops one reference to its file. */
    static Emptied empty(KernelState before, int pid, int fd) {
        DescriptorTable table = before.tableOf(pid);
        Descriptor descriptor = table.get(fd);
        OpenFile file = before.files().get(descriptor.fileId());
        KernelState state = before.withTable(pid, table.without(fd));
        boolean last = file.references() == 1;
        state = last
                ? Watching.released(state.withFiles(state.files().without(file.id()), state.nextFileId()), file)
                : state.withFiles(state.files().with(file.id(), file.withReferences(file.references() - 1)),
                        state.nextFileId());
        return new Emptied(state, file, last && file.kind() == FileKind.SOCKET ? file.socketId() : -1);
    }
}
