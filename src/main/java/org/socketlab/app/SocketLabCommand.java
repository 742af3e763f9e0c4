// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.concurrent.Callable;
import javafx.application.Application;
import org.socketlab.app.export.ExportCommand;
import org.socketlab.ui.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The command line: with no arguments it opens the window on the built-in lesson. */
@Command(name = "socket-lab",
        mixinStandardHelpOptions = true,
        versionProvider = SocketLabCommand.VersionProvider.class,
        subcommands = ExportCommand.class,
        description = {
                "Socket Lab shows what socket() really does inside the protocol stack:",
                "an empty box, a form filled in, a coat-check ticket.",
                "",
                "With no arguments it opens the window on the lesson \"socket(): three stages\".",
                "`socket-lab export` saves a lesson's pictures without a window (see export --help)."
        })
final class SocketLabCommand implements Callable<Integer> {

    /** Supplies --version from the build. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Socket Lab " + Version.current()};
        }
    }

    @Override
    public Integer call() {
        Application.launch(SocketLabApp.class);
        return 0;
    }
}
