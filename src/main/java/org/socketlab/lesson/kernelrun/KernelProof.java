// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.LessonSource;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.NotAStraceLogException;
import org.socketlab.lesson.strace.ParsedTrace;
import org.socketlab.lesson.strace.StraceParser;
import org.socketlab.lesson.strace.TraceCall;

/**
 * Proves a lesson against the real kernel: the lesson (a complete C program) is run on the model,
 * and compiled with gcc and run under {@code strace -f -yy} on this machine ({@link RealKernel}:
 * fresh free ports, a 20 s limit that kills the whole process group, as user nobody when run as
 * root). Then every socket call is set beside the kernel's, in order, process by process: the
 * same result, errno and new descriptors (ports and inode numbers aside).
 *
 * <p>A {@code getppid()} call is put before the first statement of {@code main} (on the same line,
 * so gcc's line numbers stay the lesson's): everything the log shows before it is the C library
 * starting up, which the lesson does not make. A kernel call after it that a lesson can make but
 * the model did not is a disagreement too; the standard streams' writes (printf) are not.
 *
 * <p>After a process's successful execve() its calls are the new program's, not the lesson's: the
 * loader's and libc's opens, whatever the program does. They are not compared one by one. What is
 * compared is what the lesson decides, the descriptors the new program starts with: a program that
 * lists {@code /proc/self/fd} (as {@code ls -l /proc/self/fd} does, one {@code readlink} per entry)
 * shows them in the log, and the descriptors it opened itself and still holds are left aside. The
 * model's answer for the exec is the list of descriptors its process kept.
 *
 * <p>A lesson's pthread_create() is the kernel's clone3() with CLONE_THREAD (strace -f shows the new
 * thread's calls under its own id): it returns 0 in the lesson and the thread's id in the log, and the
 * thread's calls are compared with the model's thread's, in order, as a process's are. Calls of
 * different threads are not compared by their order: a lesson joins each thread before main goes on
 * ({@code StatementParser} refuses a line that would race a thread), so the numbers they get are the
 * same in every run. What the C library's threads do for themselves is left aside: the handler
 * pthread_create() installs for its real-time signal (rt_sigaction(SIGRT_1), glibc's SIGCANCEL).
 */
public final class KernelProof {
    /** The longest a lesson's program may run; then its process group is killed. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    /** The tools a proof needs on the PATH. */
    public static final List<String> TOOLS = List.of("gcc", "strace", "setsid");
    private static final String MARKER = "getppid";
    private static final Pattern MAIN = Pattern.compile("\\bint\\s+main\\s*\\([^)]*\\)\\s*\\{");
    private static final Pattern MODEL_ONLY = Pattern.compile("//\\s*model-only\\s*:(.*)");
    /** A path naming one descriptor of a process: what a program listing its own descriptors reads. */
    private static final Pattern PROC_FD = Pattern.compile("/proc/(?:self|\\d+)/fd/(\\d+)");
    /** The first pid of a log: strace prints no pid before there is a second process. */
    private static final int FIRST = -1;

    private KernelProof() {
    }

    /**
     * What a call answered.
     *
     * @param result the value returned, or null when the call did not return (waits; exit)
     * @param errno  the errno name, or null on success
     * @param fds    the descriptors the call created
     */
    public record Answer(Long result, String errno, List<Integer> fds) {
        public Answer {
            fds = List.copyOf(fds);
        }

        /** "3", "-1 EMFILE", "0 [3, 4]", "(waits)". */
        public String describe() {
            if (result == null) {
                return "(waits)";
            }
            String text = errno == null ? String.valueOf(result) : result + " " + errno;
            return fds.isEmpty() || fds.equals(List.of(result.intValue())) ? text : text + " " + fds;
        }
    }

    /**
     * One call, the model's answer beside the kernel's.
     *
     * @param line          the lesson's line (0 for a call only the kernel made)
     * @param pid           the model's pid of the process that made it
     * @param call          the call's name, as the lesson spells it (as strace does for a kernel-only one)
     * @param model         the model's answer, or null when only the kernel made the call
     * @param kernel        the kernel's answer, or null when the kernel made no such call
     * @param disagreement  what differs, in words, or null when they agree
     */
    public record CallComparison(int line, int pid, String call, Answer model, Answer kernel, String disagreement) {
        /** True when model and kernel answered alike. */
        public boolean agrees() {
            return disagreement == null;
        }
    }

    /**
     * A lesson's proof.
     *
     * @param lesson the lesson file
     * @param calls  every compared call, in the lesson's order, then the calls only the kernel made
     * @param ending      how the program ended on the real kernel
     * @param modelEnding how the model says the first process ended (exit status, or the signal that killed
     *                    it), in the same terms as {@code ending}; the view puts both into words
     * @param asUser      the user the program ran as
     */
    public record Proof(Path lesson, List<CallComparison> calls, RealKernel.Ending ending, RealKernel.Ending modelEnding,
                        String asUser) {
        public Proof {
            calls = List.copyOf(calls);
        }

        /** True when every call agrees and the program ended by itself, as the model says it ends. */
        public boolean agrees() {
            return endsAlike() && calls.stream().allMatch(CallComparison::agrees);
        }

        private boolean endsAlike() {
            return !(ending instanceof RealKernel.Ending.TimedOut) && ending.equals(modelEnding);
        }

        /** One line per disagreement ("lesson.c:12 recv (pid 4242): model 5, kernel -1 EAGAIN"), or "". */
        public String describeDisagreements() {
            StringBuilder out = new StringBuilder();
            if (!endsAlike()) {
                out.append(lesson.getFileName()).append(": the model's program ").append(modelEnding.describe())
                        .append(", the kernel's ").append(ending.describe()).append('\n');
            }
            for (CallComparison c : calls) {
                if (!c.agrees()) {
                    out.append(lesson.getFileName()).append(':').append(c.line()).append(' ').append(c.call())
                            .append(" (pid ").append(c.pid()).append("): ").append(c.disagreement()).append('\n');
                }
            }
            return out.toString();
        }
    }

    /** A lesson that cannot be proved here: a tool is missing, it is not a program gcc compiles, it is not a lesson. */
    public static final class CannotProve extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotProve(String message) {
            super(message);
        }

        CannotProve(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The tools of {@link #TOOLS} that are not on the PATH (empty when a proof can run). */
    public static List<String> missingTools() {
        return missingTools(System.getenv("PATH"));
    }

    /** The tools of {@link #TOOLS} that are not in the folders of {@code path} (a PATH value, or null). */
    public static List<String> missingTools(String path) {
        List<String> missing = new ArrayList<>();
        for (String tool : TOOLS) {
            boolean found = false;
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(tool);
            }
        }
        return missing;
    }

    /** Runs a lesson file on the model and on the real kernel and compares them call by call. */
    public static Proof prove(Path lesson) throws CannotProve, IOException {
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            throw new CannotProve("cannot run lessons on the real kernel: " + String.join(", ", missing)
                    + " not found (apt-get install gcc libc6-dev strace)");
        }
        LessonSource source;
        try {
            source = LessonParser.parse(lesson);
        } catch (LessonParseException e) {
            throw new CannotProve(e.getMessage(), e);
        }
        String text = Files.readString(lesson);
        Optional<String> modelOnly = modelOnly(text);
        if (modelOnly.isPresent()) {
            throw new CannotProve(lesson + ": the lesson is model-only (" + modelOnly.get()
                    + "), the real kernel cannot run it as it is");
        }
        if (!MAIN.matcher(text).find()) {
            throw new CannotProve(lesson + ": not a complete C program (no 'int main(void) {'); "
                    + "only a complete program runs on the real kernel");
        }
        RealKernel.Run run;
        try {
            run = RealKernel.run(lesson, KernelProof::withMarker,
                    RealKernel.Options.standard().withTimeLimit(TIME_LIMIT).withAsNobody(true));
        } catch (RealKernel.CompileError e) {
            throw new CannotProve(e.getMessage(), e);
        }
        try {
            return against(lesson, source, run.log(), run.ending(), run.asUser());
        } catch (NotAStraceLogException e) {
            throw new CannotProve(lesson + ": strace left no log (" + run.ending().describe() + "): "
                    + run.stderr().strip(), e);
        }
    }

    /**
     * Proves a lesson's text that may have no file yet (the editor's): the text goes to a temporary
     * folder under its own name, is proved there, and the folder is removed. Messages name the file
     * as {@code fileName} says, not the temporary copy.
     */
    public static Proof proveText(String fileName, String text) throws CannotProve, IOException {
        String name = Path.of(fileName).getFileName().toString();
        Path dir = Files.createTempDirectory("socket-lab-run-");
        Path file = dir.resolve(name.endsWith(".c") ? name : name + ".c");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Proof proof = prove(file);
            return new Proof(Path.of(fileName), proof.calls(), proof.ending(), proof.modelEnding(), proof.asUser());
        } catch (CannotProve e) {
            throw new CannotProve(String.valueOf(e.getMessage()).replace(file.toString(), fileName), e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** The model's run of a lesson set beside a strace log of its program (with the marker call). */
    static Proof against(Path lesson, LessonSource source, String log, RealKernel.Ending ending, String asUser)
            throws NotAStraceLogException {
        LessonCompiler.Run model = LessonCompiler.run(source, LessonCompiler.idOf(source.sourceName()),
                LessonOrigin.NONE);
        ParsedTrace trace = StraceParser.parse(log, "prog.strace");
        int mainPid = source.settings().pid();
        return new Proof(lesson, compare(model, kernelCalls(trace), mainPid), ending, modelEnding(model, mainPid),
                asUser);
    }

    /**
     * How the first process ends in the model: its exit(), or a signal that ended it (SIGPIPE, the only
     * one the model sends), or returning from main (status 0) when the lesson has no exit.
     */
    static RealKernel.Ending modelEnding(LessonCompiler.Run model, int mainPid) {
        for (LessonCompiler.RanCall c : model.calls()) {
            if (c.pid() == mainPid && c.call() instanceof Syscall.Exit exit) {
                return new RealKernel.Ending.Exited(exit.status());
            }
        }
        return model.end().hasProcess(mainPid) ? new RealKernel.Ending.Exited(0)
                : new RealKernel.Ending.Killed("SIGPIPE");
    }

    /**
     * The reason a lesson gives in its header for being model-only ({@code // model-only: memory: is a
     * model setting}), if it does: such a lesson needs a setting a real machine does not have.
     */
    public static Optional<String> modelOnly(String lessonText) {
        for (String line : lessonText.lines().toList()) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("//")) {
                break;
            }
            Matcher m = MODEL_ONLY.matcher(t);
            if (m.matches()) {
                return Optional.of(m.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /** The program with the marker call before main's first statement, on main's line. */
    static String withMarker(String program) {
        Matcher m = MAIN.matcher(program);
        if (!m.find()) {
            return program;
        }
        return program.substring(0, m.end()) + " extern int " + MARKER + "(void); " + MARKER + "();"
                + program.substring(m.end());
    }

    /** The log's calls after the marker, by process (the first process under {@link #FIRST}). */
    static Map<Integer, List<TraceCall>> kernelCalls(ParsedTrace trace) {
        Set<Integer> children = new HashSet<>();
        for (TraceCall c : trace.calls()) {
            if (SyscallKind.traced(c.name()).orElse(null) == SyscallKind.FORK && !c.result().isError()
                    && c.result().value() != null) {
                children.add(c.result().value().intValue());
            }
        }
        Map<Integer, List<TraceCall>> byPid = new LinkedHashMap<>();
        boolean started = false;
        for (TraceCall c : trace.calls()) {
            Integer pid = c.pid() == null || !children.contains(c.pid()) ? Integer.valueOf(FIRST) : c.pid();
            if (!started) {
                started = pid == FIRST && c.name().equals(MARKER);
                continue;
            }
            byPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(c);
        }
        return byPid;
    }

    private static List<CallComparison> compare(LessonCompiler.Run model, Map<Integer, List<TraceCall>> kernel,
                                                int mainPid) {
        Map<Integer, Integer> pids = new HashMap<>(); // model pid -> kernel pid
        pids.put(mainPid, FIRST);
        Map<Integer, Integer> execAt = new HashMap<>(); // kernel pid -> index of its successful execve
        kernel.forEach((pid, list) -> {
            for (int i = 0; i < list.size(); i++) {
                if (SyscallKind.traced(list.get(i).name()).orElse(null) == SyscallKind.EXECVE
                        && !list.get(i).result().isError()) {
                    execAt.put(pid, i);
                    break;
                }
            }
        });
        Map<Integer, Integer> next = new HashMap<>();
        Set<TraceCall> used = new HashSet<>();
        List<CallComparison> out = new ArrayList<>();
        for (LessonCompiler.RanCall c : model.calls()) {
            Optional<SyscallKind> kind = c.call().syscallKind();
            if (kind.isEmpty() || kind.get() == SyscallKind.EXIT) {
                continue; // the ending is compared as a whole
            }
            String name = c.statement().call().cName();
            Answer answer = modelAnswer(c);
            Integer kernelPid = pids.get(c.pid());
            TraceCall found = null;
            if (kernelPid != null) {
                List<TraceCall> list = kernel.getOrDefault(kernelPid, List.of());
                int from = next.getOrDefault(kernelPid, 0);
                for (int i = from; i < list.size(); i++) {
                    TraceCall k = list.get(i);
                    if (!used.contains(k) && sameCall(kind.get(), c.call(), k)) {
                        found = k;
                        used.add(k);
                        next.put(kernelPid, i + 1);
                        break;
                    }
                }
            }
            if (found == null) {
                out.add(new CallComparison(c.statement().line(), c.pid(), name, answer, null,
                        "the kernel made no such call (model " + answer.describe() + ")"));
                continue;
            }
            Answer kernelAnswer = kernelAnswer(kind.get(), found);
            if (kind.get() == SyscallKind.EXECVE && !found.result().isError()) {
                List<TraceCall> list = kernel.get(kernelPid);
                kernelAnswer = new Answer(kernelAnswer.result(), null,
                        startedWith(list.subList(list.indexOf(found) + 1, list.size())));
            }
            if (c.call() instanceof Syscall.Fork fork && answer.result() != null && answer.result() >= 0
                    && kernelAnswer.result() != null && kernelAnswer.result() > 0) {
                pids.put(fork.childPid(), kernelAnswer.result().intValue());
            }
            out.add(new CallComparison(c.statement().line(), c.pid(), name, answer, kernelAnswer,
                    disagreement(kind.get(), answer, kernelAnswer)));
        }
        Map<Integer, Integer> modelPids = new HashMap<>();
        pids.forEach((m, k) -> modelPids.put(k, m));
        kernel.forEach((pid, list) -> {
            // after its execve the process runs another program: its calls are not the lesson's
            int end = execAt.containsKey(pid) ? execAt.get(pid) + 1 : list.size();
            for (TraceCall k : list.subList(0, end)) {
                if (!used.contains(k) && lessonCall(k)) {
                    Answer a = kernelAnswer(SyscallKind.traced(k.name()).orElseThrow(), k);
                    out.add(new CallComparison(0, modelPids.getOrDefault(pid, 0), k.name(), null, a,
                            "the model made no such call (kernel " + a.describe() + ", log line " + k.line() + ")"));
                }
            }
        });
        return out;
    }

    /**
     * The descriptors a program started with after execve(), as it shows them by listing
     * {@code /proc/self/fd} ({@code readlink("/proc/self/fd/3", "socket:[…]")} for each entry), without
     * the ones it opened itself and still holds (the listed directory). Empty when it lists nothing.
     */
    static List<Integer> startedWith(List<TraceCall> newProgram) {
        Set<Integer> own = new HashSet<>();
        TreeSet<Integer> listed = new TreeSet<>();
        for (TraceCall k : newProgram) {
            if (k.result().isError() || k.result().value() == null) {
                continue;
            }
            if (k.name().startsWith("readlink")) {
                for (int i = 0; i < 2; i++) {
                    k.arg(i).filter(Arg.Str.class::isInstance).map(a -> PROC_FD.matcher(((Arg.Str) a).value()))
                            .filter(Matcher::matches).ifPresent(m -> {
                                int fd = Integer.parseInt(m.group(1));
                                if (!own.contains(fd)) {
                                    listed.add(fd);
                                }
                            });
                }
                continue;
            }
            Optional<SyscallKind> kind = SyscallKind.traced(k.name());
            if (kind.isEmpty()) {
                continue;
            }
            switch (kind.get().returns()) {
                case DESCRIPTOR -> own.add(k.result().value().intValue());
                case DESCRIPTOR_PAIR -> kernelAnswer(kind.get(), k).fds().forEach(own::add);
                case VALUE, COUNT, ZERO, CHILD, NOTHING -> {
                    if (kind.get() == SyscallKind.CLOSE) {
                        descriptorArgument(k).ifPresent(own::remove);
                    }
                }
            }
        }
        return List.copyOf(listed);
    }

    /**
     * A kernel call a lesson could have made: a modelled one, not exit, not stdio's reads and writes,
     * not the signal handler the C library installs for its threads.
     */
    private static boolean lessonCall(TraceCall k) {
        Optional<SyscallKind> kind = SyscallKind.traced(k.name());
        if (kind.isEmpty() || kind.get() == SyscallKind.EXIT) {
            return false;
        }
        if (kind.get() == SyscallKind.SIGNAL && k.arg(0).map(KernelProof::realTimeSignal).orElse(false)) {
            return false;
        }
        boolean stdio = (kind.get() == SyscallKind.WRITE || kind.get() == SyscallKind.READ)
                && descriptorArgument(k).map(fd -> fd <= 2).orElse(false);
        return !stdio;
    }

    /** SIGRT_1, SIGRTMIN+1 and their kin: the C library's own signals (a lesson's signal() names SIGPIPE). */
    private static boolean realTimeSignal(Arg signal) {
        String name = signal instanceof Arg.Flags f && !f.names().isEmpty() ? f.names().get(0)
                : signal instanceof Arg.Raw r ? r.text() : signal.toString();
        return name.startsWith("SIGRT");
    }

    private static boolean sameCall(SyscallKind kind, Syscall call, TraceCall k) {
        if (SyscallKind.traced(k.name()).orElse(null) != kind) {
            return false;
        }
        // pthread_create() is a clone with CLONE_THREAD, fork() one without
        if (call instanceof Syscall.Fork fork && k.cloneInfo().isPresent()
                && k.cloneInfo().get().isThread() != fork.sharesTable()) {
            return false;
        }
        // write() and read() on a socket, not printf's write on 1
        if (call instanceof Syscall.Send s && (kind == SyscallKind.WRITE || kind == SyscallKind.SEND)) {
            return descriptorArgument(k).map(fd -> fd == s.fd()).orElse(true);
        }
        if (call instanceof Syscall.Receive r && (kind == SyscallKind.READ || kind == SyscallKind.RECV)) {
            return descriptorArgument(k).map(fd -> fd == r.fd()).orElse(true);
        }
        return true;
    }

    private static Optional<Integer> descriptorArgument(TraceCall k) {
        return k.arg(0).filter(Arg.Num.class::isInstance).map(a -> (int) ((Arg.Num) a).value());
    }

    private static Answer modelAnswer(LessonCompiler.RanCall c) {
        Outcome o = c.outcome();
        Long result = o instanceof Outcome.Success s ? Long.valueOf(s.value())
                : o instanceof Outcome.Failure ? Long.valueOf(-1) : null;
        String errno = o instanceof Outcome.Failure f ? f.errno().name() : null;
        return new Answer(result, errno, c.fds());
    }

    private static Answer kernelAnswer(SyscallKind kind, TraceCall k) {
        if (k.result().isError()) {
            return new Answer(-1L, k.result().errno(), List.of());
        }
        Long value = k.result().value();
        List<Integer> fds = new ArrayList<>();
        if (value != null) {
            switch (kind.returns()) {
                case DESCRIPTOR -> fds.add(value.intValue());
                case DESCRIPTOR_PAIR -> k.arg(kind.pairArgument()).ifPresent(a -> {
                    if (a instanceof Arg.Array array) {
                        for (Arg item : array.items()) {
                            if (item instanceof Arg.Num n) {
                                fds.add((int) n.value());
                            }
                        }
                    }
                });
                case VALUE -> {
                    if (kind == SyscallKind.FCNTL && k.arg(1).map(KernelProof::duplicates).orElse(false)) {
                        fds.add(value.intValue());
                    }
                }
                case COUNT, ZERO, CHILD, NOTHING -> {
                    // no descriptor
                }
            }
        }
        return new Answer(value, null, fds);
    }

    private static boolean duplicates(Arg command) {
        return command instanceof Arg.Flags f && f.names().stream().anyMatch(n -> n.startsWith("F_DUPFD"));
    }

    private static String disagreement(SyscallKind kind, Answer model, Answer kernel) {
        if (model.result() == null) {
            return "the model says the call waits; the kernel returned " + kernel.describe();
        }
        boolean unlisted = kind == SyscallKind.EXECVE && kernel.errno() == null && kernel.fds().isEmpty();
        boolean same = Objects.equals(model.errno(), kernel.errno())
                && (unlisted || model.fds().equals(kernel.fds()))
                && switch (kind) {
                    // a pid is the machine's; the previous handler is libc's business
                    // pthread_create() returns 0, the clone3() under it the thread's id
                    case FORK -> kernel.result() != null && (Long.signum(model.result()) == Long.signum(kernel.result())
                            || model.result() == 0 && kernel.result() > 0);
                    case SIGNAL -> true;
                    // the descriptors the new program started with, when it listed them
                    case EXECVE -> Objects.equals(model.result(), kernel.result());
                    case SOCKET, SOCKETPAIR, BIND, LISTEN, CONNECT, ACCEPT, SEND, WRITE, RECV, READ, SETSOCKOPT, GETSOCKOPT,
                         SHUTDOWN, CLOSE, DUP, DUP2, FCNTL, IOCTL, EXIT, RLIMIT, OPEN, PIPE, CLOSE_RANGE, SENDMSG,
                         RECVMSG, PIDFD_GETFD, EPOLL_CTL, POLL, EPOLL_WAIT ->
                            Objects.equals(model.result(), kernel.result());
                };
        return same ? null : "model " + model.describe() + ", kernel " + kernel.describe();
    }
}
