// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * File › Record a program…: runs any command line under {@code strace -f -yy -tt} in a working
 * folder, with a time limit that kills its whole process group (as {@link RealKernel} does), and
 * leaves the log for a replay. No JavaFX here: the window runs it on a thread of its own.
 *
 * <p>It refuses before starting anything when strace is missing, the working folder is not one,
 * or the program cannot be found; and after, when strace could not start it (the log then holds
 * no successful execve).
 */
public final class ProgramRecorder {
    /** strace's options for a recording: follow forks and threads, decode descriptors, times of day. */
    public static final List<String> STRACE_OPTIONS = List.of("-f", "-yy", "-tt", "-s", "256");
    /** The tools a recording needs. */
    public static final List<String> TOOLS = List.of("strace", "setsid");

    private ProgramRecorder() {
    }

    /**
     * What to record.
     *
     * @param command   the program and its arguments
     * @param folder    the working folder
     * @param timeLimit the whole recording is killed after this
     */
    public record Request(List<String> command, Path folder, Duration timeLimit) {
        public Request {
            command = List.copyOf(command);
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(timeLimit, "timeLimit");
        }
    }

    /**
     * A finished recording.
     *
     * @param log    the strace log
     * @param ending how the program ended (timed out: it was killed at the limit)
     * @param stderr what the program and strace printed on standard error
     */
    public record Recording(Path log, RealKernel.Ending ending, String stderr) {
    }

    /** A recording that cannot be made: the message says why, in words for the user. */
    public static final class CannotRecord extends Exception {
        private static final long serialVersionUID = 1L;

        public CannotRecord(String message) {
            super(message);
        }
    }

    /**
     * Splits a command line into words as a shell would for simple cases: spaces separate, single
     * and double quotes group, a backslash keeps the next character.
     */
    public static List<String> words(String commandLine) throws CannotRecord {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < commandLine.length(); i++) {
            char c = commandLine.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < commandLine.length()) {
                    word.append(commandLine.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < commandLine.length()) {
                word.append(commandLine.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new CannotRecord("the command line has a " + quote + " that is not closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The program a command names, as the PATH finds it, or null when there is none to run. */
    static Path program(String name, Path folder, String path) {
        if (name.contains("/")) {
            Path p = folder.resolve(name);
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Checks a request before anything starts; the message names what is wrong. */
    public static void check(Request request) throws CannotRecord {
        List<String> missing = new ArrayList<>();
        String path = System.getenv("PATH");
        for (String tool : TOOLS) {
            if (program(tool, request.folder(), path) == null) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new CannotRecord("recording needs " + String.join(", ", missing)
                    + ", which is not installed (apt-get install strace)");
        }
        if (request.command().isEmpty()) {
            throw new CannotRecord("no program to record: the command line is empty");
        }
        if (!Files.isDirectory(request.folder())) {
            throw new CannotRecord("the working folder " + request.folder() + " does not exist");
        }
        if (request.timeLimit().isNegative() || request.timeLimit().isZero()) {
            throw new CannotRecord("the time limit must be at least one second");
        }
        String name = request.command().get(0);
        if (program(name, request.folder(), path) == null) {
            throw new CannotRecord(name + ": no such program" + (name.contains("/") ? " (or it is not executable)"
                    : " on the PATH"));
        }
    }

    /**
     * Records the program into {@code log} (written whole: a failed recording leaves no log).
     * Interrupting the calling thread stops it: the program and everything it started are killed.
     */
    public static Recording record(Request request, Path log) throws CannotRecord, IOException {
        check(request);
        Path work = Files.createTempDirectory("socket-lab-record-");
        Path part = work.resolve("recording.strace");
        Path err = work.resolve("stderr.txt");
        try {
            List<String> command = new ArrayList<>(List.of("setsid", "strace"));
            command.addAll(STRACE_OPTIONS);
            command.addAll(List.of("-o", part.toString(), "--"));
            command.addAll(request.command());
            ProcessBuilder builder = new ProcessBuilder(command).directory(request.folder().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(RealKernel.nullDevice()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new CannotRecord("strace could not be started: " + e.getMessage());
            }
            RealKernel.Ending timedOut = null;
            try {
                if (!process.waitFor(request.timeLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                    RealKernel.killGroup(process);
                    timedOut = new RealKernel.Ending.TimedOut(request.timeLimit());
                }
            } catch (InterruptedException e) {
                RealKernel.killGroup(process);
                Thread.currentThread().interrupt();
                throw new IOException("stopped: " + String.join(" ", request.command())
                        + " and everything it started were killed", e);
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String text = Files.exists(part) ? Files.readString(part, StandardCharsets.UTF_8) : "";
            if (!started(text)) {
                throw new CannotRecord(String.join(" ", request.command()) + " could not start: "
                        + (stderr.isBlank() ? "strace wrote no log" : stderr.strip()));
            }
            RealKernel.Ending ending = timedOut != null ? timedOut
                    : RealKernel.ending(text.replaceAll("(?m)^(\\d+\\s+)?\\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+", "$1"),
                            process.exitValue(), stderr);
            Files.createDirectories(log.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(log.toAbsolutePath().getParent(), "." + log.getFileName(), ".part");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, log, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new Recording(log, ending, stderr);
        } finally {
            Files.deleteIfExists(part);
            Files.deleteIfExists(err);
            Files.deleteIfExists(work);
        }
    }

    /** True when the log shows the program's execve succeeded. */
    static boolean started(String log) {
        for (String line : log.lines().toList()) {
            if (line.matches("^(\\d+\\s+)?(\\d\\d:\\d\\d:\\d\\d\\.\\d+\\s+)?execve\\(.*\\)\\s+=\\s+0\\s*$")) {
                return true;
            }
        }
        return false;
    }
}
