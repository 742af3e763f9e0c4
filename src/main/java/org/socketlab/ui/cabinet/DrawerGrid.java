// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.socketlab.player.Cabinet;
import org.socketlab.player.Drawer;
import org.socketlab.ui.language.Messages;

/**
 * A big cabinet's drawers (a full one has a thousand): rows of the same {@link DrawerView}s a
 * small cabinet shows, as many to a row as the width takes, but only the drawers in sight are
 * nodes, laid out anew as the grid scrolls (the wheel or its scroll bar). The cabinet's focus
 * drawer (the one a step changed) is scrolled into sight, so the animations find it.
 */
final class DrawerGrid extends Region {
    /** How many rows of drawers the grid is high, when there are that many. */
    static final double ROWS_IN_SIGHT = 2.5;

    /** Never shown: measure a drawer and the gap between drawers as the stylesheet makes them. */
    private final DrawerView prototype = new DrawerView();
    private final HBox prototypeRow = new HBox(prototype);
    private final Pane sheet = new Pane();
    private final Rectangle clip = new Rectangle();
    private final ScrollBar scrollBar = new ScrollBar();
    /** The drawer views in sight, reused as the grid scrolls. */
    private final List<DrawerView> views = new ArrayList<>();
    private List<Drawer> drawers = List.of();
    private Messages messages;
    private int columns = 1;
    private int focus = -1;
    /** The focus drawer is to be brought into sight at the next layout, when sizes are known. */
    private boolean focusPending;
    /** How far down the rows are scrolled, in pixels. */
    private double offset;

    DrawerGrid() {
        getStyleClass().add("cabinet-grid");
        prototypeRow.getStyleClass().add("cabinet-grid-row");
        prototypeRow.setVisible(false);
        prototypeRow.setManaged(false);
        sheet.setManaged(false);
        sheet.setClip(clip);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setManaged(false);
        scrollBar.setFocusTraversable(false);
        scrollBar.valueProperty().addListener((o, was, now) -> scrollTo(now.doubleValue()));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scrollTo(offset - e.getDeltaY());
            e.consume();
        });
        getChildren().addAll(prototypeRow, sheet, scrollBar);
    }

    /** Shows a cabinet's drawers, with its focus drawer in sight. */
    void show(Cabinet cabinet, Messages words) {
        drawers = cabinet.drawers();
        messages = words;
        focus = cabinet.focus();
        focusPending = true;
        requestLayout();
    }

    /** The view of a drawer in sight, or null when it is scrolled away (layout must be current). */
    DrawerView drawer(int fd) {
        for (DrawerView view : views) {
            if (view.isVisible() && view.fd() == fd) {
                return view;
            }
        }
        return null;
    }

    private void scrollTo(double pixels) {
        double clamped = Math.max(0, Math.min(pixels, maxOffset()));
        if (clamped != offset) {
            offset = clamped;
            requestLayout();
        }
    }

    private double drawerWidth() {
        return Math.max(prototype.minWidth(-1), prototype.prefWidth(-1));
    }

    private double drawerHeight() {
        return Math.max(prototype.minHeight(-1), prototype.prefHeight(-1));
    }

    private double gap() {
        return prototypeRow.getSpacing();
    }

    private double rowHeight() {
        return drawerHeight() + gap();
    }

    private int rows() {
        return (drawers.size() + columns - 1) / columns;
    }

    private double viewportHeight() {
        Insets in = getInsets();
        return getHeight() - in.getTop() - in.getBottom();
    }

    /** The rows end with a gap below the last, as between rows: a changed drawer's thicker border fits in it. */
    private double maxOffset() {
        return Math.max(0, rows() * rowHeight() - viewportHeight());
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double barWidth = scrollBar.prefWidth(-1);
        double width = getWidth() - in.getLeft() - in.getRight() - barWidth;
        double height = viewportHeight();
        columns = Math.max(1, (int) ((width + gap()) / (drawerWidth() + gap())));
        if (width <= 0 || height <= 0) {
            return; // not laid out yet: keep the focus for when it is
        }
        if (focusPending && focus >= 0) {
            double top = (focus / columns) * rowHeight();
            if (top < offset) {
                offset = top;
            } else if (top + drawerHeight() > offset + height) {
                offset = Math.min(top, top + rowHeight() - height);
            }
        }
        focusPending = false;
        offset = Math.max(0, Math.min(offset, maxOffset()));

        scrollBar.setVisible(maxOffset() > 0);
        scrollBar.setMax(maxOffset());
        scrollBar.setVisibleAmount(maxOffset() * height / Math.max(1, rows() * rowHeight()));
        scrollBar.setUnitIncrement(rowHeight() / 4);
        scrollBar.setBlockIncrement(rowHeight());
        scrollBar.setValue(offset);
        scrollBar.resizeRelocate(getWidth() - in.getRight() - barWidth, in.getTop(), barWidth, height);

        sheet.resizeRelocate(in.getLeft(), in.getTop(), width, height);
        clip.setWidth(width);
        clip.setHeight(height);
        layoutDrawersInSight(height);
    }

    /** Puts a drawer view on every drawer in sight, reusing the views, and hides the rest. */
    private void layoutDrawersInSight(double height) {
        int firstRow = (int) (offset / rowHeight());
        int lastRow = Math.min(rows() - 1, (int) ((offset + height) / rowHeight()));
        int from = firstRow * columns;
        int to = Math.min(drawers.size(), (lastRow + 1) * columns);
        while (views.size() < to - from) {
            views.add(new DrawerView());
        }
        for (int i = from; i < to; i++) {
            DrawerView view = views.get(i - from);
            view.show(drawers.get(i), messages);
            view.setVisible(true);
            int row = i / columns;
            int column = i % columns;
            // The sheet sizes each view as a flow pane would (a changed drawer's border is thicker).
            view.relocate(column * (drawerWidth() + gap()), row * rowHeight() - offset);
        }
        for (int i = Math.max(0, to - from); i < views.size(); i++) {
            views.get(i).setVisible(false);
        }
        if (sheet.getChildren().size() != views.size()) {
            sheet.getChildren().setAll(views);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        int wide = Math.max(1, Math.min(drawers.size(), 8));
        return in.getLeft() + in.getRight() + wide * drawerWidth() + (wide - 1) * gap() + scrollBar.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + Math.min(rows(), ROWS_IN_SIGHT) * rowHeight() - gap();
    }

    @Override
    protected double computeMinHeight(double width) {
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + Math.min(1, drawers.size()) * rowHeight();
    }
}
