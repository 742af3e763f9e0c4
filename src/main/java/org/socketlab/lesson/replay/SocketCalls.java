// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketlab.kernel.ControlBlock;
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
 * shutdown, send. The model runs each; where it expected another ending than the kernel's,
 * the disagreement is counted and the frame shows the kernel's answer if it was a failure
 * (a failed call changes nothing), or the model's steps otherwise.
 */
final class SocketCalls {
    /** Errors the model can produce for these calls; any other comes from outside what it sees. */
    private static final java.util.Set<String> FORESEEABLE = java.util.Set.of("EBADF", "ENOTSOCK", "EINVAL",
            "EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "EISCONN", "EALREADY", "ECONNREFUSED", "EPIPE", "EDESTADDRREQ",
            "EOPNOTSUPP", "ENOTCONN", "EAFNOSUPPORT", "EINPROGRESS", "ETIMEDOUT", "EAGAIN", "ENOMEM");

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
        handle(c, pid, tracePid, at.<Syscall>map(e -> new Syscall.Bind(fd, e)).orElse(null), say);
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
     * recv() and recvfrom(). What arrives from where the model does not see (a server elsewhere,
     * a datagram from anywhere) is taken from the kernel's answer: the bytes it returned beyond
     * those the model has queued arrived first, and 0 from such a peer means its FIN did.
     */
    void receive(TraceCall c, int pid, Integer tracePid) {
        receive(c, pid, tracePid, c.name().equals("read") ? 0 : messageFlags(c, 3));
    }

    /** read() on a socket, as recv() without flags; false when the descriptor is no socket the replay knows. */
    boolean read(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        if (fd < 0 || model.state().socketOf(pid, fd) == null && model.foreignSocket(pid, fd) == null) {
            return false;
        }
        receive(c, pid, tracePid, 0);
        return true;
    }

    private void receive(TraceCall c, int pid, Integer tracePid, int flags) {
        int fd = fd(c);
        int length = CallArgs.intArg(c, 2).orElse(0);
        Syscall.Receive receive = new Syscall.Receive(c.name(), fd, length, flags);
        ControlBlock socket = fd < 0 ? null : model.state().socketOf(pid, fd);
        boolean outside = socket != null && fromOutside(socket);
        Syscall call = receive;
        if (socket != null && !c.result().isError() && !c.result().isUnknown() && c.result().value() != null) {
            // Bytes beyond those the model queued were sent by calls it does not run (sendmsg,
            // writev) or by a peer it does not see; 0 from a peer it does not see is that peer's FIN.
            long returned = c.result().value();
            int arrived = (int) Math.max(0, Math.min(Integer.MAX_VALUE, returned - socket.receiveQueued()));
            boolean fin = outside && returned == 0 && length > 0 && socket.receiveQueued() == 0;
            if (arrived > 0 || fin) {
                call = new Syscall.ReceiveFromOutside(receive, arrived, fin);
            }
        }
        // From outside, an error (a reset, a timeout) or a wait the model could not see coming is
        // no disagreement: the model can only say what its own sockets would do.
        handle(c, pid, tracePid, call, LocalizedText.EMPTY, outside ? (p, errno) -> errno == null
                || p.errno() != null && p.errno().equals(errno) : null);
    }

    /** True when data for this socket can come from a peer the model does not run. */
    private boolean fromOutside(ControlBlock socket) {
        return !socket.isStream() || socket.peer() < 0 || model.state().sockets().get(socket.peer()) == null;
    }

    /** The MSG_* flags the model looks at, from the argument at a position. */
    private static int messageFlags(TraceCall c, int index) {
        Optional<Arg> a = c.arg(index);
        if (a.isEmpty()) {
            return 0;
        }
        int flags = 0;
        for (String name : a.get().flagNames()) {
            flags |= switch (name) {
                case "MSG_DONTWAIT" -> Syscall.Receive.MSG_DONTWAIT;
                case "MSG_PEEK" -> Syscall.Receive.MSG_PEEK;
                default -> 0;
            };
        }
        return flags;
    }

    /** The call's descriptor, or -1 when its first argument is no number. */
    private static int fd(TraceCall c) {
        return CallArgs.intArg(c, 0).orElse(-1);
    }

    /** Runs a socket call; {@code call} is null when its arguments could not be read. */
    private void handle(TraceCall c, int pid, Integer tracePid, Syscall call, LocalizedText say) {
        handle(c, pid, tracePid, call, say, null);
    }

    /**
     * Runs a socket call; {@code knowable}, when given, says which of the kernel's answers the
     * model can judge (the others are not counted as disagreements).
     */
    private void handle(TraceCall c, int pid, Integer tracePid, Syscall call, LocalizedText say,
                        java.util.function.BiPredicate<Prediction, String> knowable) {
        OptionalInt fdArg = CallArgs.intArg(c, 0);
        int fd = fdArg.orElse(-1);
        if (fdArg.isEmpty() || call == null || model.foreignSocket(pid, fd) != null) {
            if (model.foreignSocket(pid, fd) != null) {
                log.warn(c.line(), ReplayWarning.Kind.FOREIGN_SOCKET, fd, c.name());
            }
            log.other(c, tracePid, new KernelCheck(null, null, List.of(), c.result().errno()));
            return;
        }
        run(c, pid, tracePid, call, say, knowable);
    }

    private void run(TraceCall c, int pid, Integer tracePid, Syscall call, LocalizedText say,
                     java.util.function.BiPredicate<Prediction, String> knowable) {
        List<Step> steps = model.predict(pid, call);
        Prediction p = Prediction.of(steps);
        String kernelErrno = c.result().errno();
        boolean known = kernelErrno == null || FORESEEABLE.contains(kernelErrno) || !p.succeeded() && !p.blocked()
                && kernelErrno.equals(p.errno());
        if (knowable != null) {
            known = known && knowable.test(p, kernelErrno);
        }
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
