// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Set;
import org.socketlab.kernel.CallEffect;
import org.socketlab.kernel.Outcome;
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
record ModelExpectation(List<Integer> fds, String errno, boolean blocked) {
    /** Errors the kernel returns for reasons outside the model: a call interrupted by a signal. */
    static final Set<String> INTERRUPTED = Set.of("ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND",
            "ERESTART_RESTARTBLOCK", "EINTR");
    /**
     * Errors the model itself can produce: any other errno the kernel returns comes from outside
     * what the model sees (a signal, a full disk, a firewall), and is "cannot know", never a disagreement.
     */
    static final Set<String> FORESEEABLE = Set.of("EMFILE", "EBADF", "EINVAL", "EAFNOSUPPORT", "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT", "EPERM", "EOPNOTSUPP", "ENOTSOCK", "EAGAIN", "EADDRINUSE", "EADDRNOTAVAIL", "EACCES",
            "EISCONN", "EALREADY", "ECONNREFUSED", "EPIPE", "EDESTADDRREQ", "ENOTCONN", "EINPROGRESS", "ETIMEDOUT",
            "ECONNABORTED", "ENOMEM", "ENOTTY");

    static ModelExpectation of(List<Step> steps) {
        return of(CallEffect.of(steps));
    }

    static ModelExpectation of(CallEffect effect) {
        Outcome out = effect.outcome();
        if (out instanceof Outcome.Failure f) {
            return new ModelExpectation(List.of(), f.errno().name(), false);
        }
        if (!(out instanceof Outcome.Success)) {
            return new ModelExpectation(List.of(), null, true);
        }
        return new ModelExpectation(effect.descriptors(), null, false);
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
    static Object describe(List<Integer> fds, String errno) {
        if (fds == null) {
            return Said.NOTHING;
        }
        if (errno != null) {
            return "-1 " + errno;
        }
        return fds.isEmpty() ? Said.NO_DESCRIPTOR : fds.toString();
    }
}
