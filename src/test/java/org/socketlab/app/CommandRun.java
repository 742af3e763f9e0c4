// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One {@code socket-lab} command line run in this JVM as a user's shell would, with what it
 * printed on each stream and the exit status a script sees.
 *
 * @param status the exit status
 * @param out    what it printed on standard output
 * @param err    what it printed on standard error
 */
record CommandRun(int status, String out, String err) {

    /** Runs {@code socket-lab ARGS...}. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new SocketLabCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int status = cmd.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
