// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * The window's header: the menus and the lesson's title in a row, and the lesson's description
 * in full, never cut short with "…" (a class reads it on a projector). When the row has room
 * for the whole description it stands beside the title; when not, it has a line of its own
 * below, across the whole width, wrapping if it must. Which of the two depends only on the
 * description and the width, never on the step, so the picture below holds still.
 */
final class HeaderBar extends Region {
    static final double GAP = 12;
    private final Region row;
    private final Label description;

    HeaderBar(Region row, Label description) {
        this.row = row;
        this.description = description;
        getStyleClass().add("header");
        getChildren().addAll(row, description);
    }

    /** Whether the whole description fits beside the row at this width. */
    boolean descriptionBeside(double width) {
        if (!description.isManaged()) {
            return true;
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return row.prefWidth(-1) + GAP + description.prefWidth(-1) <= inner;
    }

    private double inner(double width) {
        return Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = width < 0 ? computePrefWidth(-1) : width;
        Insets in = getInsets();
        double rowHeight = row.prefHeight(-1);
        if (descriptionBeside(w)) {
            double beside = description.isManaged() ? description.prefHeight(-1) : 0;
            return snapSizeY(in.getTop() + Math.max(rowHeight, beside) + in.getBottom());
        }
        return snapSizeY(in.getTop() + rowHeight + description.prefHeight(inner(w)) + in.getBottom());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        double beside = description.isManaged() ? GAP + description.prefWidth(-1) : 0;
        return snappedLeftInset() + row.prefWidth(-1) + beside + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + row.minWidth(-1) + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double width = inner(getWidth());
        double rowHeight = snapSizeY(row.prefHeight(-1));
        if (descriptionBeside(getWidth())) {
            double descriptionWidth = description.isManaged() ? snapSizeX(description.prefWidth(-1)) : 0;
            double rowWidth = description.isManaged() ? width - GAP - descriptionWidth : width;
            double height = Math.max(rowHeight, description.isManaged() ? description.prefHeight(-1) : 0);
            layoutInArea(row, x, y, rowWidth, height, 0, null, true, true,
                    HPos.LEFT, VPos.CENTER);
            if (description.isManaged()) {
                layoutInArea(description, x + rowWidth + GAP, y, descriptionWidth, height, 0, null, false, true,
                        HPos.LEFT, VPos.CENTER);
            }
        } else {
            row.resizeRelocate(x, y, width, rowHeight);
            description.resizeRelocate(x, y + rowHeight, width, snapSizeY(description.prefHeight(width)));
        }
    }
}
