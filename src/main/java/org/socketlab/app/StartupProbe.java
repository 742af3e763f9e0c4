// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Measures start-up for the benchmarks (docs/BENCHMARKS.md, tools/bench/startup.sh): with
 * {@code -Dsocketlab.startup.probe=true} (a launcher that takes no JVM options passes it in
 * {@code JAVA_TOOL_OPTIONS}) the app prints how long after the JVM started its
 * first frame came (and the wall clock then, so a script can count from the launch), when the
 * frame with the window's content came (SocketLabApp shows the bare window first), its resident
 * memory at the first frame and 30 pulses after the content's, and quits.
 *
 * <p>The first frame is the first pulse after the scene's first layout with the window
 * showing: by then that layout has been handed to the renderer. The hello-world window in
 * tools/bench measures itself the same way, so the two numbers compare.
 */
final class StartupProbe {
    /** The system property that turns the probe on. */
    static final String PROPERTY = "socketlab.startup.probe";
    /** Pulses after the content's first frame before memory is read again and the app quits. */
    static final int SETTLE_PULSES = 30;

    private final Scene scene;
    private final Runnable firstLayout = this::laidOut;
    private final Runnable contentLayout = this::contentLaidOut;
    private long firstFrameWallMillis = -1;
    private long firstFrameRss = -1;
    private boolean contentPending;
    private long contentFrameWallMillis = -1;
    private int pulses;

    private StartupProbe(Scene scene) {
        this.scene = scene;
    }

    /** True when this run should measure itself and quit. */
    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Starts measuring a scene whose window is about to show. */
    static StartupProbe install(Scene scene) {
        StartupProbe probe = new StartupProbe(scene);
        scene.addPostLayoutPulseListener(probe.firstLayout);
        return probe;
    }

    /**
     * Tells the probe that the window's content has just been put into the scene: its frame is the
     * first pulse after the next layout, and memory is read again 30 pulses after that.
     */
    void contentShown() {
        scene.addPostLayoutPulseListener(contentLayout);
    }

    private void contentLaidOut() {
        scene.removePostLayoutPulseListener(contentLayout);
        contentPending = true;
    }

    private void laidOut() {
        if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
        }
        scene.removePostLayoutPulseListener(firstLayout);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (firstFrameWallMillis < 0) {
                    firstFrameWallMillis = System.currentTimeMillis();
                    firstFrameRss = residentKilobytes();
                } else if (contentFrameWallMillis < 0) {
                    if (contentPending) {
                        contentFrameWallMillis = System.currentTimeMillis();
                    }
                } else if (++pulses >= SETTLE_PULSES) {
                    stop();
                    // Read after the clock, so loading the management classes costs the probe nothing.
                    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("startup-probe first-frame-ms=" + (firstFrameWallMillis - jvmStart)
                            + " first-frame-epoch-ms=" + firstFrameWallMillis
                            + " content-frame-ms=" + (contentFrameWallMillis - jvmStart)
                            + " content-frame-epoch-ms=" + contentFrameWallMillis
                            + " rss-first-frame-kb=" + firstFrameRss
                            + " rss-settled-kb=" + residentKilobytes());
                    System.out.flush();
                    if (TrainingSession.requested()) {
                        TrainingSession.run(scene, Platform::exit);
                    } else {
                        Platform.exit();
                    }
                }
            }
        }.start();
    }

    /** VmRSS from /proc/self/status, or -1 where there is no such file. */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: memory is not part of this run's answer.
        }
        return -1;
    }
}
