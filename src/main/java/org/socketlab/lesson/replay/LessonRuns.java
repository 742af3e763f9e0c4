// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonSource;

/**
 * A lesson run on the model, described as a {@link Replay} is: every call with its line, pid, result,
 * errno and the descriptors it created, and what each process had open at the end. {@code socket-lab
 * run} prints it as {@code replay} prints a log, and a lesson's run can be set beside the replay of
 * the same program's strace log, call by call.
 */
public final class LessonRuns {
    private LessonRuns() {
    }

    /** Runs a parsed lesson on the model. */
    public static Replay run(LessonSource source) {
        LessonCompiler.Run run = LessonCompiler.run(source, LessonCompiler.idOf(source.sourceName()),
                LessonOrigin.NONE);
        List<ReplayedCall> calls = new ArrayList<>();
        for (LessonCompiler.RanCall c : run.calls()) {
            // a call blocked for good (accept with nobody connecting) has no result
            Long result = c.outcome() instanceof Outcome.Success s ? Long.valueOf(s.value())
                    : c.outcome() instanceof Outcome.Failure ? Long.valueOf(-1) : null;
            String errno = c.outcome() instanceof Outcome.Failure f ? f.errno().name() : null;
            calls.add(new ReplayedCall(c.statement().line(), c.pid(), c.statement().call().cName(), result, errno,
                    new KernelCheck(c.fds(), errno, c.fds(), errno)));
        }
        List<ProcessAtEnd> processes = new ArrayList<>();
        Map<String, Integer> pids = LessonCompiler.pidsOf(source);
        // A thread shares its process's table: it is listed with the process, as a replay lists it.
        Map<Integer, List<Integer>> threads = new LinkedHashMap<>();
        Map<Integer, Integer> leaderOf = new HashMap<>();
        for (LessonCompiler.RanCall c : run.calls()) {
            if (c.call() instanceof Syscall.Fork fork && fork.sharesTable() && c.outcome() instanceof Outcome.Success) {
                int leader = leaderOf.getOrDefault(c.pid(), c.pid());
                leaderOf.put(fork.childPid(), leader);
                threads.computeIfAbsent(leader, k -> new ArrayList<>()).add(fork.childPid());
            }
        }
        for (String name : source.processes()) {
            int pid = pids.get(name);
            if (!leaderOf.containsKey(pid)) {
                processes.add(atEnd(run, pid).withThreads(threads.getOrDefault(pid, List.of())));
            }
        }
        return new Replay(run.lesson(), calls, processes, List.of(), 0, 0, Map.of(), source.lines().size());
    }

    /** A process's table just before it exited (exit closes everything), or at the end. */
    private static ProcessAtEnd atEnd(LessonCompiler.Run run, int pid) {
        KernelState state = run.end();
        Integer status = null;
        for (LessonCompiler.RanCall c : run.calls()) {
            if (c.pid() == pid && c.call() instanceof Syscall.Exit exit) {
                state = c.before();
                status = exit.status();
            }
        }
        List<ProcessAtEnd.OpenDescriptor> open = new ArrayList<>();
        if (state.hasProcess(pid)) {
            for (Descriptor d : state.tableOf(pid).descriptors()) {
                open.add(ProcessAtEnd.describe(state, d));
            }
        }
        return new ProcessAtEnd(pid, status, open);
    }
}
