// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.socketlab.kernel.Change;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.Lesson;

/**
 * Finds the moments worth predicting — a ticket being issued, a socket changing state, a call
 * failing — and makes a question with a few plausible choices. Pure and deterministic: the
 * same frame always gives the same question, and predictions never change the lesson.
 */
public final class PredictQuestions {
    /** At most this many choices. */
    static final int CHOICES = 4;

    private PredictQuestions() {
    }

    /** The question to ask before showing frame {@code index}, if it is worth one. */
    public static Optional<PredictQuestion> before(Lesson lesson, int index) {
        if (index <= 0 || index >= lesson.size()) {
            return Optional.empty();
        }
        Step step = lesson.frame(index).step();
        KernelState before = lesson.frame(index - 1).step().state();
        if (step.outcome() instanceof Outcome.Failure failure && step.call() != null) {
            return Optional.of(errno(step, failure.errno(), index));
        }
        if (step.outcome() instanceof Outcome.Success success && issuesDescriptor(step) && before.hasProcess(step.pid())) {
            return Optional.of(ticket(step, before.tableOf(step.pid()), success.value(), index));
        }
        return stateChange(step, before, index);
    }

    private static boolean issuesDescriptor(Step step) {
        return step.stage() == Stage.ISSUE_DESCRIPTOR || step.stage() == Stage.DUPLICATE;
    }

    private static PredictQuestion ticket(Step step, DescriptorTable table, int fd, int seed) {
        Set<Integer> candidates = new LinkedHashSet<>();
        candidates.add(fd);
        candidates.add(table.highestOpen() + 1);
        candidates.add(3);
        candidates.add(fd + 1);
        candidates.add(table.openCount());
        candidates.add(Math.max(0, fd - 1));
        List<String> choices = new ArrayList<>();
        for (int c : candidates) {
            if (choices.size() < CHOICES) {
                choices.add(Integer.toString(c));
            }
        }
        return shuffled(PredictQuestion.Kind.TICKET, choices, Integer.toString(fd), step.call().name(), seed);
    }

    private static PredictQuestion errno(Step step, Errno actual, int seed) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(actual.name());
        for (Errno plausible : List.of(Errno.EMFILE, Errno.EINVAL, Errno.EBADF, Errno.EAFNOSUPPORT, Errno.EPERM,
                Errno.ENOMEM, Errno.EPROTONOSUPPORT, Errno.ECONNREFUSED, Errno.EPIPE, Errno.EADDRINUSE)) {
            if (candidates.size() < CHOICES) {
                candidates.add(plausible.name());
            }
        }
        return shuffled(PredictQuestion.Kind.ERRNO, new ArrayList<>(candidates), actual.name(), step.call().name(), seed);
    }

    private static Optional<PredictQuestion> stateChange(Step step, KernelState before, int seed) {
        for (Change change : step.changes()) {
            if (change instanceof Change.FieldChanged f && f.field() == ControlBlock.Field.TCP_STATE) {
                ControlBlock was = before.sockets().get(f.socketId());
                ControlBlock now = step.state().sockets().get(f.socketId());
                if (was == null || now == null || was.tcpState() == now.tcpState() || was.isBlank()) {
                    continue;
                }
                Set<String> candidates = new LinkedHashSet<>();
                candidates.add(now.tcpState().name());
                candidates.add(was.tcpState().name());
                for (String s : List.of("TCP_ESTABLISHED", "TCP_LISTEN", "TCP_SYN_SENT", "TCP_CLOSE", "TCP_CLOSE_WAIT")) {
                    if (candidates.size() < CHOICES) {
                        candidates.add(s);
                    }
                }
                return Optional.of(shuffled(PredictQuestion.Kind.STATE, new ArrayList<>(candidates), now.tcpState().name(),
                        step.call() == null ? "" : step.call().name(), seed));
            }
        }
        return Optional.empty();
    }

    /** The choices in an order that depends only on the frame, so the answer is not always first. */
    private static PredictQuestion shuffled(PredictQuestion.Kind kind, List<String> choices, String answer, String subject,
                                       int seed) {
        List<String> ordered = new ArrayList<>(choices);
        int rotation = Math.floorMod(seed * 7 + 3, ordered.size());
        Collections.rotate(ordered, rotation);
        return new PredictQuestion(kind, ordered, ordered.indexOf(answer), subject);
    }
}
