// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.LinuxSymbols;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.UnixAddresses;
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
        ModelSession.NetlinkSocket netlink = fd < 0 ? null : model.netlinkSocket(pid, fd);
        if (netlink != null) {
            bindNetlink(c, pid, tracePid, fd, netlink);
            return;
        }
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

    /**
     * bind() on a netlink socket: nl_pid 0 gets the port id the kernel chose (the log shows it in
     * the next decoration: NETLINK:[ROUTE:4711]); otherwise the nl_pid asked for.
     */
    private void bindNetlink(TraceCall c, int pid, Integer tracePid, int fd, ModelSession.NetlinkSocket netlink) {
        long asked = c.arg(1).filter(a -> a instanceof Arg.Struct).flatMap(a -> ((Arg.Struct) a).field("nl_pid"))
                .flatMap(a -> a.asLong().isPresent() ? Optional.of(a.asLong().getAsLong()) : Optional.empty())
                .orElse(0L);
        OptionalInt learned = facts.netlinkPort(c.line());
        int port = asked != 0 ? (int) asked : learned.orElse(0);
        LocalizedText say = asked == 0 && learned.isPresent() ? ReplayTexts.KERNEL_CHOSE_PORT_ID : LocalizedText.EMPTY;
        run(c, pid, tracePid, new Syscall.NetlinkBind(fd, netlink.protocol(), (int) asked, port), say, null);
    }

    void listen(TraceCall c, int pid, Integer tracePid) {
        handle(c, pid, tracePid, new Syscall.Listen(fd(c), CallArgs.intArg(c, 1).orElse(0)), LocalizedText.EMPTY);
    }

    /**
     * connect(). A server on this machine that the model does not see (a process outside the
     * trace) is something the model cannot know: where it predicted ECONNREFUSED and the kernel
     * connected, the replay says "cannot know" and connects to that server.
     */
    void connect(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        ControlBlock own = fd < 0 ? null : model.state().socketOf(pid, fd);
        if (own != null && own.family() == AddressFamily.AF_UNIX && CallArgs.unspecified(c, 1)) {
            handle(c, pid, tracePid, new Syscall.Disconnect(fd), LocalizedText.EMPTY);
            return;
        }
        Optional<Endpoint> to = CallArgs.endpoint(c, 1);
        if (to.isPresent() && c.result().errno() == null && !c.result().isUnknown() && fd >= 0
                && model.foreignSocket(pid, fd) == null) {
            ModelExpectation p = ModelExpectation.of(model.predict(pid, new Syscall.Connect(fd, to.get())));
            if ("ECONNREFUSED".equals(p.errno())) {
                run(c, pid, tracePid, new Syscall.ConnectToOutside(fd, to.get()), LocalizedText.EMPTY,
                        (prediction, errno) -> false);
                return;
            }
        }
        handle(c, pid, tracePid, to.<Syscall>map(e -> new Syscall.Connect(fd, e)).orElse(null),
                LocalizedText.EMPTY, unixAddressUnseen(pid, fd, to.orElse(null)) ? (p, errno) -> false : null);
    }

    /**
     * getsockopt(fd, SOL_SOCKET, SO_ERROR, [value]): the model reports and clears the socket's
     * pending error. After a non-blocking connect to a server it does not see, the value the kernel
     * gave is how the handshake ended: the model follows it ("cannot know", not a disagreement).
     * Where the model knows the answer, a different value is a disagreement.
     */
    void getOption(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        int level = symbol(c.arg(1)).orElse(-1);
        int optionNumber = symbol(c.arg(2)).orElse(-1);
        boolean soError = level == Syscall.SetSocketOption.SOL_SOCKET && optionNumber == Syscall.GetSocketOption.SO_ERROR;
        Syscall call = new Syscall.GetSocketOption(fd, level, optionNumber);
        ControlBlock socket = fd < 0 ? null : model.state().socketOf(pid, fd);
        if (socket != null && level == Syscall.SetSocketOption.SOL_IPV6
                && optionNumber == Syscall.SetSocketOption.IPV6_V6ONLY && !c.result().isError()) {
            v6onlyRead(c, pid, tracePid, call, socket);
            return;
        }
        Optional<String> value = soError && !c.result().isError() ? errorValue(c) : Optional.empty();
        if (socket == null || value.isEmpty()) {
            handle(c, pid, tracePid, call, LocalizedText.EMPTY);
            return;
        }
        String modelValue = socket.error() == null ? "0" : socket.error().name();
        if (modelValue.equals(value.get())) {
            handle(c, pid, tracePid, call, LocalizedText.EMPTY);
            return;
        }
        if (answerUnseen(socket)) {
            Errno revealed = value.get().equals("0") ? null : Errno.named(value.get()).orElse(null);
            if (revealed != null || value.get().equals("0")) {
                model.run(c.line(), pid, new Syscall.HandshakeFromOutside(fd, revealed), ReplayTexts.ANSWER_FROM_OUTSIDE,
                        null);
            }
            run(c, pid, tracePid, call, LocalizedText.EMPTY, (prediction, errno) -> false);
            return;
        }
        // The call returned 0 as the model said; the value it wrote is what differs.
        log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), "SO_ERROR " + modelValue,
                "SO_ERROR " + value.get());
        log.disagreements++;
        handle(c, pid, tracePid, call, LocalizedText.EMPTY);
    }

    /** getsockopt(IPV6_V6ONLY) read a value: the model's sk_ipv6only beside it. */
    private void v6onlyRead(TraceCall c, int pid, Integer tracePid, Syscall call, ControlBlock socket) {
        OptionalInt read = c.arg(3).filter(a -> a instanceof Arg.Array array && array.items().size() == 1)
                .map(a -> ((Arg.Array) a).items().get(0).asInt()).orElse(OptionalInt.empty());
        int modelValue = socket.v6only() ? 1 : 0;
        if (read.isPresent() && (read.getAsInt() != 0 ? 1 : 0) != modelValue) {
            log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), "IPV6_V6ONLY " + modelValue,
                    "IPV6_V6ONLY " + read.getAsInt());
            log.disagreements++;
        }
        handle(c, pid, tracePid, call, LocalizedText.EMPTY);
    }

    /** A level or option as a number: strace's symbol (SOL_IPV6), or the number it printed for one it has no name for. */
    private static OptionalInt symbol(Optional<Arg> arg) {
        if (arg.isEmpty()) {
            return OptionalInt.empty();
        }
        OptionalInt number = arg.get().asInt();
        if (number.isPresent()) {
            return number;
        }
        List<String> names = arg.get().flagNames();
        if (names.size() != 1) {
            return OptionalInt.empty();
        }
        OptionalLong value = LinuxSymbols.valueOf(names.get(0));
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /**
     * Data that moves on a connecting socket whose server the model does not see shows that the
     * server answered: the handshake is over before the call runs.
     */
    private void settleHandshake(TraceCall c, int pid, int fd) {
        if (fd < 0 || c.result().isError() || c.result().isUnknown()) {
            return;
        }
        ControlBlock socket = model.state().socketOf(pid, fd);
        if (socket != null && socket.isStream() && answerUnseen(socket)) {
            model.run(c.line(), pid, new Syscall.HandshakeFromOutside(fd, null), ReplayTexts.ANSWER_FROM_OUTSIDE, null);
        }
    }

    /** SO_ERROR's value as the log shows it: "0", or an errno name such as "ECONNREFUSED". */
    private static Optional<String> errorValue(TraceCall c) {
        Optional<Arg> a = c.arg(3);
        if (a.isEmpty() || !(a.get() instanceof Arg.Array array) || array.items().size() != 1) {
            return Optional.empty();
        }
        Arg item = array.items().get(0);
        OptionalInt number = item.asInt();
        if (number.isPresent()) {
            return number.getAsInt() == 0 ? Optional.of("0") : Optional.empty();
        }
        List<String> names = item.flagNames();
        return names.size() == 1 && Errno.named(names.get(0)).isPresent() ? Optional.of(names.get(0)) : Optional.empty();
    }

    /**
     * True when a connecting socket's outcome is decided by a server the model does not see: one
     * elsewhere still in SYN_SENT, or one on this machine the model found nobody listening at.
     */
    static boolean answerUnseen(ControlBlock socket) {
        if (socket.socketState() != org.socketlab.kernel.SocketState.SS_CONNECTING) {
            return false;
        }
        return socket.tcpState() == org.socketlab.kernel.TcpState.TCP_SYN_SENT
                || socket.tcpState() == org.socketlab.kernel.TcpState.TCP_CLOSE
                && socket.error() == Errno.ECONNREFUSED;
    }

    void shutdown(TraceCall c, int pid, Integer tracePid) {
        OptionalInt how = how(c);
        handle(c, pid, tracePid, how.isPresent() ? new Syscall.Shutdown(fd(c), how.getAsInt()) : null,
                LocalizedText.EMPTY);
    }

    /** send() and sendto(): to the address sendto() names, or the connected peer. */
    void send(TraceCall c, int pid, Integer tracePid) {
        Endpoint to = c.name().equals("sendto") ? CallArgs.endpoint(c, 4).orElse(null) : null;
        settleHandshake(c, pid, fd(c));
        handle(c, pid, tracePid, new Syscall.Send(c.name(), fd(c), CallArgs.intArg(c, 2).orElse(0), to,
                messageFlags(c, 3)), LocalizedText.EMPTY,
                unixAddressUnseen(pid, fd(c), to) ? (p, errno) -> false : datagramAnswers(pid, fd(c)));
    }

    /**
     * True for an AF_UNIX datagram socket's sendto() or connect() to an address at which no socket of
     * the trace is bound: a process outside the trace may hold it (/dev/log, the journal's socket), a
     * file may be left from before the trace, or there may be nothing at all. The model cannot know
     * which: the kernel's answer (success, ENOENT, ECONNREFUSED) is followed and not judged.
     */
    private boolean unixAddressUnseen(int pid, int fd, Endpoint to) {
        ControlBlock socket = fd < 0 || to == null ? null : model.state().socketOf(pid, fd);
        return socket != null && socket.family() == AddressFamily.AF_UNIX && socket.keepsBoundaries()
                && !socket.isConnectionOriented() && to.family() == AddressFamily.AF_UNIX
                && UnixAddresses.boundAt(model.state(), socket.type(), to) == null;
    }

    /**
     * On a datagram socket, ECONNREFUSED is an ICMP port unreachable for an earlier datagram: in a
     * replay the port may belong to a process outside the trace (the resolver at 127.0.0.53), so
     * the model cannot know whether it comes. Null (judge everything) for other sockets.
     */
    private java.util.function.BiPredicate<ModelExpectation, String> datagramAnswers(int pid, int fd) {
        ControlBlock socket = fd < 0 ? null : model.state().socketOf(pid, fd);
        return socket == null || socket.isStream() ? null : (p, errno) -> !"ECONNREFUSED".equals(errno);
    }

    /** sendmsg(): the bytes of msg_iov (or, unreadable, the count the kernel returned) and SCM_RIGHTS. */
    void sendMessage(TraceCall c, int pid, Integer tracePid) {
        int length = CallArgs.iovLength(c, 1);
        if (length < 0) {
            length = c.result().value() == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, c.result().value()));
        }
        List<Integer> rights = CallArgs.passedFds(c, 1).stream().map(org.socketlab.lesson.strace.FdRef::fd).toList();
        settleHandshake(c, pid, fd(c));
        handle(c, pid, tracePid, new Syscall.SendMessage(fd(c), length, messageFlags(c, 2), rights),
                LocalizedText.EMPTY, datagramAnswers(pid, fd(c)));
    }

    /** write() on a socket, as send() without flags; false when the descriptor is no socket the replay knows. */
    boolean write(TraceCall c, int pid, Integer tracePid) {
        int fd = fd(c);
        if (fd < 0 || model.state().socketOf(pid, fd) == null && model.foreignSocket(pid, fd) == null) {
            return false;
        }
        settleHandshake(c, pid, fd);
        handle(c, pid, tracePid, new Syscall.Send(c.name(), fd, CallArgs.intArg(c, 2).orElse(0), null),
                LocalizedText.EMPTY, datagramAnswers(pid, fd));
        return true;
    }

    /**
     * fcntl() and ioctl() that read or set FD_CLOEXEC or O_NONBLOCK, on any open file: the model
     * runs them so that a later connect() or accept() knows whether to wait.
     */
    void fileFlags(TraceCall c, int pid, Integer tracePid, Syscall call) {
        run(c, pid, tracePid, call, LocalizedText.EMPTY, null);
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
        settleHandshake(c, pid, fd);
        int length = CallArgs.intArg(c, 2).orElse(0);
        Syscall.Receive receive = new Syscall.Receive(c.name(), fd, length, flags);
        ControlBlock socket = fd < 0 ? null : model.state().socketOf(pid, fd);
        boolean outside = socket != null && fromOutside(socket);
        Syscall call = receive;
        if (socket != null && !c.result().isError() && !c.result().isUnknown() && c.result().value() != null) {
            // Bytes beyond those the model queued were sent by calls it does not run (sendmsg,
            // writev) or by a peer it does not see; 0 from a peer it does not see is that peer's FIN.
            long returned = c.result().value();
            if (socket.keepsBoundaries()) {
                // A message the model did not queue arrived: the kernel's answer is its length (or
                // what of it fitted the buffer, all the model needs to give the same answer).
                if (socket.messages().isEmpty() && !(length == 0 && c.name().equals("read"))) {
                    call = new Syscall.ReceiveFromOutside(receive, (int) Math.min(Integer.MAX_VALUE, returned), false);
                }
            } else {
                int arrived = (int) Math.max(0, Math.min(Integer.MAX_VALUE, returned - socket.receiveQueued()));
                boolean fin = outside && returned == 0 && length > 0 && socket.receiveQueued() == 0;
                if (arrived > 0 || fin) {
                    call = new Syscall.ReceiveFromOutside(receive, arrived, fin);
                }
            }
        }
        // From outside, an error (a reset, a timeout) or a wait the model could not see coming is
        // no disagreement: the model can only say what its own sockets would do.
        handle(c, pid, tracePid, call, LocalizedText.EMPTY, outside ? (p, errno) -> errno == null
                || p.errno() != null && p.errno().equals(errno) : null);
    }

    /**
     * setsockopt(fd, SOL_SOCKET, SO_REUSEADDR or SO_LINGER, ...); false for the options the model
     * does not show (they are not animated).
     */
    boolean setOption(TraceCall c, int pid, Integer tracePid) {
        OptionalInt level = symbol(c.arg(1));
        boolean named = c.arg(1).map(a -> !a.flagNames().isEmpty()).orElse(false);
        List<String> option = c.arg(2).map(Arg::flagNames).orElse(List.of());
        Optional<Arg> value = c.arg(3);
        int length = CallArgs.intArg(c, 4).orElse(Integer.BYTES);
        if (value.isEmpty() || level.isEmpty()) {
            return false;
        }
        Syscall call;
        if (level.getAsInt() == Syscall.SetSocketOption.SOL_SOCKET && option.contains("SO_REUSEADDR")
                && value.get() instanceof Arg.Array array && array.items().size() == 1
                && array.items().get(0).asInt().isPresent()) {
            call = new Syscall.SetSocketOption(fd(c), Syscall.SetSocketOption.SOL_SOCKET,
                    Syscall.SetSocketOption.SO_REUSEADDR, array.items().get(0).asInt().getAsInt(), 0);
        } else if (level.getAsInt() == Syscall.SetSocketOption.SOL_SOCKET && option.contains("SO_LINGER")
                && value.get() instanceof Arg.Struct linger
                && linger.field("l_onoff").flatMap(a -> box(a.asInt())).isPresent()
                && linger.field("l_linger").flatMap(a -> box(a.asInt())).isPresent()) {
            call = new Syscall.SetSocketOption(fd(c), Syscall.SetSocketOption.SOL_SOCKET,
                    Syscall.SetSocketOption.SO_LINGER, linger.field("l_onoff").get().asInt().getAsInt(),
                    linger.field("l_linger").get().asInt().getAsInt());
        } else if (level.getAsInt() == Syscall.SetSocketOption.SOL_IPV6 || !named) {
            // The IPv6 level (IPV6_V6ONLY, and which sockets have the level at all), and a level strace
            // has no name for: the model knows the answers.
            OptionalInt number = symbol(c.arg(2));
            if (number.isEmpty()) {
                return false;
            }
            int set = value.get() instanceof Arg.Array array && array.items().size() == 1
                    ? array.items().get(0).asInt().orElse(0) : 0;
            call = new Syscall.SetSocketOption(fd(c), level.getAsInt(), number.getAsInt(), set, 0, length);
        } else {
            return false;
        }
        handle(c, pid, tracePid, call, LocalizedText.EMPTY);
        return true;
    }

    private static Optional<Integer> box(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    /** True when data for this socket can come from a peer the model does not run. */
    private boolean fromOutside(ControlBlock socket) {
        return !socket.isStream() || socket.peer() < 0 || model.state().sockets().get(socket.peer()) == null;
    }

    /** The MSG_* flags the model looks at, from the argument at a position. */
    static int messageFlags(TraceCall c, int index) {
        Optional<Arg> a = c.arg(index);
        if (a.isEmpty()) {
            return 0;
        }
        int flags = 0;
        for (String name : a.get().flagNames()) {
            flags |= switch (name) {
                case "MSG_DONTWAIT" -> Syscall.Receive.MSG_DONTWAIT;
                case "MSG_PEEK" -> Syscall.Receive.MSG_PEEK;
                case "MSG_TRUNC" -> Syscall.Receive.MSG_TRUNC;
                case "MSG_NOSIGNAL" -> Syscall.Send.MSG_NOSIGNAL;
                case "MSG_CMSG_CLOEXEC" -> Syscall.ReceiveMessage.MSG_CMSG_CLOEXEC;
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
                        java.util.function.BiPredicate<ModelExpectation, String> knowable) {
        OptionalInt fdArg = CallArgs.intArg(c, 0);
        int fd = fdArg.orElse(-1);
        if (fdArg.isPresent() && fd >= 0 && model.netlinkSocket(pid, fd) != null) {
            // A message to or from the kernel itself: shown as the log has it, nothing in the model moves.
            log.other(c, tracePid, new KernelCheck(null, null, List.of(), c.result().errno()));
            return;
        }
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
                     java.util.function.BiPredicate<ModelExpectation, String> knowable) {
        List<Step> steps = model.predict(pid, call);
        boolean killed = !steps.get(steps.size() - 1).state().hasProcess(pid) && steps.size() > 1;
        if (killed) {
            // SIGPIPE ended the process: the log's "+++ killed by SIGPIPE +++" line replays that end.
            Step raised = steps.get(steps.size() - 2);
            List<Step> kept = new java.util.ArrayList<>(steps.subList(0, steps.size() - 2));
            kept.add(new Step(raised.pid(), raised.call(), raised.stage(), raised.state(), raised.changes(),
                    raised.narration(), new Outcome.Failure(Errno.EPIPE)));
            steps = kept;
        }
        ModelExpectation p = ModelExpectation.of(steps);
        String kernelErrno = c.result().errno();
        boolean known = kernelErrno == null || ModelExpectation.FORESEEABLE.contains(kernelErrno) || !p.succeeded() && !p.blocked()
                && kernelErrno.equals(p.errno());
        if (knowable != null) {
            known = known && knowable.test(p, kernelErrno);
        }
        KernelCheck check = p.against(List.of(), kernelErrno, known);
        log.other(c, tracePid, check);
        Object expected = p.blocked() ? Said.WAIT : p.errno() == null ? Said.SUCCESS : "-1 " + p.errno();
        if (check.mismatch()) {
            log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), expected,
                    kernelErrno == null ? String.valueOf(c.result().value()) : "-1 " + kernelErrno);
        }
        if (killed && "EPIPE".equals(kernelErrno)) {
            model.keepAsShown(c.line(), steps, say, check);
        } else if (sameEnding(p, kernelErrno) || kernelErrno == null || Errno.named(kernelErrno).isEmpty()) {
            model.keep(c.line(), pid, call, steps, say, check);
        } else {
            model.kernelFailed(c.line(), pid, call, steps.get(0).stage(), kernelErrno, expected, say, check);
        }
    }

    private static boolean sameEnding(ModelExpectation p, String kernelErrno) {
        return p.blocked() ? kernelErrno == null || ModelExpectation.INTERRUPTED.contains(kernelErrno)
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
