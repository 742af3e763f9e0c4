// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.logging.Logger;

/**
 * Keeps one line of JavaFX's out of the user's terminal: "Unsupported JavaFX configuration:
 * classes were loaded from 'unnamed module'", which JavaFX logs at every start because Socket
 * Lab runs it from the class path — the layout this project chose on purpose (CONTRIBUTING,
 * docs/decisions/0012). Only that message is dropped; every other JavaFX warning (a stylesheet
 * that does not resolve, say) still shows.
 */
public final class JavaFxLog {
    /** JavaFX's own logger; held here, as the logging system keeps its loggers only weakly. */
    private static Logger javafx;
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private JavaFxLog() {
    }

    /** Drops JavaFX's class-path warning from now on; call before the toolkit starts. */
    public static synchronized void quiet() {
        javafx = Logger.getLogger("javafx");
        javafx.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(CLASS_PATH_WARNING));
    }
}
