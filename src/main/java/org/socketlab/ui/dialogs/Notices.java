// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.socketlab.ui.theme.Icons;

/**
 * Short notes in the window's corner that need no answer (ControlsFX's {@link Notifications}):
 * an export finished, or a picture could not be saved. They do not stop the user as a dialog
 * would. A note of success goes after a few seconds; a failure stays until it is closed, so
 * its reason is never missed.
 */
public final class Notices {
    /** How long a note of success stays. */
    static final Duration DONE_STAYS = Duration.seconds(6);

    private Notices() {
    }

    /** Something finished as asked: {@code text} says what and where. */
    public static void done(Node owner, String title, String text) {
        show(owner, title, text, "notice-done", Icons.FILE, DONE_STAYS);
    }

    /** Something did not happen: {@code title} says what, {@code reason} why, in words the user can act on. */
    public static void failed(Node owner, String title, String reason) {
        show(owner, title, reason, "notice-failed", Icons.ERROR, Duration.INDEFINITE);
    }

    private static void show(Node owner, String title, String text, String styleClass, String icon, Duration stays) {
        if (owner.getScene() == null || owner.getScene().getWindow() == null) {
            return;
        }
        Notifications.create().owner(owner.getScene().getWindow()).title(title).text(text)
                .graphic(Icons.icon(icon)).styleClass("notice", styleClass).position(Pos.TOP_RIGHT)
                .hideAfter(stays).show();
    }
}
