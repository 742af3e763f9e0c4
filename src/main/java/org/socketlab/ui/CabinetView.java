// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.kernel.FileKind;
import org.socketlab.player.Drawer;

/** The descriptor cabinet: one numbered drawer per descriptor, in order. */
final class CabinetView extends FlowPane {
    /** One drawer: its number, what is in it, and a short label. */
    static final class DrawerView extends VBox {
        private final Label number = new Label();
        private final FontIcon icon = Icons.icon(Icons.BOX);
        private final Label content = new Label(null, icon);
        private final Label label = new Label();
        private final Tooltip tooltip = new Tooltip();

        DrawerView() {
            getStyleClass().add("drawer");
            number.getStyleClass().add("drawer-number");
            content.getStyleClass().add("drawer-content");
            label.getStyleClass().add("drawer-label");
            setAlignment(Pos.TOP_CENTER);
            getChildren().addAll(number, content, label);
        }

        void show(Drawer drawer, Messages messages) {
            number.setText(Integer.toString(drawer.fd()));
            getStyleClass().removeAll("drawer-terminal", "drawer-socket", "drawer-file", "drawer-unknown");
            pseudoClassStateChanged(Css.EMPTY, drawer.isEmpty());
            pseudoClassStateChanged(Css.CHANGED, drawer.changed());
            pseudoClassStateChanged(Css.UNUSABLE, !drawer.usable());
            if (drawer.isEmpty()) {
                content.setVisible(false);
                label.setText(messages.get(drawer.usable() ? "drawer.free" : "drawer.overLimit"));
                tooltip.setText(messages.get("drawer.tooltip.empty", drawer.fd()));
            } else {
                content.setVisible(true);
                FileKind kind = drawer.kind();
                getStyleClass().add("drawer-" + kind.name().toLowerCase(java.util.Locale.ROOT));
                icon.setIconLiteral(switch (kind) {
                    case TERMINAL -> Icons.TERMINAL;
                    case SOCKET -> Icons.BOX;
                    case FILE, UNKNOWN -> Icons.FILE;
                });
                label.setText(drawer.label());
                tooltip.setText(messages.get("drawer.tooltip.full", drawer.fd(), drawer.label()));
            }
            Tooltip.install(this, tooltip);
        }

        /** The drawer's content (the box), which arrives during stage 3. */
        Label content() {
            return content;
        }
    }

    private final List<DrawerView> drawerViews = new ArrayList<>();

    CabinetView() {
        getStyleClass().add("cabinet");
    }

    void show(List<Drawer> drawers, Messages messages) {
        while (drawerViews.size() < drawers.size()) {
            drawerViews.add(new DrawerView());
        }
        while (drawerViews.size() > drawers.size()) {
            drawerViews.remove(drawerViews.size() - 1);
        }
        for (int i = 0; i < drawers.size(); i++) {
            drawerViews.get(i).show(drawers.get(i), messages);
        }
        if (!getChildren().equals(drawerViews)) {
            getChildren().setAll(drawerViews);
        }
    }

    /** The view of a drawer, or null when it is not shown. */
    DrawerView drawer(int fd) {
        return fd >= 0 && fd < drawerViews.size() ? drawerViews.get(fd) : null;
    }
}
