// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.kernel.FileKind;
import org.socketlab.player.Cabinet;
import org.socketlab.player.Drawer;

/** The descriptor cabinets: one row of numbered drawers per cabinet, in order. */
final class CabinetView extends VBox {
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");
    /** One drawer: its number, what is in it, and a short label. */
    static final class DrawerView extends VBox {
        private final Label number = new Label();
        private final FontIcon icon = Icons.icon(Icons.BOX);
        private final Label content = new Label(null, icon);
        private final Label label = new Label();
        private String tooltip = "";

        DrawerView() {
            HoverTips.install(this, () -> tooltip);
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
                tooltip = messages.get("drawer.tooltip.empty", drawer.fd());
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
                tooltip = messages.get("drawer.tooltip.full", drawer.fd(), drawer.label());
            }
        }

        /** The drawer's content (the box), which arrives during stage 3. */
        Label content() {
            return content;
        }
    }

    /** One cabinet: its owners' label (when there are several cabinets) and its drawers. */
    static final class RowView extends VBox {
        private final Label owners = new Label();
        private final FlowPane drawersPane = new FlowPane();
        private final List<DrawerView> drawerViews = new ArrayList<>();

        RowView() {
            getStyleClass().add("cabinet-row");
            owners.getStyleClass().add("cabinet-owners");
            drawersPane.getStyleClass().add("cabinet-drawers");
            getChildren().addAll(owners, drawersPane);
        }

        void show(Cabinet cabinet, boolean labelled, Messages messages) {
            pseudoClassStateChanged(Css.CURRENT, cabinet.current() && labelled);
            owners.setVisible(labelled);
            owners.setManaged(labelled);
            owners.setText(messages.get("cabinet.owners", String.join(", ", cabinet.owners()), cabinet.limit()));
            List<Drawer> drawers = cabinet.drawers();
            while (drawerViews.size() < drawers.size()) {
                drawerViews.add(new DrawerView());
            }
            while (drawerViews.size() > drawers.size()) {
                drawerViews.remove(drawerViews.size() - 1);
            }
            for (int i = 0; i < drawers.size(); i++) {
                drawerViews.get(i).show(drawers.get(i), messages);
            }
            if (!drawersPane.getChildren().equals(drawerViews)) {
                drawersPane.getChildren().setAll(drawerViews);
            }
        }

        DrawerView drawer(int fd) {
            return fd >= 0 && fd < drawerViews.size() ? drawerViews.get(fd) : null;
        }
    }

    private final List<RowView> rows = new ArrayList<>();
    private RowView current;

    CabinetView() {
        getStyleClass().add("cabinet");
    }

    /** Shows every cabinet; with more than one, each is labelled and the current one stands out. */
    void show(List<Cabinet> cabinets, Messages messages) {
        while (rows.size() < cabinets.size()) {
            rows.add(new RowView());
        }
        while (rows.size() > cabinets.size()) {
            rows.remove(rows.size() - 1);
        }
        current = null;
        boolean labelled = cabinets.size() > 1;
        pseudoClassStateChanged(COMPACT, labelled);
        for (int i = 0; i < cabinets.size(); i++) {
            rows.get(i).show(cabinets.get(i), labelled, messages);
            if (cabinets.get(i).current()) {
                current = rows.get(i);
            }
        }
        if (!getChildren().equals(rows)) {
            getChildren().setAll(rows);
        }
    }

    /** The view of a drawer in the current process's cabinet, or null when it is not shown. */
    DrawerView drawer(int fd) {
        return current == null ? null : current.drawer(fd);
    }
}
