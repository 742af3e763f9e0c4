// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.kernel.FileKind;
import org.socketlab.player.Drawer;

/** One drawer of a cabinet: its number, what is in it, and a short label. */
final class DrawerView extends VBox {
    /** The room between the number, the box and the label in a compact drawer. */
    private static final double COMPACT_GAP = 4;
    private final Label number = new Label();
    private final FontIcon icon = Icons.icon(Icons.BOX);
    private final Label content = new Label(null, icon);
    private final Label label = new Label();
    /** The number, the box and the label in one line (a compact cabinet), not one over the other. */
    private boolean compact;
    private String tooltip = "";
    private int fd = -1;
    /** What this view shows now, and in which language: showing it again changes nothing. */
    private Drawer shown;
    private java.util.Locale shownIn;

    DrawerView() {
        HoverTips.install(this, () -> tooltip);
        getStyleClass().add("drawer");
        number.getStyleClass().add("drawer-number");
        content.getStyleClass().add("drawer-content");
        label.getStyleClass().add("drawer-label");
        setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(number, content, label);
    }

    /**
     * In a compact cabinet (one of several on the card) the number, the box and the label stand in one
     * line instead of one over the other, so that a drawer is a third as tall and two cabinets fit the
     * card at a readable size. The children stay the same three, in the same order.
     */
    void compact(boolean on) {
        if (on == compact) {
            return;
        }
        compact = on;
        requestLayout();
    }

    @Override
    protected double computePrefWidth(double height) {
        if (!compact) {
            return super.computePrefWidth(height);
        }
        double width = snappedLeftInset() + snappedRightInset() + COMPACT_GAP * (getChildren().size() - 1);
        for (javafx.scene.Node child : getChildren()) {
            width += child.prefWidth(-1);
        }
        return width;
    }

    @Override
    protected double computePrefHeight(double width) {
        return compact ? lineHeight() : super.computePrefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width) {
        return compact ? lineHeight() : super.computeMinHeight(width);
    }

    private double lineHeight() {
        double tallest = 0;
        for (javafx.scene.Node child : getChildren()) {
            tallest = Math.max(tallest, child.prefHeight(-1));
        }
        return snappedTopInset() + snappedBottomInset() + tallest;
    }

    @Override
    protected void layoutChildren() {
        if (!compact) {
            super.layoutChildren();
            return;
        }
        double top = snappedTopInset();
        double inner = getHeight() - top - snappedBottomInset();
        double used = COMPACT_GAP * (getChildren().size() - 1);
        for (javafx.scene.Node child : getChildren()) {
            used += child.prefWidth(-1);
        }
        double left = snappedLeftInset();
        double x = left + Math.max(0, (getWidth() - left - snappedRightInset() - used) / 2);
        for (javafx.scene.Node child : getChildren()) {
            double w = child.prefWidth(-1);
            double h = Math.min(inner, child.prefHeight(w));
            child.resizeRelocate(snapPositionX(x), snapPositionY(top + (inner - h) / 2), w, h);
            x += w + COMPACT_GAP;
        }
    }

    void show(Drawer drawer, Messages messages) {
        if (drawer.equals(shown) && messages.getLocale().equals(shownIn)) {
            return;
        }
        shown = drawer;
        shownIn = messages.getLocale();
        fd = drawer.fd();
        number.setText(Integer.toString(drawer.fd()));
        getStyleClass().removeIf(c -> c.startsWith("drawer-") && !c.equals("drawer-number"));
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
            getStyleClass().add("drawer-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            icon.setIconLiteral(Icons.of(kind));
            if (kind.isEventDescriptor()) {
                // An event descriptor: its kind in words ("epoll"), its inode's name in the tip.
                getStyleClass().add("drawer-event");
                String what = messages.get("file.kind." + kind.name());
                label.setText(what);
                tooltip = messages.get("drawer.tooltip.kind", drawer.fd(), what, drawer.label(),
                        messages.get("file.about." + kind.name()));
            } else {
                label.setText(drawer.label());
                tooltip = messages.get("drawer.tooltip.full", drawer.fd(), drawer.label());
            }
        }
    }

    /** The number of the drawer this view shows now, or -1 before it shows one. */
    int fd() {
        return fd;
    }

    /** The drawer's content (the box), which arrives during stage 3. */
    Label content() {
        return content;
    }
}
