// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * execve(): a process starts another program (fs/exec.c). Before the point of no return the
 * program is looked up; a path with nothing at it is ENOENT and the process goes on unchanged,
 * every drawer as it was. After it, begin_new_exec() names the process after the program
 * (__set_task_comm with the path's last part) and do_close_on_exec() (fs/file.c) empties every
 * drawer marked close-on-exec, as close() would; the other drawers stay, leading to the same open
 * files, and the new program starts with them. A socket whose last descriptor went is released
 * as close() releases it.
 */
final class Executing {
    private Executing() {
    }

    static List<Step> run(KernelState before, int pid, Syscall.Exec call) {
        if (!call.programExists()) {
            return List.of(new Step(pid, call, Stage.EXEC, before, List.of(),
                    Narration.of("exec.ENOENT", call.path()), new Outcome.Failure(Errno.ENOENT)));
        }
        Process process = before.process(pid);
        KernelState state = before.withProcessReplaced(new Process(pid, process.tableId(), call.programName(),
                process.credentials(), process.ignoresSigpipe()));
        List<Change> changes = new ArrayList<>();
        List<Integer> closed = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        List<Integer> orphaned = new ArrayList<>();
        for (Descriptor d : before.tableOf(pid).descriptors()) {
            if (!d.closeOnExec()) {
                kept.add(d.number());
                continue;
            }
            Closing.Emptied emptied = Closing.empty(state, pid, d.number());
            state = emptied.state();
            closed.add(d.number());
            changes.add(new Change.DescriptorChanged(pid, d.number()));
            if (emptied.orphanedSocket() >= 0) {
                orphaned.add(emptied.orphanedSocket());
            }
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(pid, call, Stage.EXEC, state, changes,
                Narration.of(closed.isEmpty() ? "exec.none" : "exec.ok", call.path(), call.programName(), pid,
                        closed.size(), numbers(closed), kept.size(), numbers(kept)),
                orphaned.isEmpty() ? new Outcome.Success(0) : Outcome.PENDING));
        for (int s = 0; s < orphaned.size(); s++) {
            List<SocketRelease.Phase> phases = SocketRelease.phases(state, orphaned.get(s));
            for (int i = 0; i < phases.size(); i++) {
                SocketRelease.Phase phase = phases.get(i);
                boolean last = s == orphaned.size() - 1 && i == phases.size() - 1;
                steps.add(new Step(pid, call, phase.stage(), phase.state(), phase.changes(), phase.narration(),
                        last ? new Outcome.Success(0) : Outcome.PENDING));
                state = phase.state();
            }
        }
        return steps;
    }

    /** "3, 4" (or "–" for none): drawer numbers for a narration. */
    private static String numbers(List<Integer> fds) {
        if (fds.isEmpty()) {
            return "–";
        }
        StringBuilder out = new StringBuilder();
        for (Integer fd : fds) {
            out.append(out.length() == 0 ? "" : ", ").append(fd);
        }
        return out.toString();
    }
}
