// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import org.socketlab.app.export.HeadlessFx;
import picocli.CommandLine;

/**
 * The program's entry point. It does not extend {@code Application}, so the jar runs with
 * JavaFX on the class path (`java -jar target/socket-lab.jar`); the command line decides
 * whether a window opens.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        JavaFxLog.quiet();
        if (args.length == 0) {
            // The usual start has nothing to parse: the window's work begins at once, without
            // loading picocli (which class data sharing cannot keep, see docs/BENCHMARKS.md).
            SocketLabApp.open(null, null);
            return;
        }
        int exit = new CommandLine(new SocketLabCommand()).execute(args);
        HeadlessFx.stopIfStartedHere();
        System.exit(exit);
    }
}
