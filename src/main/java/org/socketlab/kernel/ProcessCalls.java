// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls about processes: fork() gives the child a copy of the cabinet (same numbers, the same
 * open files, one more reference each); a thread (clone with CLONE_FILES) shares the cabinet;
 * exit() empties the drawers of a cabinet nobody else uses; setrlimit() changes the limit.
 */
final class ProcessCalls {
    private ProcessCalls() {
    }

    static List<Step> fork(KernelState before, int pid, Syscall.Fork call) {
        if (call.childPid() <= 0 || before.hasProcess(call.childPid())) {
            return SocketLookup.refuse(before, pid, call, Stage.FORK, Errno.EINVAL, "fork.pid", call.childPid());
        }
        Process parent = before.process(pid);
        List<Change> changes = new ArrayList<>();
        KernelState state;
        if (call.sharesTable()) {
            state = before.withProcess(new Process(call.childPid(), parent.tableId(), call.childName(),
                    parent.credentials(), parent.ignoresSigpipe()), null);
        } else {
            DescriptorTable table = before.tableOf(pid);
            Map<Integer, Integer> extra = new HashMap<>();
            for (Descriptor d : table.descriptors()) {
                extra.merge(d.fileId(), 1, Integer::sum);
                changes.add(new Change.DescriptorChanged(call.childPid(), d.number()));
            }
            SlotTrie<OpenFile> files = before.files();
            for (Map.Entry<Integer, Integer> e : extra.entrySet()) {
                OpenFile f = files.get(e.getKey());
                files = files.with(f.id(), f.withReferences(f.references() + e.getValue()));
            }
            int tableId = before.unusedTableId();
            state = before.withFiles(files, before.nextFileId())
                    .withProcess(new Process(call.childPid(), tableId, call.childName(), parent.credentials(),
                            parent.ignoresSigpipe()), table);
        }
        return List.of(new Step(pid, call, Stage.FORK, state, changes,
                Narration.of(call.sharesTable() ? "fork.thread" : "fork.ok", call.childPid(), call.childName(),
                        before.tableOf(pid).openCount()),
                new Outcome.Success(call.childPid())));
    }

    static List<Step> exit(KernelState before, int pid, Syscall.Exit call) {
        Ended ended = end(before, pid);
        return List.of(new Step(pid, call, Stage.EXIT, ended.state(), ended.changes(),
                Narration.of(ended.lastUser() ? "exit.ok" : "exit.thread", pid, call.status(), ended.freed()),
                new Outcome.Success(call.status())));
    }

    /** A process that has ended: the state without it, what that changed, and the bytes freed. */
    record Ended(KernelState state, List<Change> changes, long freed, boolean lastUser) {
    }

    /** The process ends (exit, or a signal): the last one using its table closes every descriptor. */
    static Ended end(KernelState before, int pid) {
        Process process = before.process(pid);
        KernelState state = before;
        List<Change> changes = new ArrayList<>();
        long freed = 0;
        boolean lastUser = before.processesUsing(process.tableId()).size() == 1;
        if (lastUser) {
            for (Descriptor d : before.tableOf(pid).descriptors()) {
                Closing.Emptied emptied = Closing.empty(state, pid, d.number());
                state = emptied.state();
                changes.add(new Change.DescriptorChanged(pid, d.number()));
                if (emptied.orphanedSocket() >= 0) {
                    SocketRelease.Released released = SocketRelease.release(state, emptied.orphanedSocket());
                    state = released.state();
                    changes.addAll(released.changes());
                    freed += released.bytes();
                }
            }
        }
        return new Ended(state.withoutProcess(pid), changes, freed, lastUser);
    }

    /** signal(SIGPIPE, ...) (rt_sigaction in strace): threads share the disposition, a fork copies it. */
    static List<Step> signal(KernelState before, int pid, Syscall.SignalAction call) {
        if (call.signal() != Syscall.SignalAction.SIGPIPE) {
            return List.of(new Step(pid, call, Stage.SIGNAL, before, List.of(),
                    Narration.of("signal.other", call.signal()), new Outcome.Success(0)));
        }
        KernelState state = before;
        int table = before.process(pid).tableId();
        for (Process p : before.processesUsing(table)) {
            state = state.withProcessReplaced(p.withIgnoresSigpipe(!call.defaultAction()));
        }
        return List.of(new Step(pid, call, Stage.SIGNAL, state, List.of(),
                Narration.of(call.defaultAction() ? "signal.sigpipe.default" : "signal.sigpipe.ignored"),
                new Outcome.Success(0)));
    }

    static List<Step> setLimit(KernelState before, int pid, Syscall.SetLimit call) {
        if (call.limit() < 0) {
            return SocketLookup.refuse(before, pid, call, Stage.SET_LIMIT, Errno.EINVAL, "setrlimit.EINVAL",
                    call.limit());
        }
        DescriptorTable table = before.tableOf(pid);
        return List.of(new Step(pid, call, Stage.SET_LIMIT, before.withTable(pid, table.withLimit(call.limit())),
                List.of(), Narration.of("setrlimit.ok", table.limit(), call.limit()), new Outcome.Success(0)));
    }

    static List<Step> attach(KernelState before, int pid, Syscall.Attach call) {
        if (pid != call.pid()) {
            throw new IllegalArgumentException("attach is made by the new process " + call.pid() + ", not " + pid);
        }
        if (pid <= 0 || before.hasProcess(pid) || call.descriptorLimit() < 0) {
            int anyone = before.processes().isEmpty() ? pid : before.processes().get(0).pid();
            return SocketLookup.refuse(before, anyone, call, Stage.ATTACH, Errno.EINVAL, "fork.pid", pid);
        }
        int tableId = before.unusedTableId();
        KernelState state = before.withProcess(new Process(pid, tableId, call.processName(), call.credentials()),
                DescriptorTable.empty(call.descriptorLimit()));
        return List.of(new Step(pid, call, Stage.ATTACH, state, List.of(),
                Narration.of("attach.ok", pid, call.processName()), new Outcome.Success(pid)));
    }
}
