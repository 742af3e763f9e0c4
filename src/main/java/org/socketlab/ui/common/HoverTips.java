// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the mouse first comes by. A tooltip is a small window with a scene of its
 * own; made up front for every button, drawer and code line they cost the first frame more
 * than those controls themselves. The text is asked for each time the mouse comes in, so it
 * follows the language and the picture without anyone relabelling it.
 */
public final class HoverTips {
    private HoverTips() {
    }

    /** Shows {@code text} (null or empty: nothing) as the node's tooltip. */
    public static void install(Node node, Supplier<String> text) {
        Tooltip[] tip = new Tooltip[1];
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            String now = text.get();
            if (now == null || now.isEmpty()) {
                if (tip[0] != null) {
                    Tooltip.uninstall(node, tip[0]);
                    tip[0] = null;
                }
            } else if (tip[0] == null) {
                tip[0] = new Tooltip(now);
                Tooltip.install(node, tip[0]);
            } else {
                tip[0].setText(now);
            }
        });
    }
}
