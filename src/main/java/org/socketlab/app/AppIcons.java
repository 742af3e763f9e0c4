// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Socket Lab's icon (a coat-check ticket), in every size a desktop asks for. */
final class AppIcons {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** The icon's images, smallest first; decoding them needs the toolkit running, not its thread. */
    static List<Image> read() {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream("/assets/icons/socket-lab-" + size + ".png")) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return images;
    }

    /** Puts the icon on a window. */
    static void install(Stage stage, List<Image> images) {
        stage.getIcons().setAll(images);
    }
}
