// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;

/**
 * Loads the bundled "Socket Lab Sans" (Latin and Simplified Chinese in one family, so
 * Chinese renders on machines without a CJK font). The stylesheet names the family; JavaFX
 * never uses a loaded font as a fallback, so it must be loaded before the first scene.
 */
public final class Fonts {
    /** The family name the stylesheet uses. */
    public static final String FAMILY = "Socket Lab Sans";
    private static final String[] FILES = {"SocketLabSans-Regular.otf", "SocketLabSans-Bold.otf"};
    private static volatile boolean loaded;

    private Fonts() {
    }

    /**
     * Loads both weights once; later calls do nothing. Any thread may call it once the toolkit
     * runs (the app loads it on its own thread while the window is built); a call made while
     * another thread is loading waits for it.
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/assets/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing: " + file);
                }
                if (Font.loadFont(in, 14) == null) {
                    throw new IllegalStateException("bundled font could not be loaded: " + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaded = true;
    }
}
