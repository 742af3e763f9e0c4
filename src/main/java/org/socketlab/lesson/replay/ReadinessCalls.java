// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Readiness;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.TraceCall;

/**
 * poll, ppoll, select, pselect6 and epoll_wait (epoll_pwait, epoll_pwait2) with the epoll_ctl
 * registrations they report on: the model says which descriptors the kernel finds ready
 * ({@link Readiness}) and the replay sets that beside what the kernel returned. A bit the model
 * predicts and the kernel's answer contradicts is a disagreement; one the model cannot know (a
 * connection, datagram or answer from outside the trace, a file it does not build, a wait that other
 * threads' calls ran through) makes the call "cannot know". A connecting socket whose server the
 * model does not see, reported writable without an error, finished its handshake: the model follows.
 * Each is also a step the window shows: epoll_ctl runs on the model (the interest list), a wait shows
 * what it found on each descriptor, marked where the model could not know the answer.
 */
final class ReadinessCalls {
    /** A descriptor in a raw select() set: a number at the start or after a space, before its decoration. */
    private static final Pattern SET_ITEM = Pattern.compile("(?:^|\\s)(\\d{1,9})(?=<|\\s|$)");
    private static final Pattern SELECTED = Pattern.compile("\\b(in|out|except) \\[([^\\]]*)\\]");

    /** One descriptor a call asked about, the model's answer, and the kernel's. */
    private record Asked(String what, Readiness model, int kernel) {
    }

    /** One epoll registration: the descriptor and open file it watches, its events and data. */
    private record Watch(int fd, int fileId, int events, long data, boolean edge, boolean oneShot, boolean disabled) {
    }

    /**
     * Calls the model does not run that move bytes through a socket: the argument positions of the
     * descriptors they write to and read from. What they queue or take is not in the model.
     */
    private static final Map<String, List<List<Integer>>> UNSEEN_TRAFFIC = Map.ofEntries(
            Map.entry("writev", List.of(List.of(0), List.of())),
            Map.entry("pwritev", List.of(List.of(0), List.of())),
            Map.entry("pwritev2", List.of(List.of(0), List.of())),
            Map.entry("sendmmsg", List.of(List.of(0), List.of())),
            Map.entry("readv", List.of(List.of(), List.of(0))),
            Map.entry("preadv", List.of(List.of(), List.of(0))),
            Map.entry("preadv2", List.of(List.of(), List.of(0))),
            Map.entry("recvmmsg", List.of(List.of(), List.of(0))),
            Map.entry("sendfile", List.of(List.of(0), List.of(1))),
            Map.entry("splice", List.of(List.of(2), List.of(0))),
            Map.entry("tee", List.of(List.of(1), List.of(0))),
            Map.entry("copy_file_range", List.of(List.of(2), List.of(0))));

    private final ModelSession model;
    private final ReplayLog log;
    /** Sockets whose receive queue calls the model does not run have filled or emptied: POLLIN is unsure. */
    private final Set<Integer> unseenQueue = new HashSet<>();
    /** Each epoll instance's registrations, by the epoll's open-file id, then by the watched descriptor. */
    private final Map<Integer, Map<Integer, Watch>> epolls = new HashMap<>();

    ReadinessCalls(ModelSession model, ReplayLog log) {
        this.model = model;
        this.log = log;
    }

    /**
     * A call the model does not run (writev, readv, sendfile, ...) moved bytes through sockets: from
     * now on whether their receive queues hold anything is not the model's to say.
     */
    void unseenTraffic(TraceCall c, int pid) {
        List<List<Integer>> positions = UNSEEN_TRAFFIC.get(c.name());
        if (positions == null || c.result().isError()) {
            return;
        }
        for (int i = 0; i < 2; i++) {
            for (int at : positions.get(i)) {
                OptionalInt fd = c.arg(at).map(Arg::asInt).orElse(OptionalInt.empty());
                ControlBlock socket = fd.isEmpty() ? null : model.state().socketOf(pid, fd.getAsInt());
                if (socket != null) {
                    unseenQueue.add(i == 0 ? socket.peer() : socket.id());
                }
            }
        }
    }

    /** The model's readiness of a descriptor, with POLLIN unsure where unseen calls moved bytes. */
    private Readiness of(int pid, int fd) {
        if (!model.state().tableOf(pid).isOpen(fd)) {
            // POLLNVAL if it is really closed; but a log without -y decorations may use descriptors opened
            // out of sight that the model does not have.
            return new Readiness(Readiness.POLLNVAL, Readiness.ALL | Readiness.POLLNVAL);
        }
        OpenFile file = model.state().fileOf(pid, fd);
        return file == null || file.kind() != FileKind.SOCKET
                ? Readiness.of(model.state(), pid, fd) : ofSocket(file.socketId());
    }

    private Readiness ofSocket(int socketId) {
        Readiness r = Readiness.ofSocket(model.state(), socketId);
        return unseenQueue.contains(socketId)
                ? new Readiness(r.ready(), r.unsure() | Readiness.POLLIN | Readiness.POLLRDNORM) : r;
    }

    void call(TraceCall c, int pid, Integer tracePid) {
        switch (c.name()) {
            case "poll", "ppoll" -> poll(c, pid, tracePid);
            case "select", "_newselect", "pselect6" -> select(c, pid, tracePid);
            case "epoll_ctl" -> epollCtl(c, pid, tracePid);
            default -> epollWait(c, pid, tracePid);
        }
    }

    /** poll(fds, nfds, timeout) / ppoll(fds, nfds, tmo_p, sigmask, size) = n ([{fd=..., revents=...}]). */
    private void poll(TraceCall c, int pid, Integer tracePid) {
        Optional<Arg> fds = c.arg(0);
        if (unjudged(c) || fds.isEmpty() || !(fds.get() instanceof Arg.Array asked) || asked.more()) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        Map<Integer, Integer> reported = new HashMap<>();
        List<Arg> note = c.result().noteArguments();
        if (!note.isEmpty() && note.get(0) instanceof Arg.Array answers) {
            for (Arg item : answers.items()) {
                OptionalInt fd = field(item, "fd");
                if (fd.isPresent()) {
                    reported.put(fd.getAsInt(), bits(item, "revents"));
                }
            }
        } else if (c.result().value() != 0) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        boolean blocking = !zeroTimeout(c.arg(2), c.name().equals("ppoll"));
        List<Asked> answers = new ArrayList<>();
        List<Integer> askedFds = new ArrayList<>();
        for (Arg item : asked.items()) {
            OptionalInt fd = field(item, "fd");
            if (fd.isEmpty()) {
                log.other(c, tracePid, unknown(c));
                return;
            }
            if (fd.getAsInt() < 0) {
                continue; // poll() skips negative descriptors
            }
            Readiness r = of(pid, fd.getAsInt()).forPoll(bits(item, "events"));
            answers.add(new Asked("fd=" + fd.getAsInt(), waited(r, blocking, c),
                    reported.getOrDefault(fd.getAsInt(), 0)));
            askedFds.add(fd.getAsInt());
        }
        judge(c, tracePid, answers, "POLL");
        showWait(c, pid, -1, answers, askedFds);
        followHandshakes(c, pid, reported);
    }

    /** select/pselect6(nfds, readfds, writefds, exceptfds, timeout) = n (in [..], out [..], except [..]). */
    private void select(TraceCall c, int pid, Integer tracePid) {
        if (unjudged(c)) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        Map<String, List<Integer>> returned = new HashMap<>();
        String note = c.result().note() == null ? "" : c.result().note();
        Matcher m = SELECTED.matcher(note);
        while (m.find()) {
            returned.put(m.group(1), numbers(m.group(2)));
        }
        if (c.result().value() != 0 && returned.isEmpty()) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        boolean blocking = !zeroTimeout(c.arg(4), true);
        Map<Integer, Syscall.Wait.Found> found = new LinkedHashMap<>();
        String[] sets = {"in", "out", "except"};
        int[] masks = {Readiness.SELECT_IN, Readiness.SELECT_OUT, Readiness.SELECT_EX};
        List<Asked> answers = new ArrayList<>();
        for (int i = 0; i < sets.length; i++) {
            Optional<Arg> set = c.arg(i + 1);
            if (set.isEmpty() || !(set.get() instanceof Arg.Array array)) {
                continue;
            }
            List<Integer> fds = descriptors(array);
            if (fds == null) {
                log.other(c, tracePid, unknown(c));
                return;
            }
            for (int fd : fds) {
                Readiness r = waited(of(pid, fd), blocking, c);
                Boolean predicted = r.inSet(masks[i]);
                // One bit stands for "in the set": set when the model is sure it is, unsure when it cannot know.
                Readiness asSet = new Readiness(Boolean.TRUE.equals(predicted) ? 1 : 0, predicted == null ? 1 : 0);
                boolean kernel = returned.getOrDefault(sets[i], List.of()).contains(fd);
                answers.add(new Asked(sets[i] + " " + fd, asSet, kernel ? 1 : 0));
                // What the window shows: the sets as poll's bits (read POLLIN, write POLLOUT, except POLLPRI).
                int bit = i == 0 ? Readiness.POLLIN : i == 1 ? Readiness.POLLOUT : Readiness.POLLPRI;
                boolean notSure = asSet.judge(kernel ? 1 : 0) == Readiness.Verdict.CANNOT_KNOW;
                Syscall.Wait.Found was = found.getOrDefault(fd, new Syscall.Wait.Found(fd, 0, false));
                found.put(fd, new Syscall.Wait.Found(fd, was.ready() | (kernel ? bit : 0), was.unsure() || notSure));
            }
        }
        judge(c, tracePid, answers, null);
        model.run(c.line(), pid, new Syscall.Wait("select", -1, List.copyOf(found.values())), LocalizedText.EMPTY,
                null);
    }

    /** epoll_ctl(epfd, op, fd, {events=..., data={u32=..., u64=...}}): the registrations epoll_wait reports on. */
    private void epollCtl(TraceCall c, int pid, Integer tracePid) {
        OptionalInt ep = c.arg(0).map(Arg::asInt).orElse(OptionalInt.empty());
        OptionalInt fd = c.arg(2).map(Arg::asInt).orElse(OptionalInt.empty());
        List<String> op = c.arg(1).map(Arg::flagNames).orElse(List.of());
        showControl(c, pid, tracePid, ep, op, fd);
        if (c.result().isError() || c.result().isUnknown() || ep.isEmpty() || fd.isEmpty() || op.size() != 1) {
            return;
        }
        OpenFile epoll = model.state().fileOf(pid, ep.getAsInt());
        OpenFile watched = model.state().fileOf(pid, fd.getAsInt());
        if (epoll == null) {
            return;
        }
        Map<Integer, Watch> watches = epolls.computeIfAbsent(epoll.id(), k -> new LinkedHashMap<>());
        if (op.get(0).equals("EPOLL_CTL_DEL") || watched == null) {
            watches.remove(fd.getAsInt());
            return;
        }
        Optional<Arg> event = c.arg(3);
        OptionalLong data = event.isEmpty() ? OptionalLong.empty() : data(event.get());
        List<String> flags = event.flatMap(e -> structField(e, "events")).map(Arg::flagNames).orElse(List.of());
        if (data.isEmpty()) {
            watches.remove(fd.getAsInt());
            return;
        }
        int events = 0;
        for (String flag : flags) {
            events |= Readiness.bit(flag);
        }
        watches.put(fd.getAsInt(), new Watch(fd.getAsInt(), watched.id(), events, data.getAsLong(),
                flags.contains("EPOLLET"), flags.contains("EPOLLONESHOT"), false));
    }

    /**
     * Runs epoll_ctl on the model, which keeps the interest list the window shows, and sets its answer
     * beside the kernel's. A failure on a file the model does not build (EPERM: a regular file cannot be
     * watched) is the kernel's to say: not run, "cannot know".
     */
    private void showControl(TraceCall c, int pid, Integer tracePid, OptionalInt ep, List<String> op, OptionalInt fd) {
        Syscall.EpollControl.Op what = op.size() != 1 ? null : switch (op.get(0)) {
            case "EPOLL_CTL_ADD" -> Syscall.EpollControl.Op.ADD;
            case "EPOLL_CTL_MOD" -> Syscall.EpollControl.Op.MOD;
            case "EPOLL_CTL_DEL" -> Syscall.EpollControl.Op.DEL;
            default -> null;
        };
        OpenFile target = fd.isEmpty() ? null : model.state().fileOf(pid, fd.getAsInt());
        OpenFile epoll = ep.isEmpty() ? null : model.state().fileOf(pid, ep.getAsInt());
        boolean opaque = target != null && (target.kind() == FileKind.FILE || target.kind() == FileKind.UNKNOWN
                || epoll != null && epoll.kind() != FileKind.EPOLL);
        if (what == null || target == null || epoll == null || c.result().isUnknown()
                || c.result().isError() && opaque) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        int events = 0;
        for (String flag : c.arg(3).flatMap(e -> structField(e, "events")).map(Arg::flagNames).orElse(List.of())) {
            events |= Readiness.bit(flag);
        }
        Syscall.EpollControl call = new Syscall.EpollControl(ep.getAsInt(), what, fd.getAsInt(), events);
        List<Step> steps = model.predict(pid, call);
        Outcome outcome = steps.get(steps.size() - 1).outcome();
        String predicted = outcome instanceof Outcome.Failure f ? f.errno().name() : null;
        KernelCheck check = new KernelCheck(List.of(), predicted, List.of(), c.result().errno());
        log.other(c, tracePid, check);
        if (check.mismatch()) {
            log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), predicted == null ? "0" : predicted,
                    c.result().errno() == null ? "0" : c.result().errno());
        }
        model.keep(c.line(), pid, call, steps, LocalizedText.EMPTY, check);
    }

    /** Shows the wait: the kernel's answer for each descriptor, and where the model could not know it. */
    private void showWait(TraceCall c, int pid, int epfd, List<Asked> answers, List<Integer> fds) {
        List<Syscall.Wait.Found> found = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Asked a = answers.get(i);
            found.add(new Syscall.Wait.Found(fds.get(i), a.kernel(),
                    a.model().judge(a.kernel()) == Readiness.Verdict.CANNOT_KNOW));
        }
        // The step's own words say what the kernel found and what the model could not know; the call's
        // check (a count of descriptors, not one it made) stays in the replay's table.
        model.run(c.line(), pid, new Syscall.Wait(c.name(), epfd, found), LocalizedText.EMPTY, null);
    }

    /** epoll_wait/epoll_pwait/epoll_pwait2(epfd, [{events=..., data=...}], maxevents, timeout) = n. */
    private void epollWait(TraceCall c, int pid, Integer tracePid) {
        OptionalInt ep = c.arg(0).map(Arg::asInt).orElse(OptionalInt.empty());
        OpenFile epoll = ep.isEmpty() ? null : model.state().fileOf(pid, ep.getAsInt());
        Map<Integer, Watch> watches = epoll == null ? null : epolls.get(epoll.id());
        Optional<Arg> events = c.arg(1);
        if (unjudged(c) || watches == null || events.isEmpty() || !(events.get() instanceof Arg.Array got)
                || got.more()) {
            log.other(c, tracePid, unknown(c));
            return;
        }
        Map<Long, Integer> reported = new HashMap<>();
        for (Arg item : got.items()) {
            OptionalLong data = data(item);
            if (data.isEmpty()) {
                log.other(c, tracePid, unknown(c));
                return;
            }
            reported.put(data.getAsLong(), bits(item, "events"));
        }
        Map<Long, Integer> sharing = new HashMap<>();
        watches.values().forEach(w -> sharing.merge(w.data(), 1, Integer::sum));
        int max = c.arg(2).map(Arg::asInt).orElse(OptionalInt.empty()).orElse(Integer.MAX_VALUE);
        boolean full = got.items().size() >= max;
        boolean blocking = !zeroTimeout(c.arg(3), c.name().equals("epoll_pwait2"));
        List<Asked> answers = new ArrayList<>();
        List<Integer> watchedFds = new ArrayList<>();
        Map<Integer, Integer> readyFds = new HashMap<>();
        boolean unknownReported = false;
        for (Watch w : new ArrayList<>(watches.values())) {
            OpenFile file = model.state().files().get(w.fileId());
            Integer kernel = reported.get(w.data());
            if (file == null) {
                // The watched file is gone: epoll dropped the registration with its last reference.
                watches.remove(w.fd());
                continue;
            }
            Readiness r = file.kind() == FileKind.SOCKET
                    ? ofSocket(file.socketId()).forEpoll(w.events()) : Readiness.UNKNOWN;
            if (w.disabled()) {
                r = new Readiness(0, 0);
            }
            if (sharing.get(w.data()) > 1 || (kernel == null && (w.edge() || full))) {
                // Two registrations with one data, an edge that may have been reported before, or more ready
                // than maxevents: which of them the kernel meant, or left out, is not in the log.
                r = new Readiness(r.ready(), Readiness.ALL);
            }
            answers.add(new Asked("fd " + w.fd(), waited(r, blocking, c), kernel == null ? 0 : kernel));
            watchedFds.add(w.fd());
            if (kernel != null) {
                readyFds.put(w.fd(), kernel);
                if (w.oneShot()) {
                    watches.put(w.fd(), new Watch(w.fd(), w.fileId(), w.events(), w.data(), w.edge(), true, true));
                }
            }
        }
        for (Long data : reported.keySet()) {
            unknownReported |= sharing.getOrDefault(data, 0) == 0;
        }
        if (unknownReported) {
            // The kernel reported a registration the log did not show being made.
            log.other(c, tracePid, unknown(c));
            return;
        }
        judge(c, tracePid, answers, "EPOLL");
        showWait(c, pid, ep.getAsInt(), answers, watchedFds);
        followHandshakes(c, pid, readyFds);
    }

    /** Records the call: a contradicted prediction is a disagreement; one the model cannot know is "cannot know". */
    private KernelCheck judge(TraceCall c, Integer tracePid, List<Asked> answers, String prefix) {
        boolean disagrees = false;
        boolean unsure = false;
        for (Asked a : answers) {
            Readiness.Verdict v = a.model().judge(a.kernel());
            disagrees |= v == Readiness.Verdict.DISAGREES;
            unsure |= v == Readiness.Verdict.CANNOT_KNOW;
        }
        if (disagrees) {
            log.warn(c.line(), ReplayWarning.Kind.DISAGREEMENT, c.name(), describe(answers, prefix, true),
                    describe(answers, prefix, false));
            log.disagreements++;
        }
        KernelCheck check = unsure && !disagrees ? unknown(c) : new KernelCheck(List.of(), null, List.of(),
                c.result().errno());
        log.other(c, tracePid, check);
        return check;
    }

    /** "1: fd=6 POLLIN" — what one side says is ready, descriptor by descriptor. */
    private static String describe(List<Asked> answers, String prefix, boolean modelSide) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (Asked a : answers) {
            int bits = modelSide ? a.model().ready() : a.kernel();
            if (bits != 0) {
                count++;
                out.append(", ").append(a.what()).append(prefix == null ? "" : " " + Readiness.names(bits, prefix));
            }
        }
        return count + (out.length() == 0 ? "" : " (" + out.substring(2) + ")");
    }

    /**
     * A connecting socket whose answer the model does not see, reported writable without POLLERR
     * or POLLHUP: the server answered, the handshake is over.
     */
    private void followHandshakes(TraceCall c, int pid, Map<Integer, Integer> reported) {
        reported.forEach((fd, bits) -> {
            ControlBlock socket = model.state().socketOf(pid, fd);
            if (socket != null && socket.isStream() && SocketCalls.answerUnseen(socket)
                    && (bits & Readiness.POLLOUT) != 0 && (bits & (Readiness.POLLERR | Readiness.POLLHUP)) == 0) {
                model.run(c.line(), pid, new Syscall.HandshakeFromOutside(fd, null), ReplayTexts.ANSWER_FROM_OUTSIDE,
                        null);
            }
        });
    }

    /**
     * A wait that returned when something became ready may have been woken by a call the log prints
     * after it (another process or thread): bits the kernel reported and the model lacks are unsure.
     * A wait that other threads' lines ran through: nothing is sure.
     */
    private static Readiness waited(Readiness r, boolean blocking, TraceCall c) {
        if (c.wasInterrupted()) {
            return new Readiness(r.ready(), Readiness.ALL);
        }
        return blocking ? new Readiness(r.ready(), r.unsure() | (Readiness.ALL & ~r.ready())) : r;
    }

    /** A call that failed (EINTR), or whose answer strace did not print, is not judged. */
    private static boolean unjudged(TraceCall c) {
        return c.result().isError() || c.result().isUnknown();
    }

    private static KernelCheck unknown(TraceCall c) {
        return new KernelCheck(null, null, List.of(), c.result().errno());
    }

    /** A timeout of 0 (poll's int, a {tv_sec=0, tv_nsec=0} timespec or timeval); NULL or anything else waits. */
    private static boolean zeroTimeout(Optional<Arg> timeout, boolean struct) {
        if (timeout.isEmpty()) {
            return false;
        }
        if (!struct) {
            return timeout.get().asLong().orElse(-1) == 0;
        }
        if (!(timeout.get() instanceof Arg.Struct s)) {
            return false;
        }
        for (Arg v : s.fields().values()) {
            if (v.asLong().orElse(-1) != 0) {
                return false;
            }
        }
        return !s.fields().isEmpty();
    }

    /** An epoll_event's data: {u32=6, u64=6} as strace 6 prints it, or a bare number. */
    private static OptionalLong data(Arg event) {
        Optional<Arg> data = structField(event, "data");
        if (data.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Arg> u64 = structField(data.get(), "u64");
        return u64.isPresent() ? u64.get().asLong() : data.get().asLong();
    }

    private static OptionalInt field(Arg item, String name) {
        return structField(item, name).map(Arg::asInt).orElse(OptionalInt.empty());
    }

    private static Optional<Arg> structField(Arg item, String name) {
        return item instanceof Arg.Struct s ? s.field(name) : Optional.empty();
    }

    private static int bits(Arg item, String name) {
        int bits = 0;
        for (String flag : structField(item, name).map(Arg::flagNames).orElse(List.of())) {
            bits |= Readiness.bit(flag);
        }
        return bits;
    }

    /**
     * The descriptors of a select() set: strace prints {@code [4<TCP:[...]> 6<TCP:[...]>]}, items
     * separated by spaces, which the argument reader may keep as one raw text. Null when unreadable.
     */
    private static List<Integer> descriptors(Arg.Array set) {
        List<Integer> fds = new ArrayList<>();
        for (Arg item : set.items()) {
            OptionalInt fd = item.asInt();
            if (fd.isPresent()) {
                fds.add(fd.getAsInt());
            } else if (item instanceof Arg.Raw raw) {
                Matcher m = SET_ITEM.matcher(raw.text());
                while (m.find()) {
                    fds.add(Integer.parseInt(m.group(1)));
                }
            } else {
                return null;
            }
        }
        return set.more() ? null : fds;
    }

    private static List<Integer> numbers(String text) {
        List<Integer> out = new ArrayList<>();
        for (String n : text.trim().split("\\s+")) {
            if (n.matches("\\d{1,9}")) {
                out.add(Integer.parseInt(n));
            }
        }
        return out;
    }
}
