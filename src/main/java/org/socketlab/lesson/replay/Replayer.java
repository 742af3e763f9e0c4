// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.socketlab.kernel.Credentials;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.KernelMemory;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.CloneInfo;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.ParsedTrace;
import org.socketlab.lesson.strace.RlimitCall;
import org.socketlab.lesson.strace.StraceSymbols;
import org.socketlab.lesson.strace.TraceCall;
import org.socketlab.lesson.strace.TraceEvent;
import org.socketlab.lesson.strace.TraceExit;
import org.socketlab.lesson.strace.TraceWarning;

/**
 * Replays a parsed strace log on the kernel model, event by event in the order the calls
 * completed: processes appear, fork and exit; each recognised call becomes frames; the model's
 * predictions are checked against the kernel's answers.
 */
final class Replayer {
    /** The pid the model gives the process of a log without pids (JSON shows null). */
    static final int NO_PID = MachineSetup.DEFAULT.pid();
    /** Kernel memory for socket objects: a real machine's, large enough never to run out. */
    static final long MEMORY = KernelMemory.DEFAULT_CAPACITY * 256;
    /** Progress is told, and cancelling checked, every this many events. */
    private static final int PROGRESS_EVERY = 4096;
    private final ParsedTrace trace;
    private final TraceFacts facts;
    private final ReplayLog log;
    private final ModelSession model;
    private final Creators creators;
    private final SocketCalls sockets;
    private final ReadinessCalls readiness;
    private final String processName;
    private final Map<Integer, ProcessAtEnd> ended = new LinkedHashMap<>();
    private final List<Integer> seen = new ArrayList<>();
    private final Set<Integer> forkedEarly = new HashSet<>();
    /** Each thread (clone with CLONE_THREAD) and the leader of its thread group. */
    private final Map<Integer, Integer> leaderOf = new LinkedHashMap<>();
    private int nextReservation;
    private ReplayProgress progress = ReplayProgress.NONE;

    Replayer(ParsedTrace trace, String processName) {
        this(trace, processName, null);
    }

    /**
     * A replayer that hands each call to {@code handOn} as it is replayed and counts the frames
     * instead of keeping calls and frames ({@link #summarize}); null keeps them ({@link #run}).
     */
    Replayer(ParsedTrace trace, String processName, Consumer<ReplayedCall> handOn) {
        this(trace, TraceFacts.of(trace), processName, handOn);
    }

    /** {@link #Replayer(ParsedTrace, String, Consumer)} with the facts of the trace already learned. */
    Replayer(ParsedTrace trace, TraceFacts facts, String processName, Consumer<ReplayedCall> handOn) {
        this.trace = trace;
        this.log = new ReplayLog(handOn);
        this.facts = facts;
        this.processName = processName;
        int first = trace.events().isEmpty() ? NO_PID : modelPid(trace.events().get(0).pid());
        MachineSetup setup = new MachineSetup(first, processName, facts.credentials(),
                DescriptorTable.DEFAULT_LIMIT, MEMORY).withOutsideWorld();
        this.model = new ModelSession(handOn == null ? LessonScript.on(setup) : LessonScript.counting(setup), log);
        this.creators = new Creators(model, log, facts);
        this.sockets = new SocketCalls(model, log, facts);
        this.readiness = new ReadinessCalls(model, log);
        seen.add(first);
        for (TraceWarning w : trace.warnings()) {
            log.warn(w.line(), ReplayWarning.Kind.UNREADABLE, w.message());
        }
    }

    Replay run(String id, LocalizedText title, LocalizedText description, List<String> code) {
        List<ProcessAtEnd> processes = replayEvents();
        Lesson lesson = model.script().build(id, title, description, code);
        return new Replay(lesson, log.calls, processes, log.warnings, log.mismatches, log.disagreements,
                log.notAnimated, trace.lineCount());
    }

    /** Replays the log, each call handed on as it is replayed: what is left to tell at the end. */
    ReplayReport summarize() {
        List<ProcessAtEnd> processes = replayEvents();
        return new ReplayReport(log.callCount, processes, log.warnings, log.mismatches, log.disagreements,
                log.notAnimated, trace.lineCount(), model.script().size());
    }

    /** Tells {@code progress} how many events are replayed, and stops when the thread is interrupted. */
    Replayer onProgress(ReplayProgress progress) {
        this.progress = progress;
        return this;
    }

    /** Every event on the model; returns every process with what it had open at the end. */
    private List<ProcessAtEnd> replayEvents() {
        int done = 0;
        int total = trace.events().size();
        for (TraceEvent event : trace.events()) {
            if (++done % PROGRESS_EVERY == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new UncheckedIOException(new InterruptedIOException("the replay was cancelled"));
                }
                progress.progress(ReplayProgress.Stage.REPLAYING, done, total);
            }
            try {
                reserveBefore(event.line());
                if (event instanceof TraceCall call) {
                    TraceCall early = facts.connectBefore(call.line());
                    if (early != null) {
                        // The connection this accept takes was made by a connect() still running.
                        call(early);
                    }
                    if (!facts.ranEarly(call.line())) {
                        call(call);
                    }
                } else if (event instanceof TraceExit exit) {
                    exit(exit);
                }
            } catch (RuntimeException e) {
                // A log can hold what no test foresaw; one line the model cannot follow must not
                // cost the reader the whole replay. Tests fail on this warning.
                log.warn(event.line(), ReplayWarning.Kind.NOT_REPLAYED, String.valueOf(e));
            }
        }
        KernelState end = model.state();
        List<ProcessAtEnd> processes = new ArrayList<>();
        for (int pid : seen) {
            if (leaderOf.containsKey(pid)) {
                continue;
            }
            List<Integer> threads = new ArrayList<>();
            leaderOf.forEach((thread, leader) -> {
                if (leader == pid) {
                    threads.add(tracePid(thread) == null ? thread : tracePid(thread));
                }
            });
            ProcessAtEnd gone = ended.get(pid);
            if (end.hasProcess(pid)) {
                processes.add(snapshot(end, pid, null).withThreads(threads));
            } else if (gone != null) {
                processes.add(gone.withThreads(threads));
            }
        }
        log.warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return processes;
    }

    private int modelPid(Integer tracePid) {
        return tracePid == null ? NO_PID : tracePid;
    }

    private Integer tracePid(int pid) {
        return trace.hasPids() ? Integer.valueOf(pid) : null;
    }

    /** Accept calls that began before this line and wait past it take their drawers now. */
    private void reserveBefore(int line) {
        List<TraceFacts.Reservation> all = facts.reservations();
        while (nextReservation < all.size() && all.get(nextReservation).startLine() < line) {
            TraceCall accept = all.get(nextReservation++).call();
            int pid = modelPid(accept.pid());
            if (model.state().hasProcess(pid)) {
                creators.reserve(accept, pid);
            }
        }
    }

    /** The model's pid for an event's process, creating the process if the log shows it for the first time. */
    private int process(Integer tracePid, int line) {
        int pid = modelPid(tracePid);
        KernelState state = model.state();
        if (state.hasProcess(pid)) {
            return pid;
        }
        TraceCall creator = tracePid == null ? null : facts.creatorOf(tracePid);
        if (creator != null && creator.startLine() <= line && !forkedEarly.contains(creator.line())
                && state.hasProcess(modelPid(creator.pid()))) {
            // The child runs before its parent's clone() returns (vfork, or just scheduling).
            fork(creator, modelPid(creator.pid()), pid, creator.startLine());
            forkedEarly.add(creator.line());
        } else {
            log.warn(line, ReplayWarning.Kind.UNKNOWN_PROCESS, pid);
            model.run(line, pid, new Syscall.Attach(pid, processName, facts.credentials(),
                    DescriptorTable.DEFAULT_LIMIT), LocalizedText.EMPTY, null);
        }
        if (!seen.contains(pid)) {
            seen.add(pid);
        }
        return pid;
    }

    private void fork(TraceCall creator, int parent, int child, int line) {
        boolean shares = creator.cloneInfo().map(CloneInfo::sharesFileTable).orElse(false);
        if (creator.cloneInfo().map(CloneInfo::isThread).orElse(false)) {
            leaderOf.put(child, leaderOf.getOrDefault(parent, parent));
        }
        String name = model.state().process(parent).name();
        model.run(line, parent, new Syscall.Fork(child, name, shares), LocalizedText.EMPTY, null);
    }

    private void call(TraceCall c) {
        Integer tracePid = c.pid();
        int pid = process(tracePid, c.line());
        boolean ok = !c.result().isError() && !c.result().isUnknown();
        String errno = c.result().errno();
        Optional<SyscallKind> kind = SyscallKind.traced(c.name());
        if (!(c.result().isUnknown() && errno == null) && !"EBADF".equals(errno)) {
            boolean socketCall = CallArgs.needsSockets(c, kind.orElse(null));
            for (FdRef used : CallArgs.usedFds(c, kind.orElse(null))) {
                model.ensureOpen(c, pid, used, socketCall);
            }
        }
        if (kind.isEmpty()) {
            readiness.unseenTraffic(c, pid);
            log.notAnimated(c.name());
            return;
        }
        // A switch expression, so that the compiler finds a call without its case.
        Runnable replay = switch (kind.get()) {
            case SOCKET -> () -> creators.socket(c, pid, tracePid);
            case SOCKETPAIR -> () -> creators.socketpair(c, pid, tracePid);
            case ACCEPT -> () -> creators.accept(c, pid, tracePid);
            case DUP, DUP2 -> () -> creators.dup(c, pid, tracePid);
            case PIDFD_GETFD -> () -> creators.pidfdGetfd(c, pid, tracePid);
            case CLOSE -> () -> close(c, pid, tracePid);
            case CLOSE_RANGE -> () -> closeRange(c, pid, tracePid);
            case FCNTL -> () -> fcntl(c, pid, tracePid);
            case IOCTL -> () -> ioctl(c, pid, tracePid);
            case FORK -> () -> clone(c, pid, tracePid);
            case RLIMIT -> () -> limit(c, pid, tracePid);
            case EXECVE -> () -> exec(c, pid, tracePid, ok);
            case OPEN, PIPE -> () -> open(c, kind.get(), pid, tracePid);
            // Their answers are predicted and judged, then shown: what the wait found, the interest list.
            case EPOLL_CTL, POLL, EPOLL_WAIT -> () -> readiness.call(c, pid, tracePid);
            case BIND -> () -> sockets.bind(c, pid, tracePid);
            case LISTEN -> () -> sockets.listen(c, pid, tracePid);
            case CONNECT -> () -> sockets.connect(c, pid, tracePid);
            case SHUTDOWN -> () -> sockets.shutdown(c, pid, tracePid);
            case SEND -> () -> sockets.send(c, pid, tracePid);
            case SENDMSG -> () -> sockets.sendMessage(c, pid, tracePid);
            case RECVMSG -> () -> creators.receiveMessage(c, pid, tracePid);
            case RECV -> () -> sockets.receive(c, pid, tracePid);
            case SIGNAL -> () -> signal(c, pid, tracePid);
            case SETSOCKOPT -> () -> {
                if (!sockets.setOption(c, pid, tracePid)) {
                    log.notAnimated(c.name());
                }
            };
            case GETSOCKOPT -> () -> sockets.getOption(c, pid, tracePid);
            case READ -> () -> {
                if (!sockets.read(c, pid, tracePid)) {
                    log.notAnimated(c.name());
                }
            };
            case WRITE -> () -> {
                if (!sockets.write(c, pid, tracePid)) {
                    log.notAnimated(c.name());
                }
            };
            // The process's end is replayed from strace's "+++ exited with" line.
            case EXIT -> () -> log.notAnimated(c.name());
        };
        replay.run();
    }

    /**
     * rt_sigaction(SIGPIPE, {sa_handler=...}, ...): whether SIGPIPE ends the process; the other
     * signals, and calls that only read the disposition, are not animated.
     */
    private void signal(TraceCall c, int pid, Integer tracePid) {
        boolean sigpipe = c.arg(0).map(a -> a.flagNames().contains("SIGPIPE")).orElse(false);
        Optional<Arg> handler = c.arg(1)
                .filter(a -> a instanceof Arg.Struct)
                .flatMap(a -> ((Arg.Struct) a).field("sa_handler"));
        if (!sigpipe || handler.isEmpty() || c.result().isError()) {
            log.notAnimated(c.name());
            return;
        }
        boolean byDefault = handler.get().flagNames().contains("SIG_DFL");
        KernelCheck check = new KernelCheck(List.of(), null, List.of(), c.result().errno());
        log.other(c, tracePid, check);
        model.run(c.line(), pid, new Syscall.SignalAction(Syscall.SignalAction.SIGPIPE, byDefault),
                LocalizedText.EMPTY, check);
    }

    /**
     * fcntl(): F_DUPFD and F_DUPFD_CLOEXEC create a descriptor; F_GETFD, F_SETFD, F_GETFL and
     * F_SETFL read or set FD_CLOEXEC and O_NONBLOCK; other commands are not animated.
     */
    private void fcntl(TraceCall c, int pid, Integer tracePid) {
        OptionalInt command = FileFlagArgs.fcntlCommand(c);
        if (command.isEmpty()) {
            log.notAnimated(c.name());
        } else if (FileFlagArgs.duplicates(command.getAsInt())) {
            creators.fcntlDup(c, pid, tracePid, command.getAsInt());
        } else {
            sockets.fileFlags(c, pid, tracePid, FileFlagArgs.fcntl(c, command.getAsInt()));
        }
    }

    /** ioctl(): FIONBIO, FIOCLEX and FIONCLEX set flags the model keeps; other requests are not animated. */
    private void ioctl(TraceCall c, int pid, Integer tracePid) {
        Optional<Syscall.Ioctl> call = FileFlagArgs.ioctl(c);
        if (call.isEmpty()) {
            log.notAnimated(c.name());
        } else {
            sockets.fileFlags(c, pid, tracePid, call.get());
        }
    }

    private void open(TraceCall c, SyscallKind kind, int pid, Integer tracePid) {
        boolean pipe = kind.returns() == SyscallKind.Returns.DESCRIPTOR_PAIR;
        List<FdRef> refs = pipe ? CallArgs.fdArray(c, kind.pairArgument())
                : c.result().asFd().map(List::of).orElse(List.of());
        List<Integer> fds = c.result().isError() || c.result().isUnknown() ? List.of()
                : refs.stream().map(FdRef::fd).toList();
        List<String> labels = Creators.labels(c, refs);
        if (pipe && labels.size() == 1) {
            labels = List.of(labels.get(0), labels.get(0));
        }
        creators.open(c, pid, tracePid, fds, labels);
    }

    private void close(TraceCall c, int pid, Integer tracePid) {
        Optional<FdRef> fd = CallArgs.fdArg(c, 0);
        if (fd.isEmpty()) {
            log.other(c, tracePid, new KernelCheck(null, null, List.of(), c.result().errno()));
            return;
        }
        if ("EBADF".equals(c.result().errno())) {
            model.closeOutside(c.line(), pid, fd.get().fd());
        }
        KernelCheck check = new KernelCheck(List.of(), null, List.of(), null);
        if (c.result().isError() && !"EBADF".equals(c.result().errno())) {
            // close() releases the descriptor even when it reports an error (EINTR, EIO).
            check = new KernelCheck(List.of(), null, List.of(), c.result().errno());
        } else if ("EBADF".equals(c.result().errno())) {
            check = new KernelCheck(List.of(), "EBADF", List.of(), "EBADF");
        }
        log.other(c, tracePid, check);
        model.run(c.line(), pid, new Syscall.Close(fd.get().fd()), LocalizedText.EMPTY, check);
    }

    /** close_range(first, last, flags): the numbers are unsigned (4294967295 is ~0U). */
    private void closeRange(TraceCall c, int pid, Integer tracePid) {
        OptionalLong first = c.arg(0).map(Replayer::unsigned).orElse(OptionalLong.empty());
        OptionalLong last = c.arg(1).map(Replayer::unsigned).orElse(OptionalLong.empty());
        Optional<Arg> flagArg = c.arg(2);
        if (first.isEmpty() || last.isEmpty() || flagArg.isEmpty()) {
            log.notAnimated(c.name());
            return;
        }
        int flags = 0;
        for (String name : flagArg.get().flagNames()) {
            flags |= switch (name) {
                case "CLOSE_RANGE_CLOEXEC" -> Syscall.CloseRange.CLOSE_RANGE_CLOEXEC;
                case "CLOSE_RANGE_UNSHARE" -> Syscall.CloseRange.CLOSE_RANGE_UNSHARE;
                default -> 1;
            };
        }
        if (flagArg.get().flagNames().isEmpty()) {
            flags = (int) flagArg.get().asLong().orElse(0);
        }
        sockets.fileFlags(c, pid, tracePid, new Syscall.CloseRange(first.getAsLong(), last.getAsLong(), flags));
    }

    private static OptionalLong unsigned(Arg a) {
        OptionalLong v = a.asLong();
        if (v.isEmpty()) {
            return v;
        }
        long n = v.getAsLong();
        return OptionalLong.of(n < 0 ? n & 0xFFFFFFFFL : n);
    }

    private void clone(TraceCall c, int pid, Integer tracePid) {
        Optional<CloneInfo> info = c.cloneInfo();
        Integer child = info.map(CloneInfo::childPid).orElse(null);
        log.other(c, tracePid, new KernelCheck(List.of(), null, List.of(), c.result().errno()));
        if (child == null || forkedEarly.contains(c.line())) {
            return;
        }
        if (!trace.hasPids()) {
            log.warn(c.line(), ReplayWarning.Kind.UNTRACED_CHILD, child);
            return;
        }
        if (model.state().hasProcess(child)) {
            return;
        }
        fork(c, pid, child, c.line());
        if (!seen.contains(child)) {
            seen.add(child);
        }
    }

    private void limit(TraceCall c, int pid, Integer tracePid) {
        Optional<RlimitCall> r = c.rlimit();
        if (r.isEmpty() || !r.get().resource().equals("RLIMIT_NOFILE")) {
            log.notAnimated(c.name());
            return;
        }
        log.other(c, tracePid, new KernelCheck(List.of(), null, List.of(), c.result().errno()));
        Long target = r.get().pid();
        int who = target == null || target == 0 ? pid : (int) (long) target;
        if (c.result().isError() || !model.state().hasProcess(who)) {
            return;
        }
        RlimitCall.Limit set = r.get().newLimit();
        RlimitCall.Limit read = r.get().oldLimit();
        int current = model.state().tableOf(who).limit();
        if (read != null && clamp(read.cur()) != current) {
            log.warn(c.line(), ReplayWarning.Kind.LIMIT_INFERRED, current, clamp(read.cur()));
            model.run(c.line(), who, new Syscall.SetLimit(clamp(read.cur())), ReplayTexts.LIMIT_INFERRED, null);
        }
        if (set != null) {
            model.run(c.line(), who, new Syscall.SetLimit(clamp(set.cur())), LocalizedText.EMPTY, null);
        }
    }

    private static int clamp(long limit) {
        return limit < 0 || limit > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) limit;
    }

    /** A successful execve() closes every descriptor marked close-on-exec. */
    private void exec(TraceCall c, int pid, Integer tracePid, boolean ok) {
        log.other(c, tracePid, new KernelCheck(List.of(), null, List.of(), c.result().errno()));
        if (!ok) {
            return;
        }
        // The log says the program was found: the model's list of installed programs does not decide it.
        String path = c.arg(0).filter(Arg.Str.class::isInstance).map(a -> ((Arg.Str) a).value()).orElse(c.name());
        List<String> argv = new ArrayList<>();
        c.arg(1).filter(Arg.Array.class::isInstance).ifPresent(a -> {
            for (Arg item : ((Arg.Array) a).items()) {
                if (item instanceof Arg.Str str) {
                    argv.add(str.value());
                }
            }
        });
        model.run(c.line(), pid, new Syscall.Exec(path, argv, true), LocalizedText.EMPTY, null);
    }

    private void exit(TraceExit x) {
        int pid = process(x.pid(), x.line());
        Integer status = x.exitCode();
        if (status == null) {
            status = 128 + (int) StraceSymbols.valueOf(x.killedBy() == null ? "" : x.killedBy()).orElse(0);
        }
        ended.put(pid, snapshot(model.state(), pid, status));
        model.run(x.line(), pid, new Syscall.Exit(status), LocalizedText.EMPTY, null);
    }

    private ProcessAtEnd snapshot(KernelState state, int pid, Integer status) {
        List<ProcessAtEnd.OpenDescriptor> open = new ArrayList<>();
        for (Descriptor d : state.tableOf(pid).descriptors()) {
            OpenFile file = state.files().get(d.fileId());
            ModelSession.ForeignSocket foreign = model.foreignSocket(file);
            ModelSession.NetlinkSocket netlink = model.netlinkSocket(file);
            open.add(netlink != null ? new ProcessAtEnd.OpenDescriptor(d.number(), "socket", "AF_NETLINK",
                    netlink.type(), null, file.name())
                    : file.kind() == FileKind.UNKNOWN && foreign != null
                    ? new ProcessAtEnd.OpenDescriptor(d.number(), "socket", foreign.family(), foreign.type(), null,
                            file.name())
                    : ProcessAtEnd.describe(state, d));
        }
        return new ProcessAtEnd(tracePid(pid), status, open);
    }

    /** Credentials the replay gives the traced processes. */
    Credentials credentials() {
        return facts.credentials();
    }
}
