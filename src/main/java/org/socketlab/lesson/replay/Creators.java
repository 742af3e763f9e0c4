// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketlab.kernel.CallEffect;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.SocketFamily;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.StraceSymbols;
import org.socketlab.lesson.strace.TraceCall;

/**
 * The calls that create descriptors. For each, the model predicts on its current state
 * (the lowest free drawer, EMFILE against the limit it knows, the errno for bad arguments),
 * the prediction is checked against the kernel's answer, and then the model follows the
 * kernel: if the kernel handed out 19 where the model said 3, drawers 3 to 18 were opened out
 * of sight, and the socket goes to 19.
 */
final class Creators {
    /** AF_NETLINK's number. */
    private static final int NETLINK = 16;

    private final ModelSession model;
    private final ReplayLog log;
    /** accept() calls that waited: the drawer they took when they began, by completion line. */
    private final Map<Integer, Integer> reserved = new HashMap<>();
    /** Calls of another thread still running that the kernel served first: their drawers, by completion line. */
    private final Map<Integer, List<Integer>> servedFirst = new HashMap<>();
    private final TraceFacts facts;

    Creators(ModelSession model, ReplayLog log, TraceFacts facts) {
        this.model = model;
        this.log = log;
        this.facts = facts;
    }

    /** An accept() that will wait across other lines takes its drawer now, as Linux does. */
    void reserve(TraceCall accept, int pid) {
        DescriptorTable table = model.state().tableOf(pid);
        int fd = table.lowestFree();
        if (fd < table.limit() && accept.result().asFd().isPresent()) {
            model.run(accept.startLine(), pid, new Syscall.Open(fd, FileKind.UNKNOWN, accept.name() + "()"),
                    ReplayTexts.RESERVED, null);
            reserved.put(accept.line(), fd);
        }
    }

    void socket(TraceCall c, int pid, Integer tracePid) {
        OptionalInt family = CallArgs.intArg(c, 0);
        if (family.isPresent() && family.getAsInt() == NETLINK) {
            netlinkSocket(c, pid, tracePid);
            return;
        }
        OptionalInt type = CallArgs.intArg(c, 1);
        OptionalInt protocol = CallArgs.intArg(c, 2);
        Syscall call = family.isPresent() && type.isPresent() && protocol.isPresent()
                ? new Syscall.Socket(family.getAsInt(), type.getAsInt(), protocol.getAsInt()) : null;
        // The family's create() rules (SocketFamily) say whether the model's answer is the kernel's;
        // a packet socket made with CAP_NET_RAW or a vsock stream is followed, not judged.
        boolean implemented = call != null && SocketFamily.modelsSocket(family.getAsInt(), type.getAsInt(),
                protocol.getAsInt(), model.state().process(pid).credentials());
        create(c, pid, tracePid, call, single(c), implemented, () -> foreign(c, pid, single(c), familyName(c),
                c.arg(1).map(a -> a.flagNames().isEmpty() ? null : a.flagNames().get(0)).orElse(null)));
    }

    /**
     * socket(AF_NETLINK, ...): the model builds a netlink socket (a drawer to the kernel itself,
     * no inet or unix control block) in the lowest free drawer, labelled as strace -yy shows it.
     * The kernel's refusals (an unknown netlink protocol, EPROTONOSUPPORT) are followed, not judged.
     */
    private void netlinkSocket(TraceCall c, int pid, Integer tracePid) {
        String protocol = c.arg(2).map(a -> a.flagNames().isEmpty() ? null : a.flagNames().get(0))
                .map(n -> n.startsWith("NETLINK_") ? n.substring("NETLINK_".length()) : n)
                .orElseGet(() -> CallArgs.intArg(c, 2).isPresent() ? Integer.toString(CallArgs.intArg(c, 2).getAsInt())
                        : "?");
        String type = c.arg(1).map(a -> a.flagNames().isEmpty() ? null : a.flagNames().get(0)).orElse(null);
        DescriptorTable table = model.state().tableOf(pid);
        boolean closeOnExec = c.arg(1).map(a -> a.flagNames().contains("SOCK_CLOEXEC")).orElse(false);
        Syscall call = new Syscall.NetlinkSocket(table.lowestFree(), protocol, closeOnExec);
        create(c, pid, tracePid, call, single(c), true, () -> foreign(c, pid, single(c), "AF_NETLINK", type));
        for (int fd : single(c)) {
            model.rememberNetlink(pid, fd, new ModelSession.NetlinkSocket(protocol, type));
        }
    }

    void socketpair(TraceCall c, int pid, Integer tracePid) {
        OptionalInt family = CallArgs.intArg(c, 0);
        OptionalInt type = CallArgs.intArg(c, 1);
        OptionalInt protocol = CallArgs.intArg(c, 2);
        Syscall call = family.isPresent() && type.isPresent() && protocol.isPresent()
                ? new Syscall.SocketPair(family.getAsInt(), type.getAsInt(), protocol.getAsInt()) : null;
        List<Integer> fds = c.result().isError() || c.result().isUnknown() ? List.of()
                : CallArgs.fdArray(c, SyscallKind.SOCKETPAIR.pairArgument()).stream().map(FdRef::fd).toList();
        create(c, pid, tracePid, call, fds, call != null, () -> foreign(c, pid, fds, familyName(c),
                c.arg(1).map(a -> a.flagNames().isEmpty() ? null : a.flagNames().get(0)).orElse(null)));
    }

    void accept(TraceCall c, int pid, Integer tracePid) {
        Integer taken = reserved.remove(c.line());
        if (taken != null) {
            model.run(c.line(), pid, new Syscall.Close(taken), ReplayTexts.RESERVATION_USED, null);
        }
        int listener = CallArgs.fdArg(c, 0).map(FdRef::fd).orElse(-1);
        int flags = c.name().equals("accept4") ? CallArgs.intArg(c, 3).orElse(0) : 0;
        boolean four = c.name().equals("accept4");
        List<Integer> actual = single(c);
        Syscall call = new Syscall.Accept(listener, flags, four);
        ControlBlock socket = listener < 0 ? null : model.state().socketOf(pid, listener);
        if (socket != null && socket.isListening() && socket.acceptQueue().isEmpty() && !actual.isEmpty()) {
            Endpoint peer = CallArgs.endpoint(c, 1).orElse(null);
            call = new Syscall.AcceptFromOutside(listener, flags, four, peer);
        }
        boolean known = socket != null && model.foreignSocket(pid, listener) == null;
        ModelSession.ForeignSocket from = listener < 0 ? null : model.foreignSocket(pid, listener);
        create(c, pid, tracePid, listener < 0 ? null : call, actual, known, () -> foreign(c, pid, actual,
                socket != null ? socket.family().name() : from != null ? from.family() : null,
                socket != null ? socket.type().name() : from != null ? from.type() : null));
    }

    void dup(TraceCall c, int pid, Integer tracePid) {
        OptionalInt fd = CallArgs.intArg(c, 0);
        List<Integer> actual = single(c);
        Syscall call;
        if (c.name().equals("dup")) {
            call = fd.isPresent() ? new Syscall.Dup(fd.getAsInt()) : null;
        } else {
            OptionalInt target = CallArgs.intArg(c, 1);
            boolean three = c.name().equals("dup3");
            int flags = three ? c.arg(2).map(a -> a.flagNames().contains("O_CLOEXEC") ? 0x80000
                    : a.asInt().orElse(0)).orElse(0) : 0;
            call = fd.isPresent() && target.isPresent()
                    ? new Syscall.Dup2(fd.getAsInt(), target.getAsInt(), flags, three) : null;
        }
        create(c, pid, tracePid, call, actual, call != null, () -> opaque(c, pid, actual, "?"));
    }

    private static final Pattern PIDFD = Pattern.compile("pid:(\\d+)");

    /**
     * pidfd_getfd(pidfd, targetfd, flags): a copy of the other process's descriptor. Which process
     * the pidfd refers to is read from its {@code -yy} decoration ({@code 5<pid:3157>}) or from what
     * the model's drawer holds; without either the model cannot know.
     */
    void pidfdGetfd(TraceCall c, int pid, Integer tracePid) {
        OptionalInt pidfd = CallArgs.intArg(c, 0);
        OptionalInt target = CallArgs.intArg(c, 1);
        int flags = c.arg(2).flatMap(a -> a.asInt().isPresent() ? Optional.of(a.asInt().getAsInt())
                : Optional.empty()).orElse(0);
        Integer targetPid = null;
        Optional<FdRef> ref = CallArgs.fdArg(c, 0);
        if (ref.isPresent() && ref.get().decoration() != null) {
            Matcher m = PIDFD.matcher(CallArgs.label(ref.get().decoration()));
            if (m.matches()) {
                targetPid = Integer.valueOf(m.group(1));
            }
        }
        if (targetPid == null && pidfd.isPresent() && model.state().tableOf(pid).isOpen(pidfd.getAsInt())) {
            String name = model.state().files().get(model.state().tableOf(pid).get(pidfd.getAsInt()).fileId()).name();
            Matcher m = PIDFD.matcher(name);
            if (m.matches()) {
                targetPid = Integer.valueOf(m.group(1));
            }
        }
        List<Integer> actual = single(c);
        Syscall call = pidfd.isPresent() && target.isPresent() && targetPid != null
                ? new Syscall.GetFd(pidfd.getAsInt(), targetPid, target.getAsInt(), flags) : null;
        create(c, pid, tracePid, call, actual, call != null, () -> opaque(c, pid, actual, "?"));
    }

    /**
     * fcntl(fd, F_DUPFD or F_DUPFD_CLOEXEC, min): the lowest free drawer at or above {@code min},
     * EINVAL for a {@code min} at or above the limit. The model predicts, then follows the
     * kernel: a drawer it did not know was taken is filled from outside first.
     */
    void fcntlDup(TraceCall c, int pid, Integer tracePid, int command) {
        int fd = CallArgs.intArg(c, 0).orElse(-1);
        long min = c.arg(2).flatMap(a -> a.asLong().isPresent() ? Optional.of(a.asLong().getAsLong())
                : Optional.empty()).orElse(0L);
        Syscall.Fcntl call = new Syscall.Fcntl(fd, command, min);
        List<Integer> actual = single(c);
        String actualErrno = c.result().errno();
        ModelExpectation p = ModelExpectation.of(model.predict(pid, call));
        boolean known = actualErrno == null || ModelExpectation.FORESEEABLE.contains(actualErrno);
        KernelCheck check = p.against(actual, actualErrno, known);
        record(c, tracePid, check);
        List<Step> steps = model.predict(pid, call);
        if (!actual.isEmpty() && fd >= 0 && model.state().tableOf(pid).isOpen(fd)) {
            if (p.fds().equals(actual)) {
                model.keep(c.line(), pid, call, steps, say(check), check);
                return;
            }
            // Drawers the model thought free were taken out of sight; the kernel's drawer is the one.
            model.closeOutside(c.line(), pid, actual.get(0));
            model.run(c.line(), pid, new Syscall.Fcntl(fd, command, actual.get(0)), say(check), check);
        } else if (actualErrno != null) {
            if (!p.succeeded() && actualErrno.equals(p.errno())) {
                model.keep(c.line(), pid, call, steps, say(check), check);
            } else {
                model.kernelFailed(c.line(), pid, call, steps.get(0).stage(), actualErrno,
                        ModelExpectation.describe(p.fds(), p.errno()), say(check), check);
            }
        }
    }

    /**
     * recvmsg(): the bytes as recv() (those beyond what the model queued came from a peer it does
     * not see), and the descriptors an SCM_RIGHTS message installs, checked against the
     * {@code cmsg_data} the kernel filled in.
     */
    void receiveMessage(TraceCall c, int pid, Integer tracePid) {
        int fd = CallArgs.intArg(c, 0).orElse(-1);
        List<Integer> actual = c.result().isError() || c.result().isUnknown() ? List.of()
                : CallArgs.passedFds(c, 1).stream().map(FdRef::fd).toList();
        ControlBlock socket = fd < 0 ? null : model.state().socketOf(pid, fd);
        if (socket == null) {
            // A socket the model cannot build (netlink, say): shown, not animated.
            log.notAnimated(c.name());
            if (!actual.isEmpty()) {
                opaque(c, pid, actual, "?");
            }
            return;
        }
        // strace does not show the buffers of a failed recvmsg: then the program asked for some bytes.
        int length = CallArgs.iovLength(c, 1);
        if (length < 0) {
            length = (int) Math.max(1, Math.min(Integer.MAX_VALUE, c.result().value() == null ? 1 : c.result().value()));
        }
        int flags = SocketCalls.messageFlags(c, 2);
        Syscall.Receive receive = new Syscall.Receive(c.name(), fd, length, flags);
        // On a socket that keeps boundaries, -1: no message arrived from outside (0 is an empty one).
        int arrived = socket.keepsBoundaries() ? -1 : 0;
        boolean fin = false;
        if (!c.result().isError() && !c.result().isUnknown() && c.result().value() != null) {
            long returned = c.result().value();
            boolean outside = !socket.isStream() || socket.peer() < 0
                    || model.state().sockets().get(socket.peer()) == null;
            if (socket.keepsBoundaries()) {
                // A message the model did not queue: one arrives, of the length the kernel returned.
                arrived = socket.messages().isEmpty() ? (int) Math.min(Integer.MAX_VALUE, returned) : -1;
            } else {
                arrived = (int) Math.max(0, Math.min(Integer.MAX_VALUE, returned - socket.receiveQueued()));
                fin = outside && returned == 0 && length > 0 && socket.receiveQueued() == 0;
            }
        }
        List<Integer> passed = actual;
        create(c, pid, tracePid, new Syscall.ReceiveMessage(receive, arrived, fin), actual, true,
                () -> opaque(c, pid, passed, "?"));
    }

    /** open, openat, pipe, epoll_create and their kin: files that take the lowest free drawers. */
    void open(TraceCall c, int pid, Integer tracePid, List<Integer> actual, List<String> labels) {
        DescriptorTable table = model.state().tableOf(pid);
        boolean cloexec = closeOnExec(c);
        Syscall call = new Syscall.Open(table.lowestFree(), kindOf(c, 0, labels.get(0)), labels.get(0), cloexec,
                c.name());
        if (actual.size() == 2 || labels.size() == 2) {
            // A pipe: the model predicts the two lowest free drawers.
            int first = table.lowestFree();
            int second = first + 1;
            while (table.isOpen(second)) {
                second++;
            }
            List<Integer> predicted = second < table.limit() ? List.of(first, second) : List.of();
            String actualErrno = c.result().errno();
            boolean known = actualErrno == null || actualErrno.equals("EMFILE") || predicted.isEmpty();
            KernelCheck check = known
                    ? new KernelCheck(predicted, predicted.isEmpty() ? "EMFILE" : null, actual, actualErrno)
                    : new KernelCheck(null, null, actual, actualErrno);
            record(c, tracePid, check);
            for (int i = 0; i < actual.size(); i++) {
                if (i == 0) {
                    model.align(c.line(), pid, actual.get(0));
                } else {
                    model.closeOutside(c.line(), pid, actual.get(i));
                }
                String label = labels.get(Math.min(i, labels.size() - 1));
                model.run(c.line(), pid, new Syscall.Open(actual.get(i), kindOf(c, i, label), label, cloexec, c.name()),
                        say(check), check);
            }
            return;
        }
        create(c, pid, tracePid, call, actual, true, () -> opaque(c, pid, actual, labels.get(0)));
    }

    /**
     * The common path: predict, check, follow. {@code call} is null when the arguments could
     * not be read; {@code implemented} false when the model cannot know the answer; the
     * fallback places what the kernel made when the model cannot make it itself.
     */
    private void create(TraceCall c, int pid, Integer tracePid, Syscall call, List<Integer> actual,
                        boolean implemented, Runnable fallback) {
        String actualErrno = c.result().errno();
        for (int fd : servedFirst.getOrDefault(c.line(), List.of())) {
            model.run(c.line(), pid, new Syscall.Close(fd), ReplayTexts.SERVED_FIRST_USED, null);
        }
        servedFirst.remove(c.line());
        CallEffect effect = call == null ? null : model.effect(pid, call);
        ModelExpectation p = effect == null ? new ModelExpectation(List.of(), null, false) : ModelExpectation.of(effect);
        boolean raced = false;
        if (effect != null && !sameAs(p, actual, actualErrno) && !facts.racesWith(c.line()).isEmpty()) {
            // Another thread's call ran at the same time: the log's order of lines is not the order in
            // which the kernel served them. A call still running that the kernel's answer shows was
            // served first holds its drawer now; the model says it cannot know, instead of a mismatch.
            raced = true;
            TraceCall other = facts.racesWith(c.line()).get(0);
            for (TraceCall running : facts.racesWith(c.line())) {
                int took = running.line() > c.line() ? running.result().asFd().map(FdRef::fd).orElse(-1) : -1;
                if (took >= 0 && !actual.contains(took) && !model.state().tableOf(pid).isOpen(took)) {
                    model.run(c.line(), pid, new Syscall.Open(took, FileKind.UNKNOWN, running.name() + "()"),
                            ReplayTexts.SERVED_FIRST, null);
                    servedFirst.computeIfAbsent(running.line(), k -> new ArrayList<>()).add(took);
                    other = running;
                }
            }
            log.warn(c.line(), ReplayWarning.Kind.RACE, c.name(), c.line(), other.name(), other.line());
            effect = model.effect(pid, call);
            p = ModelExpectation.of(effect);
        }
        boolean known = call != null && implemented && !raced
                && !(p.succeeded() && actualErrno != null && !ModelExpectation.FORESEEABLE.contains(actualErrno))
                && !(p.blocked() && "EAGAIN".equals(actualErrno))
                && !((call instanceof Syscall.Open || call instanceof Syscall.NetlinkSocket) && p.succeeded()
                        && actualErrno != null);
        KernelCheck check = p.against(actual, actualErrno, known);
        record(c, tracePid, check);
        LocalizedText say = say(check);
        if (!check.mismatch() && effect != null && sameAs(p, actual, actualErrno)) {
            model.keep(c.line(), pid, call, effect, say, check);
            return;
        }
        if (!actual.isEmpty()) {
            if (call != null && !(call instanceof Syscall.Dup2)) {
                model.align(c.line(), pid, actual.get(0));
            }
            if (call instanceof Syscall.Dup2 d) {
                model.closeOutside(c.line(), pid, d.newFd());
            }
            if (call != null) {
                Syscall retry = call instanceof Syscall.Open o
                        ? new Syscall.Open(actual.get(0), o.kind(), o.label(), o.closeOnExec(), o.call())
                        : call instanceof Syscall.NetlinkSocket n
                        ? new Syscall.NetlinkSocket(actual.get(0), n.protocol(), n.closeOnExec()) : call;
                CallEffect again = model.effect(pid, retry);
                if (ModelExpectation.of(again).fds().equals(actual)) {
                    model.keep(c.line(), pid, retry, again, say, check);
                    return;
                }
            }
            fallback.run();
            return;
        }
        if (actualErrno == null) {
            return;
        }
        if (actualErrno.equals("EMFILE") && p.succeeded()) {
            DescriptorTable table = model.state().tableOf(pid);
            log.warn(c.line(), ReplayWarning.Kind.LIMIT_INFERRED, table.limit(), table.lowestFree());
            model.run(c.line(), pid, new Syscall.SetLimit(table.lowestFree()), ReplayTexts.LIMIT_INFERRED, null);
        } else if (actualErrno.equals("EBADF") && !(call instanceof Syscall.GetFd)
                && !c.name().equals("pidfd_getfd")) {
            // (pidfd_getfd's EBADF may be about the other process's descriptor.)
            CallArgs.fdArg(c, 0).ifPresent(f -> model.closeOutside(c.line(), pid, f.fd()));
        }
        if (call != null) {
            CallEffect again = model.effect(pid, call);
            ModelExpectation q = ModelExpectation.of(again);
            if (!q.succeeded()) {
                model.keep(c.line(), pid, call, again, say, check);
                return;
            }
            model.kernelFailed(c.line(), pid, call, again.firstStage(), actualErrno,
                    ModelExpectation.describe(q.fds(), q.errno()), say, check);
        }
    }

    private static boolean sameAs(ModelExpectation p, List<Integer> actual, String actualErrno) {
        if (p.blocked()) {
            return actual.isEmpty();
        }
        return p.fds().equals(actual) && Objects.equals(p.errno(), actualErrno);
    }

    private void record(TraceCall c, Integer tracePid, KernelCheck check) {
        log.call(c, tracePid, check);
        if (check.mismatch()) {
            log.warn(c.line(), ReplayWarning.Kind.MISMATCH, c.name(),
                    ModelExpectation.describe(check.predicted(), check.predictedErrno()),
                    ModelExpectation.describe(check.actual(), check.actualErrno()));
        }
    }

    private static LocalizedText say(KernelCheck check) {
        return check.mismatch() ? ReplayTexts.FOLLOWS_KERNEL : LocalizedText.EMPTY;
    }

    /** Sockets the model cannot build go in their drawers as open files it remembers as sockets. */
    private void foreign(TraceCall c, int pid, List<Integer> fds, String family, String type) {
        for (int i = 0; i < fds.size(); i++) {
            int fd = fds.get(i);
            if (i == 0) {
                model.align(c.line(), pid, fd);
            } else {
                model.closeOutside(c.line(), pid, fd);
            }
            String label = family == null ? "socket" : "socket:[" + family + "]";
            model.placeForeignSocket(c.line(), pid, fd, label, new ModelSession.ForeignSocket(family, type),
                    LocalizedText.EMPTY);
        }
    }

    private void opaque(TraceCall c, int pid, List<Integer> fds, String label) {
        for (int fd : fds) {
            model.closeOutside(c.line(), pid, fd);
            model.run(c.line(), pid, new Syscall.Open(fd, FileKind.UNKNOWN, label), LocalizedText.EMPTY, null);
        }
    }

    /**
     * What the call made: the call says it (epoll_create1, a pipe's first or second end), or else the
     * path strace's -yy printed for it does ("anon_inode:[eventfd]" from an openat of /proc/self/fd/7).
     */
    private static FileKind kindOf(TraceCall c, int index, String label) {
        FileKind made = FileKind.madeBy(c.name(), index);
        return made == FileKind.FILE ? FileKind.named(label).orElse(FileKind.FILE) : made;
    }

    /** Calls whose descriptor is always close-on-exec, whatever their flags (fs/pidfs.c, io_uring). */
    private static final Set<String> ALWAYS_CLOEXEC = Set.of("pidfd_open", "pidfd_getfd",
            "io_uring_setup");

    /**
     * True when an open-like call makes a close-on-exec descriptor: a flag ending in _CLOEXEC
     * among its arguments (O_CLOEXEC, EPOLL_CLOEXEC, EFD_CLOEXEC, TFD_CLOEXEC, SFD_CLOEXEC,
     * IN_CLOEXEC, MFD_CLOEXEC, FAN_CLOEXEC, openat2's how.flags), or a call that always sets it.
     */
    static boolean closeOnExec(TraceCall c) {
        if (ALWAYS_CLOEXEC.contains(c.name())) {
            return true;
        }
        for (Arg a : c.args()) {
            if (hasCloexec(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCloexec(Arg a) {
        if (a.flagNames().stream().anyMatch(n -> n.endsWith("_CLOEXEC"))) {
            return true;
        }
        if (a instanceof Arg.Struct s) {
            return s.items().stream().anyMatch(Creators::hasCloexec);
        }
        return a instanceof Arg.Named n && hasCloexec(n.value());
    }

    private static List<Integer> single(TraceCall c) {
        return c.result().asFd().map(f -> List.of(f.fd())).orElse(List.of());
    }

    private static String familyName(TraceCall c) {
        Optional<Arg> a = c.arg(0);
        if (a.isEmpty()) {
            return null;
        }
        List<String> names = a.get().flagNames();
        if (names.size() == 1) {
            return StraceSymbols.canonical(names.get(0));
        }
        return a.get().asLong().stream().mapToObj(StraceSymbols::familyName).flatMap(Optional::stream)
                .findFirst().orElse(null);
    }

    /** The labels of the files an open-like call made, from decorations, the path, or the call. */
    static List<String> labels(TraceCall c, List<FdRef> refs) {
        List<String> labels = new ArrayList<>();
        for (FdRef r : refs) {
            if (r.decoration() != null) {
                labels.add(CallArgs.label(r.decoration()));
            }
        }
        if (labels.isEmpty()) {
            int pathArg = c.name().equals("openat") || c.name().equals("openat2") ? 1 : 0;
            Optional<String> path = c.name().startsWith("open") || c.name().equals("creat")
                    ? c.arg(pathArg).filter(a -> a instanceof Arg.Str).map(a -> ((Arg.Str) a).utf8())
                    : Optional.empty();
            labels.add(path.orElse(c.name()));
        }
        return labels;
    }
}
