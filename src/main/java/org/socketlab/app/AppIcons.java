// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Puts Socket Lab's icon (a coat-check ticket) on a window. */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    static void install(Stage stage) {
        for (int size : SIZES) {
            InputStream in = AppIcons.class.getResourceAsStream("/assets/icons/socket-lab-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }
}
