// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import org.junit.jupiter.api.extension.Extension;
import org.socketlab.app.JavaFxLog;

/**
 * Registered for every test (META-INF/services, junit-platform.properties): before the first test
 * starts JavaFX, drops its class-path warning as the app's launcher does, so that {@code mvn verify}
 * shows only what concerns the build.
 */
public final class QuietJavaFxStart implements Extension {
    static {
        JavaFxLog.quiet();
    }
}
