// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.lesson.KernelCheck;

/**
 * What the model says a call will do, read from the steps the kernel model produced: the
 * descriptors it hands out, or the errno it fails with, or that it waits.
 *
 * @param fds     descriptors handed out (empty on failure)
 * @param errno   the errno name, or null
 * @param blocked true when the model says the call waits (accept() with nothing queued)
 */
record Prediction(List<Integer> fds, String errno, boolean blocked) {
    /** Errors the kernel returns for reasons outside the model: a call interrupted by a signal. */
    static final Set<String> INTERRUPTED = Set.of("ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
            "ERESTART_RESTARTBLOCK", "EINTR");
    /** Errors the model itself can foresee for the calls that create descriptors. */
    static final Set<String> FORESEEABLE = Set.of("EMFILE", "EBADF", "EINVAL", "EAFNOSUPPORT", "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT", "EPERM", "EOPNOTSUPP", "ENOTSOCK", "EAGAIN");

    static Prediction of(List<Step> steps) {
        Outcome out = steps.get(steps.size() - 1).outcome();
        if (out instanceof Outcome.Failure f) {
            return new Prediction(List.of(), f.errno().name(), false);
        }
        if (!(out instanceof Outcome.Success)) {
            return new Prediction(List.of(), null, true);
        }
        List<Integer> fds = new ArrayList<>();
        for (Step s : steps) {
            if (s.call() instanceof org.socketlab.kernel.Syscall.ReceiveMessage && s.stage() == Stage.ISSUE_DESCRIPTOR) {
                // recvmsg returns a byte count; the descriptors it installs are in its steps' drawers.
                s.changes().stream().filter(ch -> ch instanceof org.socketlab.kernel.Change.DescriptorChanged)
                        .map(ch -> ((org.socketlab.kernel.Change.DescriptorChanged) ch).fd()).forEach(fds::add);
                continue;
            }
            if ((s.stage() == Stage.ISSUE_DESCRIPTOR || s.stage() == Stage.DUPLICATE || s.stage() == Stage.OPEN_FILE)
                    && s.outcome() instanceof Outcome.Success ok) {
                fds.add(ok.value());
            }
        }
        return new Prediction(fds, null, false);
    }

    boolean succeeded() {
        return errno == null && !blocked;
    }

    /**
     * The check against what the kernel did. A call the model says waits agrees with one the
     * kernel reports interrupted; {@code known} false makes the prediction null.
     */
    KernelCheck against(List<Integer> actual, String actualErrno, boolean known) {
        if (!known) {
            return new KernelCheck(null, null, actual, actualErrno);
        }
        if (blocked && actual.isEmpty() && (actualErrno == null || INTERRUPTED.contains(actualErrno))) {
            return new KernelCheck(List.of(), actualErrno, actual, actualErrno);
        }
        return new KernelCheck(fds, errno, actual, actualErrno);
    }

    /** A check's side as a reader would say it: "[3, 4]" or "-1 EMFILE". */
    static String describe(List<Integer> fds, String errno) {
        if (fds == null) {
            return "nothing";
        }
        if (errno != null) {
            return "-1 " + errno;
        }
        return fds.isEmpty() ? "no descriptor" : fds.toString();
    }
}
