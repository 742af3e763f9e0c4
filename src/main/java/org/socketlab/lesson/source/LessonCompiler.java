// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;

/**
 * Turns a parsed lesson file into a lesson: runs its statements in order through the kernel
 * (via {@link LessonScript}) and keeps every step as a frame.
 *
 * <ul>
 *   <li>The first process has the lesson's pid; each fork()'s child the next pid, in the order
 *       the children are created (pid + 1, pid + 2, ...).</li>
 *   <li>Each process has its own variables. fork() copies the parent's to the child, then stores
 *       the child's pid in the parent's variable and 0 in the child's, as C does.</li>
 *   <li>A thread (pthread_create()) is a process of the model that shares its creator's descriptor
 *       table (clone with CLONE_FILES). It has its own local variables and shares the global ones
 *       with its process; its {@code int fd = *(int *)arg;} reads the int pthread_create() pointed
 *       at. pthread_create() stores 0, as C returns it.</li>
 *   <li>A call stores what it returned: a descriptor, 0, a byte count, or -1 after a failure.
 *       A call that waits for good (a blocking accept() with nobody connecting) returns nothing
 *       in the lesson, and its variable holds -1.</li>
 *   <li>Arguments that are wrong at run time (closing a -1, binding twice) are passed on as they
 *       are; the kernel fails them with its errno, and the lesson shows that like any step.</li>
 *   <li>A send()'s length that a variable supplies is cut to the bytes the data holds.</li>
 * </ul>
 *
 * <p>Every frame of a call points at the call's first line in the {@linkplain CodeListing code
 * listing} and carries the call's {@code say:} narration.
 */
public final class LessonCompiler {
    /** The value a variable holds after a call failed or never returned. */
    public static final int FAILED = -1;

    private final LessonSource source;
    private final LessonScript script;
    private final Map<String, Integer> pids;
    private final Map<String, Vars> variables = new HashMap<>();
    private final List<RanCall> ran = new ArrayList<>();

    /**
     * One statement of a lesson as the model ran it.
     *
     * @param statement the statement
     * @param pid       the process that made the call
     * @param call      the call the kernel model ran, its arguments resolved
     * @param outcome   what the call ended with: a value, an errno, or blocked for good
     * @param fds       the descriptors the call created (one, two for socketpair(), or none); for a
     *                  successful exec, every descriptor the new program starts with
     * @param before    the machine just before the call
     */
    public record RanCall(Statement statement, int pid, Syscall call, Outcome outcome, List<Integer> fds, KernelState before) {
        public RanCall {
            fds = List.copyOf(fds);
        }
    }

    /**
     * A lesson and, statement by statement, what the model did: for {@code run} and for checking a lesson
     * against the real kernel.
     *
     * @param lesson the compiled lesson
     * @param calls  every statement as it ran, in order
     * @param end    the machine after the last statement
     */
    public record Run(Lesson lesson, List<RanCall> calls, KernelState end) {
        public Run {
            calls = List.copyOf(calls);
        }
    }

    /** Processes a signal ended (SIGPIPE): their later lines never run. */
    private final Set<Integer> killed = new HashSet<>();
    /** Processes that run another program after a successful exec: the lesson's later lines are not theirs. */
    private final Set<Integer> replaced = new HashSet<>();

    private LessonCompiler(LessonSource source) {
        this.source = source;
        this.script = LessonScript.on(source.settings().toMachineSetup());
        this.pids = pidsOf(source);
        variables.put(source.settings().processName(), new Vars(new HashMap<>(), new HashMap<>(source.globals())));
    }

    /**
     * A process's or thread's variables: its own, and the global ones, which its threads share (one
     * memory) and a fork()'s child copies. A name is one or the other (a local cannot take a global's).
     */
    private record Vars(Map<String, Integer> own, Map<String, Integer> globals) {
        Integer get(String name) {
            return globals.containsKey(name) ? globals.get(name) : own.get(name);
        }

        void put(String name, int value) {
            (globals.containsKey(name) ? globals : own).put(name, value);
        }

        /** A fork()'s child: a copy of everything. */
        Vars copy() {
            return new Vars(new HashMap<>(own), new HashMap<>(globals));
        }

        /** A new thread: its own variables, the same globals. */
        Vars thread() {
            return new Vars(new HashMap<>(), globals);
        }
    }

    /** Compiles a lesson with no file behind it; its id is the source name without extension. */
    public static Lesson compile(LessonSource source) {
        return compile(source, idOf(source.sourceName()), LessonOrigin.NONE);
    }

    /** Compiles a lesson under an id, remembering where it was read from. */
    public static Lesson compile(LessonSource source, String id, LessonOrigin origin) {
        return run(source, id, origin).lesson();
    }

    /** Compiles a lesson and keeps what each statement did. */
    public static Run run(LessonSource source, String id, LessonOrigin origin) {
        LessonCompiler compiler = new LessonCompiler(source);
        for (Statement statement : source.statements()) {
            compiler.run(statement);
        }
        Lesson lesson = compiler.script.build(id, source.title(), source.description(), source.listing().lines(),
                origin, source.settings().predict());
        return new Run(lesson, compiler.ran, compiler.script.state());
    }

    /**
     * A lesson's id from its file name: the last path element without its extension,
     * "lessons/three-tabs.c" → "three-tabs".
     */
    public static String idOf(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The pid a lesson's process gets: the lesson's pid for the first, then one more per child. */
    public static Map<String, Integer> pidsOf(LessonSource source) {
        Map<String, Integer> result = new HashMap<>();
        List<String> processes = source.processes();
        for (int i = 0; i < processes.size(); i++) {
            result.put(processes.get(i), source.settings().pid() + i);
        }
        return Map.copyOf(result);
    }

    private void run(Statement statement) {
        String process = statement.process();
        int pid = pids.get(process);
        if (replaced.contains(pid)) {
            // Like the real program after execve(): the new program runs, not the lesson's next line.
            statement.child().ifPresent(child -> replaced.add(pids.get(child)));
            return;
        }
        if (!script.state().hasProcess(pid)) {
            if (killed.contains(pid)) {
                // SIGPIPE ended it: like the real program, it runs no further line, and forks no child.
                statement.child().ifPresent(child -> killed.add(pids.get(child)));
                return;
            }
            throw new IllegalStateException("process " + process + " does not exist at line " + statement.line());
        }
        Vars own = variables.get(process);
        Syscall call = syscallOf(statement, pid, own);
        int line = source.listing().indexOf(statement.line());
        KernelState machine = script.state();
        DescriptorTable before = machine.tableOf(pid);
        script.call(line, pid, call, statement.narration().orElse(LocalizedText.EMPTY));
        Outcome outcome = script.lastStep().outcome();
        if (!script.state().hasProcess(pid) && !(call instanceof Syscall.Exit)) {
            killed.add(pid);
        }
        if (statement.call() == Call.PTHREAD_CREATE && outcome instanceof Outcome.Success) {
            outcome = new Outcome.Success(0); // pthread_create() returns 0; clone3() returned the thread's id
        }
        int result = resultOf(outcome);
        statement.child().ifPresent(child -> {
            if (statement.call() == Call.PTHREAD_CREATE) {
                Vars thread = own.thread();
                Argument.ThreadStart start = (Argument.ThreadStart) statement.argument("start");
                if (!start.reads().isEmpty()) {
                    thread.put(start.reads(), number(statement, "arg", own));
                }
                variables.put(child, thread);
            } else {
                Vars copy = own.copy();
                statement.assignTo().ifPresent(v -> copy.put(v, 0));
                variables.put(child, copy);
            }
        });
        statement.assignTo().ifPresent(v -> own.put(v, result));
        List<Integer> fds = List.of();
        if (statement.call() == Call.SOCKETPAIR) {
            String sv = ((Argument.Variable) statement.argument("sv")).name();
            int first = before.lowestFree();
            boolean ok = outcome instanceof Outcome.Success;
            int second = before.with(new Descriptor(first, -1, false)).lowestFree();
            own.put(sv + "[0]", ok ? first : FAILED);
            own.put(sv + "[1]", ok ? second : FAILED);
            fds = ok ? List.of(first, second) : List.of();
        } else if (statement.call().kind().returns() == SyscallKind.Returns.DESCRIPTOR
                && outcome instanceof Outcome.Success success) {
            fds = List.of(success.value());
        } else if (call instanceof Syscall.Exec && outcome instanceof Outcome.Success) {
            replaced.add(pid);
            List<Integer> open = new ArrayList<>();
            script.state().tableOf(pid).descriptors().forEach(d -> open.add(d.number()));
            fds = open;
        }
        ran.add(new RanCall(statement, pid, call, outcome, fds, machine));
    }

    private static int resultOf(Outcome outcome) {
        return outcome instanceof Outcome.Success success ? success.value() : FAILED;
    }

    private Syscall syscallOf(Statement s, int pid, Vars own) {
        return switch (s.call()) {
            case SOCKET -> new Syscall.Socket(number(s, "family", own), number(s, "type", own),
                    number(s, "protocol", own));
            case SOCKETPAIR -> new Syscall.SocketPair(number(s, "family", own), number(s, "type", own),
                    number(s, "protocol", own));
            case CLOSE -> new Syscall.Close(number(s, "fd", own));
            case BIND -> new Syscall.Bind(number(s, "fd", own), address(s));
            case LISTEN -> new Syscall.Listen(number(s, "fd", own), number(s, "backlog", own));
            case CONNECT -> new Syscall.Connect(number(s, "fd", own), address(s));
            case ACCEPT -> new Syscall.Accept(number(s, "fd", own), 0, false);
            case ACCEPT4 -> new Syscall.Accept(number(s, "fd", own), number(s, "flags", own), true);
            case SEND -> new Syscall.Send("send", number(s, "fd", own), length(s, own), null,
                    number(s, "flags", own));
            case SENDTO -> new Syscall.Send("sendto", number(s, "fd", own), length(s, own), address(s),
                    number(s, "flags", own));
            case WRITE -> new Syscall.Send("write", number(s, "fd", own), length(s, own), null, 0);
            case RECV -> new Syscall.Receive("recv", number(s, "fd", own), number(s, "length", own),
                    number(s, "flags", own));
            case RECVFROM -> new Syscall.Receive("recvfrom", number(s, "fd", own), number(s, "length", own),
                    number(s, "flags", own));
            case READ -> new Syscall.Receive("read", number(s, "fd", own), number(s, "length", own), 0);
            case SETSOCKOPT -> s.argument("value") instanceof Argument.Linger linger
                    ? new Syscall.SetSocketOption(number(s, "fd", own), number(s, "level", own),
                            number(s, "option", own), linger.onOff(), linger.seconds())
                    : new Syscall.SetSocketOption(number(s, "fd", own), number(s, "level", own),
                            number(s, "option", own), number(s, "value", own), 0);
            case GETSOCKOPT -> new Syscall.GetSocketOption(number(s, "fd", own), number(s, "level", own),
                    number(s, "option", own));
            case SIGNAL -> new Syscall.SignalAction(number(s, "signal", own), number(s, "handler", own) == 0);
            case SETRLIMIT -> new Syscall.SetLimit(number(s, "limit", own));
            case SHUTDOWN -> new Syscall.Shutdown(number(s, "fd", own), number(s, "how", own));
            case DUP -> new Syscall.Dup(number(s, "fd", own));
            case DUP2 -> new Syscall.Dup2(number(s, "oldfd", own), number(s, "newfd", own));
            case FCNTL -> new Syscall.Fcntl(number(s, "fd", own), number(s, "cmd", own), number(s, "arg", own));
            case IOCTL -> new Syscall.Ioctl(number(s, "fd", own), number(s, "request", own), number(s, "value", own));
            case FORK -> new Syscall.Fork(pids.get(s.child().orElseThrow()), s.child().orElseThrow(), false);
            // a thread keeps its process's name, as Linux keeps comm for a new thread
            case PTHREAD_CREATE -> new Syscall.Fork(pids.get(s.child().orElseThrow()),
                    script.state().process(pid).name(), true);
            case EXIT -> new Syscall.Exit(number(s, "status", own));
            case EXECL, EXECV, EXECVE -> new Syscall.Exec(((Argument.Data) s.argument("path")).value(),
                    ((Argument.Strings) s.argument("argv")).values());
        };
    }

    private static int number(Statement s, String parameter, Vars own) {
        Argument argument = s.argument(parameter);
        if (argument instanceof Argument.Constant constant) {
            return constant.value();
        }
        if (argument instanceof Argument.Variable variable) {
            Integer value = own.get(variable.name());
            if (value == null) {
                throw new IllegalStateException("'" + variable.name() + "' has no value in " + s.process()
                        + " at line " + s.line());
            }
            return value;
        }
        throw new IllegalStateException(s.call().cName() + "'s " + parameter + " is not a number: " + argument);
    }

    private static Endpoint address(Statement s) {
        return ((Argument.Address) s.argument("address")).endpoint();
    }

    private static int length(Statement s, Vars own) {
        int bytes = ((Argument.Data) s.argument("data")).length();
        return Math.max(0, Math.min(number(s, "length", own), bytes));
    }
}
