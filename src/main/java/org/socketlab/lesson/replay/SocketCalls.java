// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.TraceCall;

/**
 * The calls that work on a socket without creating a descriptor: bind, listen, connect,
 * shutdown, send; and fcntl()/ioctl() setting a descriptor's flags. The model runs each; where it expected another ending than the kernel's,
 * the disagreement is counted and the frame shows the kernel's answer if it was a failure
 * (a failed call changes nothing), or the model's steps otherwise.
 */
final class SocketCalls {
    /** Errors the model can produce for these calls; any other comes from outside what it sees. */
    private static final java.util.Set<String> FORESEEABLE = java.util.Set.of("EBADF", "ENOTSOCK", "EINVAL",
            "EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "EISCONN", "EALREADY", "ECONNREFUSED", "EPIPE", "EDESTADDRREQ",
            "EOPNOTSUPP", "ENOTCONN", "EAFNOSUPPORT", "EINPROGRESS", "ETIMEDOUT", "EAGAIN", "ENOMEM", "ENOTTY", "EMFILE");

    private final ModelSession model;
    private final ReplayLog log;
    private final TraceFacts facts;

    SocketCalls(ModelSession model, ReplayLog log, TraceFacts facts) {
        this.model = model;
        this.log = log;
        this.facts = facts;
    }

    /** bind(fd, address): a port 0 the log shows the kernel choosing is bound as that port. */
    void bind(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        Optional<Endpoint> at = CallArgs.endpoint(c, 1);
        OptionalInt learned = facts.learnedPort(c.line());
        LocalizedText say = LocalizedText.EMPTY;
        if (at.isPresent() && at.get().port() == 0 && learned.isPresent()) {
            at = Optional.of(new Endpoint(at.get().family(), at.get().address(), learned.getAsInt()));
            say = ReplayTexts.KERNEL_CHOSE_PORT;
        }
        OptionalInt length = CallArgs.intArg(c, 2);
        handle(c, pid, tracePid, at.<Syscall>map(e -> length.isPresent() ? new Syscall.Bind(fd, e, length.getAsInt())
                : new Syscall.Bind(fd, e)).orElse(null), say);
    }

    void listen(TraceCall c, int pid, Integer tracePid) {
        handle(c, pid, tracePid, new Syscall.Listen(fd(c), CallArgs.intArg(c, 1).orElse(0)), LocalizedText.EMPTY);
    }

    void connect(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        handle(c, pid, tracePid, CallArgs.endpoint(c, 1).<Syscall>map(e -> new Syscall.Connect(fd, e)).orElse(null),
                LocalizedText.EMPTY);
    }

    void shutdown(TraceCall c, int pid, Integer tracePid) {
        OptionalInt how = how(c);
        handle(c, pid, tracePid, how.isPresent() ? new Syscall.Shutdown(fd(c), how.getAsInt()) : null,
                LocalizedText.EMPTY);
    }

    /** send() and sendto(): to the address sendto() names, or the connected peer. */
    void send(TraceCall c, int pid, Integer tracePid) {
        Endpoint to = c.name().equals("sendto") ? CallArgs.endpoint(c, 4).orElse(null) : null;
        handle(c, pid, tracePid, new Syscall.Send(c.name(), fd(c), CallArgs.intArg(c, 2).orElse(0), to),
                LocalizedText.EMPTY);
    }

    /** write() on a socket, as send() without flags; false when the descriptor is no socket the replay knows. */
    boolean write(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        if (fd < 0 || model.state().socketOf(pid, fd) == null && model.foreignSocket(pid, fd) == null) {
            return false;
        }
        handle(c, pid, tracePid, new Syscall.Send(c.name(), fd, CallArgs.intArg(c, 2).orElse(0), null),
                LocalizedText.EMPTY);
        return true;
    }

    /**
     * fcntl() and ioctl() that read or set FD_CLOEXEC or O_NONBLOCK, on any open file: the model
     * runs them so that a later connect() or accept() knows whether to wait.
     */
    void fileFlags(TraceCall c, int pid, Integer tracePid, Syscall call) {
        run(c, pid, tracePid, call, LocalizedText.EMPTY);
    }

    /** The call's descriptor, or -1 when its first argument is no number. */
    private static int fd(TraceCall c) {
        return CallArgs.intArg(c, 0).orElse(-1);
    }

    /** Runs a socket call; {@code call} is null when its arguments could not be read. */
    private void handle(TraceCall c, int pid, Integer tracePid, Syscall call, LocalizedText say) {
        OptionalInt fdArg = CallArgs.intArg(c, 0);
        int fd = fdArg.orElse(-1);
        if (fdArg.isEmpty() || call == null || model.foreignSocket(pid, fd) != null) {
            if (model.foreignSocket(pid, fd) != null) {
                log.warn(c.line(), ReplayWarning.Kind.FOREIGN_SOCKET, fd, c.name());
            }
            log.other(c, tracePid, new KernelCheck(null, null, List.of(), c.result().errno()));
            return;
        }
        run(c, pid, tracePid, call, say);
    }

    private void run(TraceCall c, int pid, Integer tracePid, Syscall call, LocalizedText say) {
        List<Step> steps = model.predict(pid, call);
        Prediction p = Prediction.of(steps);
        String kernelErrno = c.result().errno();
        boolean known = kernelErrno == null || FORESEEABLE.contains(kernelErrno) || !p.succeeded() && !p.blocked()
                && kernelErrno.equals(p.errno());
        KernelCheck check = p.against(List.of(), kernelErrno, known);
        log.other(c, tracePid, check);
        String expected = p.blocked() ? "it to wait" : p.errno() == null ? "success" : "-1 " + p.errno();
        if (check.mismatch()) {
            log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), expected,
                    kernelErrno == null ? String.valueOf(c.result().value()) : "-1 " + kernelErrno);
        }
        if (sameEnding(p, kernelErrno) || kernelErrno == null || Errno.named(kernelErrno).isEmpty()) {
            model.keep(c.line(), pid, call, steps, say, check);
        } else {
            model.kernelFailed(c.line(), pid, call, steps.get(0).stage(), kernelErrno, expected, say, check);
        }
    }

    private static boolean sameEnding(Prediction p, String kernelErrno) {
        return p.blocked() ? kernelErrno == null || Prediction.INTERRUPTED.contains(kernelErrno)
                : java.util.Objects.equals(p.errno(), kernelErrno);
    }

    private static OptionalInt how(TraceCall c) {
        Optional<Arg> a = c.arg(1);
        if (a.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> names = a.get().flagNames();
        if (names.size() == 1) {
            switch (names.get(0)) {
                case "SHUT_RD":
                    return OptionalInt.of(0);
                case "SHUT_WR":
                    return OptionalInt.of(1);
                case "SHUT_RDWR":
                    return OptionalInt.of(2);
                default:
                    break;
            }
        }
        return a.get().asInt();
    }
}
