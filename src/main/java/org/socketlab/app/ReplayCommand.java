// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.socketlab.lesson.replay.ProcessAtEnd;
import org.socketlab.lesson.replay.ReplayReport;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.lesson.replay.ReplayedCall;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.lesson.strace.NotAStraceLogException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socket-lab replay TRACE [--json]}: replays a strace log on the model, without a window. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
                "Replays a strace log on the kernel model and prints, for every call that creates",
                "descriptors, the model's prediction beside what the kernel did.",
                "Exit status: 0 when replayed, 2 when the file cannot be read or is not a strace log."
        })
final class ReplayCommand implements Callable<Integer> {
    /** The exit status for a file that cannot be read or is not a strace log. */
    static final int NOT_A_TRACE = 2;

    @Parameters(index = "0", paramLabel = "TRACE", description = "the strace log (strace -o FILE ...)")
    private Path trace;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The calls are printed as the replay reaches them, and only once the log has been checked:
        // a file that is not a strace log prints nothing on standard output.
        ReplayJson jsonOut = json ? new ReplayJson(out) : null;
        Table table = json ? null : new Table(out);
        try {
            ReplayReport report = TraceReplay.summarize(trace, json ? jsonOut::call : table::call);
            if (json) {
                jsonOut.close(report);
                out.println();
            } else {
                table.close(report);
            }
        } catch (NotAStraceLogException e) {
            err.println("socket-lab replay: " + e.getMessage());
            err.flush();
            return NOT_A_TRACE;
        } catch (NoSuchFileException e) {
            err.println("socket-lab replay: " + trace + " cannot be read: there is no such file");
            err.flush();
            return NOT_A_TRACE;
        } catch (AccessDeniedException e) {
            err.println("socket-lab replay: " + trace + " cannot be read: permission denied");
            err.flush();
            return NOT_A_TRACE;
        } catch (IOException e) {
            err.println("socket-lab replay: " + trace + " cannot be read: " + e.getMessage());
            err.flush();
            return NOT_A_TRACE;
        }
        out.flush();
        return 0;
    }

    /** The table: a line per call as the replay reaches it, the heading before the first. */
    private static final class Table {
        private final PrintWriter out;
        private boolean headed;

        Table(PrintWriter out) {
            this.out = out;
        }

        private void head() {
            if (!headed) {
                headed = true;
                out.printf("%6s  %-7s  %-12s  %-8s  %-12s  %-12s  %s%n", "LINE", "PID", "CALL", "RESULT", "KERNEL",
                        "MODEL", "");
            }
        }

        void call(ReplayedCall c) {
            head();
            String result = c.result() == null ? "?" : String.valueOf(c.result());
            if (c.errno() != null) {
                result = result + " " + c.errno();
            }
            String kernel = fds(c.fds(), null);
            String model = c.predicted() == null ? "(cannot know)" : fds(c.predicted(), c.check().predictedErrno());
            String verdict = c.check().mismatch() ? "MISMATCH" : "";
            out.printf("%6d  %-7s  %-12s  %-8s  %-12s  %-12s  %s%n", c.line(), c.pid() == null ? "-" : c.pid(),
                    c.call(), result, kernel, model, verdict);
        }

        void close(ReplayReport report) {
            head();
            out.println();
            processes(report, out);
            out.println();
            for (ReplayWarning w : report.warnings()) {
                out.println("line " + w.line() + ": " + w.message());
            }
            out.printf("%d calls replayed, %d mismatches, %d disagreements, %d warnings, %d frames%n",
                    report.calls(), report.mismatches(), report.disagreements(), report.warnings().size(),
                    report.frames());
        }
    }

    /** What each process had open at the end, a line each. */
    static void processes(ReplayReport report, PrintWriter out) {
        for (ProcessAtEnd p : report.processes()) {
            out.printf("process %s%s%s: ", p.pid() == null ? "(no pid)" : p.pid(),
                    p.threads().isEmpty() ? "" : " (threads " + p.threads().stream().map(String::valueOf)
                            .collect(Collectors.joining(", ")) + ")",
                    p.exitStatus() == null ? "" : ", exited with " + p.exitStatus());
            out.println(p.open().isEmpty() ? "nothing open" : String.join(", ", p.open().stream()
                    .map(d -> d.fd() + " " + d.kind() + (d.family() == null ? "" : " " + d.family())
                            + (d.type() == null ? "" : " " + d.type()) + (d.state() == null ? "" : " " + d.state()))
                    .toList()));
        }
    }

    private static String fds(List<Integer> fds, String errno) {
        if (errno != null) {
            return "-1 " + errno;
        }
        return fds.isEmpty() ? "-" : fds.toString();
    }
}
