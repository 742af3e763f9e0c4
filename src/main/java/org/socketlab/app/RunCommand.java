// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.loading.LessonFiles;
import org.socketlab.lesson.replay.LessonRuns;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayReport;
import org.socketlab.lesson.replay.ReplayedCall;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.LessonSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socket-lab run LESSON [--json]}: runs a lesson on the model, without a window. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
                "Runs a lesson on the kernel model and prints every call with what it returned, its",
                "errno and the descriptors it created, then what each process had open at the end.",
                "--json prints the same object as replay --json.",
                "--kernel also compiles the lesson (a complete C program) with gcc, runs it under strace",
                "on this machine's kernel and prints the model's answer beside the kernel's, call by call.",
                "Exit status: 0 when run (with --kernel: when the model agrees with the kernel), 1 when the",
                "model and the kernel differ, 2 when the lesson cannot be read or has a mistake",
                "(file:line:column), or cannot run on the kernel (gcc or strace missing, model-only)."
        })
final class RunCommand implements Callable<Integer> {
    /** The exit status for a lesson that cannot be read or parsed. */
    static final int NOT_A_LESSON = 2;

    @Parameters(index = "0", paramLabel = "LESSON", description = "a lesson file, or a built-in lesson's name")
    private String lesson;

    @Option(names = "--json", description = "print one JSON object (as replay --json does) instead of a table")
    private boolean json;

    @Option(names = "--kernel", description = "also run it on this machine's kernel (gcc, strace) and compare")
    private boolean kernel;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (kernel) {
            Path file = Path.of(lesson);
            Optional<BuiltInLesson> builtIn = BuiltInLessons.find(lesson);
            int status = !Files.exists(file) && builtIn.isPresent()
                    ? KernelRun.runBuiltIn(builtIn.get(), json, out, err) : KernelRun.run(file, json, out, err);
            out.flush();
            err.flush();
            return status;
        }
        Replay run;
        try {
            run = LessonRuns.run(source());
        } catch (LessonParseException e) {
            err.println(e.getMessage());
            err.flush();
            return NOT_A_LESSON;
        }
        if (json) {
            ReplayJson.write(run, out);
            out.println();
        } else {
            table(run, out);
        }
        out.flush();
        return 0;
    }

    private LessonSource source() throws LessonParseException {
        Path file = Path.of(lesson);
        Optional<BuiltInLesson> builtIn = BuiltInLessons.find(lesson);
        if (!Files.exists(file) && builtIn.isPresent()) {
            return LessonFiles.parseResource(builtIn.get().resource());
        }
        return LessonParser.parse(file);
    }

    private static void table(Replay run, PrintWriter out) {
        out.printf("%6s  %-7s  %-14s  %-8s  %-16s  %s%n", "LINE", "PID", "CALL", "RESULT", "ERRNO", "NEW FDS");
        for (ReplayedCall c : run.calls()) {
            out.printf("%6d  %-7s  %-14s  %-8s  %-16s  %s%n", c.line(), c.pid(), c.call(),
                    c.result() == null ? "(waits)" : c.result(), c.errno() == null ? "" : c.errno(),
                    c.fds().isEmpty() ? "" : c.fds().toString());
        }
        out.println();
        ReplayReport report = run.report();
        ReplayCommand.processes(report, out);
        out.printf("%d calls, %d frames%n", report.calls(), report.frames());
    }
}
