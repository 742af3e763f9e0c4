// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.ArrayList;
import java.util.List;

/** A jpackage launcher .cfg as the app image's tests lay one out: two class path entries, the main class between them. */
final class JpackageCfg {
    private JpackageCfg() {
    }

    /** The .cfg's text with these java-options after jpackage's own app-version. */
    static String withJavaOptions(String... javaOptions) {
        List<String> lines = new ArrayList<>(List.of(
                "[Application]",
                "app.classpath=$APPDIR/socket-lab.jar",
                "app.mainclass=org.socketlab.app.Launcher",
                "app.classpath=$APPDIR/lib/javafx-base-21.jar",
                "",
                "[JavaOptions]",
                "java-options=-Djpackage.app-version=0.1.0"));
        for (String option : javaOptions) {
            lines.add("java-options=" + option);
        }
        return String.join("\n", lines) + "\n";
    }
}
