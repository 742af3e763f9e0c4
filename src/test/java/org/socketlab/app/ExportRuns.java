// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.testfx.api.FxToolkit;
import picocli.CommandLine;

/**
 * {@code socket-lab export ARGS...} run in this JVM as a user's shell would, run after run, keeping
 * everything the runs printed on each stream.
 */
public final class ExportRuns {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * Starts JavaFX the way the rest of the suite does (TestFX), which the command must cope with:
     * other tests in this JVM have started it first.
     */
    public static void startJavaFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Runs the export command and returns its exit status. */
    public int export(String... args) {
        CommandLine command = new CommandLine(new ExportCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    /** What the runs printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the runs printed on standard error. */
    public String err() {
        return err.toString();
    }
}
