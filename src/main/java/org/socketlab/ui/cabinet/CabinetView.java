// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketlab.player.Cabinet;
import org.socketlab.player.Drawer;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;

/**
 * The descriptor cabinets: one row of numbered drawers per cabinet, in order. A cabinet of up
 * to {@link #SMALL} drawers shows each as a node of its own, wrapping; a bigger one (a full
 * cabinet has 1,024) shows them in a {@link DrawerGrid} that makes nodes only for the rows in
 * sight, so a thousand open descriptors cost no more to draw than a handful.
 */
public final class CabinetView extends VBox {
    /** Up to this many drawers, every drawer is a node. */
    static final int SMALL = 64;
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    /**
     * One cabinet: its owners' label (when there are several cabinets) and its drawers. Among several,
     * a small cabinet is one line, the label beside compact drawers, so that two of them fit the card
     * at a readable size.
     */
    public static final class RowView extends VBox {
        private final Label owners = new Label();
        private final FlowPane drawersPane = new FlowPane();
        private final HBox line = new HBox();
        private final List<DrawerView> drawerViews = new ArrayList<>();
        private DrawerGrid grid;

        RowView() {
            getStyleClass().add("cabinet-row");
            owners.getStyleClass().add("cabinet-owners");
            owners.setMinWidth(Region.USE_PREF_SIZE);
            drawersPane.getStyleClass().add("cabinet-drawers");
            line.getStyleClass().add("cabinet-line");
            line.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(drawersPane, Priority.ALWAYS);
            getChildren().addAll(owners, drawersPane);
        }

        public void show(Cabinet cabinet, boolean labelled, Messages messages) {
            pseudoClassStateChanged(Css.CURRENT, cabinet.current() && labelled);
            owners.setVisible(labelled);
            owners.setManaged(labelled);
            owners.setText(messages.get("cabinet.owners", String.join(", ", cabinet.owners()), cabinet.limit()));
            if (cabinet.drawers().size() > SMALL) {
                showLarge(cabinet, messages);
            } else {
                showSmall(cabinet.drawers(), labelled, messages);
            }
        }

        private void showSmall(List<Drawer> drawers, boolean compact, Messages messages) {
            if (compact && !getChildren().equals(List.of(line))) {
                grid = null;
                line.getChildren().setAll(owners, drawersPane);
                getChildren().setAll(line);
            } else if (!compact && !getChildren().equals(List.of(owners, drawersPane))) {
                grid = null;
                getChildren().setAll(owners, drawersPane);
            }
            while (drawerViews.size() < drawers.size()) {
                drawerViews.add(new DrawerView());
            }
            while (drawerViews.size() > drawers.size()) {
                drawerViews.remove(drawerViews.size() - 1);
            }
            for (int i = 0; i < drawers.size(); i++) {
                drawerViews.get(i).compact(compact);
                drawerViews.get(i).show(drawers.get(i), messages);
            }
            if (!drawersPane.getChildren().equals(drawerViews)) {
                drawersPane.getChildren().setAll(drawerViews);
            }
        }

        private void showLarge(Cabinet cabinet, Messages messages) {
            if (grid == null) {
                grid = new DrawerGrid();
                drawerViews.clear();
                drawersPane.getChildren().clear();
                getChildren().setAll(owners, grid);
            }
            grid.show(cabinet, messages);
        }

        public DrawerView drawer(int fd) {
            if (grid != null) {
                return grid.drawer(fd);
            }
            return fd >= 0 && fd < drawerViews.size() ? drawerViews.get(fd) : null;
        }
    }

    private final List<RowView> rows = new ArrayList<>();
    private RowView current;

    public CabinetView() {
        getStyleClass().add("cabinet");
    }

    /** Shows every cabinet; with more than one, each is labelled and the current one stands out. */
    public void show(List<Cabinet> cabinets, Messages messages) {
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
        alignOwners();
    }

    /**
     * Among several cabinets, every one-line owners' label is as wide as the widest, so that drawer n
     * is under drawer n: a binding set up when the cabinets change, following the labels' text, font
     * and padding (the stylesheet's), so that laying the rows out never changes what they are laid out by.
     */
    private void alignOwners() {
        List<Label> aligned = rows.stream().filter(r -> r.owners.isManaged() && r.getChildren().contains(r.line))
                .map(r -> r.owners).toList();
        List<Observable> inputs = new ArrayList<>();
        for (Label owners : aligned) {
            inputs.addAll(List.of(owners.textProperty(), owners.fontProperty(), owners.paddingProperty()));
        }
        DoubleBinding widest = Bindings.createDoubleBinding(
                () -> aligned.stream().mapToDouble(owners -> owners.prefWidth(-1)).max().orElse(0),
                inputs.toArray(Observable[]::new));
        for (RowView row : rows) {
            row.owners.minWidthProperty().unbind();
            if (aligned.contains(row.owners)) {
                row.owners.minWidthProperty().bind(widest);
            } else {
                row.owners.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }

    /**
     * The view of a drawer in the current process's cabinet, or null when it is not shown (a
     * big cabinet shows only the rows in sight; the drawer a step changed is always in sight).
     */
    public DrawerView drawer(int fd) {
        return current == null ? null : current.drawer(fd);
    }
}
