// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of tools/bench/startup.sh: a hello-world JavaFX window (one Label) that
 * measures its first frame exactly as Socket Lab's StartupProbe does (the first pulse after
 * the scene's first layout with the window showing), prints the same line and quits.
 * Launched through {@link Main} so it runs from the class path like Socket Lab does.
 */
public final class HelloFx extends Application {
    private static final int SETTLE_PULSES = 30;

    private long firstFrameWallMillis = -1;
    private long firstFrameRss = -1;
    private int pulses;

    /** The entry point: a main class that is not an Application, as in Socket Lab. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello, world")), 1280, 800);
        Runnable[] firstLayout = new Runnable[1];
        firstLayout[0] = () -> {
            if (!stage.isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(firstLayout[0]);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (firstFrameWallMillis < 0) {
                        firstFrameWallMillis = System.currentTimeMillis();
                        firstFrameRss = residentKilobytes();
                    } else if (++pulses >= SETTLE_PULSES) {
                        stop();
                        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
                        System.out.println("startup-probe first-frame-ms=" + (firstFrameWallMillis - jvmStart)
                                + " first-frame-epoch-ms=" + firstFrameWallMillis
                                + " rss-first-frame-kb=" + firstFrameRss
                                + " rss-settled-kb=" + residentKilobytes());
                        System.out.flush();
                        Platform.exit();
                    }
                }
            }.start();
        };
        scene.addPostLayoutPulseListener(firstLayout[0]);
        stage.setTitle("Hello");
        stage.setScene(scene);
        stage.show();
    }

    private static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux.
        }
        return -1;
    }
}
