// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/**
 * Starts JavaFX without a display for {@code socket-lab export}: Monocle's headless platform
 * with the software renderer, as the tests run. Works whether or not the toolkit is already
 * running (in the tests it is), and leaves a toolkit it did not start alone.
 */
public final class HeadlessFx {
    private static boolean startedHere;

    private HeadlessFx() {
    }

    /**
     * Makes sure the toolkit runs; when it starts here it starts headless. The system
     * properties only count before the first start, so they are set right before it.
     */
    public static synchronized void ensureStarted() {
        if (isRunning()) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "native");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "1600x1200-32"));
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
            startedHere = true;
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown(); // started elsewhere (a test framework) between our check and here
        }
        Platform.setImplicitExit(false);
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the toolkit if {@link #ensureStarted()} started it, so the JVM can end. */
    public static synchronized void stopIfStartedHere() {
        if (startedHere) {
            startedHere = false;
            Platform.exit();
        }
    }

    private static boolean isRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }
}
