// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Asks the real Linux kernel: compiles a small C program with gcc, gives it fresh ports
 * ({@link FreshPorts}), runs it under {@code strace -f -yy -s 256 -o prog.strace} in a temporary
 * folder with a time limit, and returns the log, the port mapping and how the program ended.
 * The folder is removed afterwards. Tests use it to check what the kernel does on the machine
 * that runs the build (kernel-truth fixtures), and to check the model against it.
 *
 * <p>The program runs in its temporary folder (AF_UNIX paths it creates land there). It is
 * started in a session of its own ({@code setsid}), so that when the time limit passes the whole
 * process group — strace, the program and every child it forked — is killed at once.
 *
 * <p>{@link Options#asNobody()}: when the build runs as root (CI does), strace starts the program
 * as user nobody ({@code strace -u nobody}: nobody's uid, gid and groups, so no capability is
 * left), and unprivileged behaviour (EPERM for SOCK_RAW, EACCES below port 1024) is checked on
 * CI too; as a normal user the program runs as that user.
 */
public final class RealKernel {
    /** strace's options: follow forks and threads, decode descriptors fully, long strings. */
    public static final List<String> STRACE_OPTIONS = List.of("-f", "-yy", "-s", "256");
    /** gcc's options: warnings on, threads available. */
    public static final List<String> GCC_OPTIONS = List.of("-std=gnu11", "-O0", "-Wall", "-pthread");
    private static final Pattern FIRST_PID = Pattern.compile("^(?:(\\d+)\\s+)?execve\\(");
    private static final Pattern END = Pattern.compile("^(?:(\\d+)\\s+)?\\+\\+\\+ (exited with (\\d+) |killed by (\\w+)[^+]*)\\+\\+\\+");

    private RealKernel() {
    }

    /**
     * How to run a program.
     *
     * @param timeLimit  the whole run (strace and the program) is killed after this
     * @param asNobody   run the program as user nobody when the build runs as root
     * @param includeDir a folder for gcc's {@code -I}, or null
     * @param keepLogIn  a folder to copy {@code prog.strace} (and {@code prog.out} when the program
     *                   printed something) into, or null
     */
    public record Options(Duration timeLimit, boolean asNobody, Path includeDir, Path keepLogIn) {
        public Options {
            Objects.requireNonNull(timeLimit, "timeLimit");
        }

        /** Ten seconds, as the calling user, no include folder, nothing kept. */
        public static Options standard() {
            return new Options(Duration.ofSeconds(10), false, null, null);
        }

        public Options withTimeLimit(Duration limit) {
            return new Options(limit, asNobody, includeDir, keepLogIn);
        }

        public Options withAsNobody(boolean nobody) {
            return new Options(timeLimit, nobody, includeDir, keepLogIn);
        }

        public Options withIncludeDir(Path dir) {
            return new Options(timeLimit, asNobody, dir, keepLogIn);
        }

        public Options withKeepLogIn(Path dir) {
            return new Options(timeLimit, asNobody, includeDir, dir);
        }
    }

    /** How the traced program ended. */
    public sealed interface Ending {
        /** The program returned from main or called exit(). */
        record Exited(int status) implements Ending {
            @Override
            public String describe() {
                return "exited with " + status;
            }
        }

        /** A signal killed the program ("SIGPIPE"). */
        record Killed(String signal) implements Ending {
            @Override
            public String describe() {
                return "killed by " + signal;
            }
        }

        /** The program was still running when the time limit passed; everything was killed. */
        record TimedOut(Duration after) implements Ending {
            @Override
            public String describe() {
                return "timed out after " + after.toSeconds() + " s: the program and its children were killed";
            }
        }

        /** What happened, in words. */
        String describe();
    }

    /**
     * One run of a program under strace.
     *
     * @param log    the strace log, from the first execve on
     * @param ports  the literal ports of the source and the fresh ones the program used
     * @param ending how the program ended
     * @param stdout what it printed
     * @param stderr what it (and strace, for a failed start) printed on standard error
     * @param asUser the user the program ran as ("root", "nobody", ...)
     */
    public record Run(String log, FreshPorts.Mapping ports, Ending ending, String stdout, String stderr,
                      String asUser) {
        /** The log's lines. */
        public List<String> logLines() {
            return log.lines().toList();
        }
    }

    /** gcc refused the program: the message says where and why. */
    public static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;

        CompileError(Path source, String gccMessage) {
            super("gcc could not compile " + source + ":\n" + gccMessage.strip());
        }
    }

    /** True when the build runs as root (as CI does). */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name")) || userId() == 0;
    }

    /** Compiles and runs a C source file under strace. */
    public static Run run(Path source, Options options) throws CompileError, IOException {
        return run(source, UnaryOperator.identity(), options);
    }

    /**
     * Compiles and runs a C source file under strace, its text changed by {@code edit} (after the
     * fresh ports are in) before gcc sees it.
     */
    public static Run run(Path source, UnaryOperator<String> edit, Options options) throws CompileError, IOException {
        String program = Files.readString(source, StandardCharsets.UTF_8);
        FreshPorts.Mapping ports = FreshPorts.choose(program);
        Path work = Files.createTempDirectory("real-kernel-");
        try {
            Path c = work.resolve("prog.c");
            Files.writeString(c, edit.apply(ports.apply(program)), StandardCharsets.UTF_8);
            compile(source, c, work.resolve("prog"), options.includeDir());
            boolean nobody = options.asNobody() && runningAsRoot();
            if (nobody) {
                // nobody must reach the program, and may create AF_UNIX paths in its folder.
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxrwxrwx"));
            }
            Run run = trace(work, ports, options, nobody);
            if (options.keepLogIn() != null) {
                Files.createDirectories(options.keepLogIn());
                Files.writeString(options.keepLogIn().resolve("prog.strace"), run.log(), StandardCharsets.UTF_8);
                Path out = options.keepLogIn().resolve("prog.out");
                if (run.stdout().isEmpty()) {
                    Files.deleteIfExists(out);
                } else {
                    Files.writeString(out, run.stdout(), StandardCharsets.UTF_8);
                }
            }
            return run;
        } finally {
            deleteTree(work);
        }
    }

    private static void compile(Path original, Path c, Path binary, Path includeDir) throws CompileError, IOException {
        List<String> command = new ArrayList<>(List.of("gcc"));
        command.addAll(GCC_OPTIONS);
        if (includeDir != null) {
            command.add("-I" + includeDir.toAbsolutePath());
        }
        command.addAll(List.of("-o", binary.toString(), c.toString()));
        Path messages = c.resolveSibling("gcc.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(messages.toFile());
        builder.environment().put("LC_ALL", "C");
        Process gcc = start(builder, "gcc");
        try {
            if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
                gcc.destroyForcibly();
                throw new CompileError(original, "gcc did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            gcc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while compiling " + original, e);
        }
        if (gcc.exitValue() != 0) {
            // gcc names the copy in the temporary folder; the reader wants the file they wrote.
            String text = Files.readString(messages, StandardCharsets.UTF_8).replace(c.toString(), original.toString());
            throw new CompileError(original, text);
        }
    }

    private static Run trace(Path work, FreshPorts.Mapping ports, Options options, boolean nobody) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "strace"));
        command.addAll(STRACE_OPTIONS);
        command.addAll(List.of("-o", "prog.strace"));
        if (nobody) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add("./prog");
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = start(builder, "strace (apt-get install strace)");
        Ending timedOut = null;
        try {
            if (!process.waitFor(options.timeLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                killGroup(process);
                timedOut = new Ending.TimedOut(options.timeLimit());
            }
        } catch (InterruptedException e) {
            killGroup(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + work, e);
        }
        Path logFile = work.resolve("prog.strace");
        String log = Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Ending ending = timedOut != null ? timedOut : ending(log, process.exitValue(), stderr);
        return new Run(log, ports, ending, Files.readString(out, StandardCharsets.UTF_8), stderr,
                nobody ? "nobody" : System.getProperty("user.name"));
    }

    /**
     * The first process's end, as strace's log says it ({@code +++ exited with 0 +++}). strace
     * puts a pid before each line only once a second process exists; a line without one is the
     * first process's.
     */
    static Ending ending(String log, int straceExit, String stderr) {
        String first = null;
        Ending ending = null;
        for (String line : log.lines().toList()) {
            Matcher start = FIRST_PID.matcher(line);
            if (first == null && start.find()) {
                first = Objects.requireNonNullElse(start.group(1), "");
            }
            Matcher end = END.matcher(line);
            if (end.find() && Objects.requireNonNullElse(end.group(1), first).equals(first)) {
                ending = end.group(3) != null ? new Ending.Exited(Integer.parseInt(end.group(3)))
                        : new Ending.Killed(end.group(4));
            }
        }
        if (ending == null) {
            throw new IllegalStateException("strace (exit " + straceExit + ") left no end of the program in its log: "
                    + stderr.strip());
        }
        return ending;
    }

    private static Process start(ProcessBuilder builder, String needed) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("could not start " + String.join(" ", builder.command().subList(0, 2))
                    + ": this test needs " + needed, e);
        }
    }

    /** Kills the run's whole process group (setsid made strace its leader), then waits for it. */
    static void killGroup(Process process) throws IOException {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            kill.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle h : all) {
                h.destroyForcibly(); // a child that left the group is still ours
            }
            for (ProcessHandle h : all) {
                h.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IOException("could not kill the timed-out run " + process.pid(), e);
        }
    }

    static File nullDevice() {
        return Path.of("/dev/null").toFile();
    }

    private static int userId() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer i ? i : -1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + root, e);
        }
    }
}
