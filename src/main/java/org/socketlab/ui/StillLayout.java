// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import org.socketlab.ui.fit.ShrinkToFit;

/**
 * The window's picture as fixed regions: a picture that holds still. Where each region goes
 * depends only on the size of the frame (and the header's and controls' one-line heights),
 * never on what a step says, so stepping through a lesson moves no panel; a region whose
 * content needs more room draws it smaller inside ({@link ShrinkToFit}).
 *
 * <pre>
 * header ........................................
 * diagram (application, stack, memory,  | code
 *          cabinet)                     |
 * narration                             | control block
 * summary .......................................
 * controls ......................................
 * </pre>
 */
final class StillLayout extends Region {
    static final double MARGIN = 14;
    static final double GAP = 12;
    /** The code and control block column keeps the width the code's lines need. */
    static final double SIDE_WIDTH = 390;
    static final double NARRATION_SHARE = 0.31;
    static final double CODE_SHARE = 0.33;
    static final double SUMMARY_SHARE = 0.165;

    /** A region's place in the frame. */
    record Box(double x, double y, double width, double height) {
    }

    /** Where every region goes. */
    record Regions(Box header, Box diagram, Box narration, Box code, Box controlBlock, Box summary, Box controls) {
        /** The lesson canvas (the diagram and the narration together). */
        Box canvas() {
            return new Box(diagram.x(), diagram.y(), diagram.width(), narration.y() + narration.height() - diagram.y());
        }
    }

    /**
     * The regions of a frame {@code width × height} whose header and controls are this high (a
     * header of 0 is hidden, as while presenting).
     */
    static Regions regions(double width, double height, double headerHeight, double controlsHeight) {
        double inner = width - 2 * MARGIN;
        Box header = new Box(0, 0, width, headerHeight);
        Box controls = new Box(MARGIN, height - MARGIN + 4 - controlsHeight, inner, controlsHeight);
        double summaryHeight = Math.round(height * SUMMARY_SHARE);
        Box summary = new Box(MARGIN, controls.y() - 8 - summaryHeight, inner, summaryHeight);
        double top = headerHeight + 10;
        double centre = Math.max(0, summary.y() - 8 - top);
        double canvasWidth = Math.max(0, inner - GAP - SIDE_WIDTH);
        double sideX = MARGIN + canvasWidth + GAP;
        double narrationHeight = Math.round(centre * NARRATION_SHARE);
        Box narration = new Box(MARGIN, top + centre - narrationHeight, canvasWidth, narrationHeight);
        Box diagram = new Box(MARGIN, top, canvasWidth, Math.max(0, centre - narrationHeight - GAP));
        double codeHeight = Math.round(centre * CODE_SHARE);
        Box code = new Box(sideX, top, SIDE_WIDTH, codeHeight);
        Box controlBlock = new Box(sideX, top + codeHeight + GAP, SIDE_WIDTH, Math.max(0, centre - codeHeight - GAP));
        return new Regions(header, diagram, narration, code, controlBlock, summary, controls);
    }

    private final Region header;
    private final Region canvas;
    private final Region code;
    private final Region controlBlock;
    private final Region summary;
    private final Region controls;

    /** The regions in their places; {@code canvas} is a {@link Canvas} and places its own two. */
    StillLayout(Region header, Canvas canvas, Region code, Region controlBlock, Region summary, Region controls) {
        this.header = header;
        this.canvas = canvas;
        this.code = code;
        this.controlBlock = controlBlock;
        this.summary = summary;
        this.controls = controls;
        getChildren().addAll(header, canvas, code, controlBlock, summary, controls);
    }

    /** The regions at the current size. */
    Regions regions() {
        double width = getWidth();
        double headerHeight = header.isManaged() ? snapSizeY(header.prefHeight(width)) : 0;
        double controlsHeight = snapSizeY(controls.prefHeight(width - 2 * MARGIN));
        return regions(width, getHeight(), headerHeight, controlsHeight);
    }

    @Override
    protected void layoutChildren() {
        Regions r = regions();
        place(header, r.header());
        place(canvas, r.canvas());
        place(code, r.code());
        place(controlBlock, r.controlBlock());
        place(summary, r.summary());
        place(controls, r.controls());
    }

    private static void place(Node node, Box box) {
        node.resizeRelocate(box.x(), box.y(), box.width(), box.height());
    }

    @Override
    protected double computePrefWidth(double height) {
        return MainWindow.MIN_CONTENT_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return MainWindow.MIN_CONTENT_HEIGHT;
    }

    /**
     * The lesson canvas, the diagram above the narration, split as {@link #regions} splits it: it
     * is also what a picture export shows, alone.
     */
    static final class Canvas extends Region {
        private final Region diagram;
        private final Region narration;

        Canvas(Region diagram, Region narration) {
            this.diagram = diagram;
            this.narration = narration;
            getStyleClass().add("lesson-canvas");
            getChildren().addAll(diagram, narration);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double narrationHeight = Math.round(getHeight() * NARRATION_SHARE);
            diagram.resizeRelocate(0, 0, width, Math.max(0, getHeight() - narrationHeight - GAP));
            narration.resizeRelocate(0, getHeight() - narrationHeight, width, narrationHeight);
        }

        @Override
        protected double computePrefWidth(double height) {
            return MainWindow.MIN_CONTENT_WIDTH - 2 * MARGIN - GAP - SIDE_WIDTH;
        }

        @Override
        protected double computePrefHeight(double width) {
            return MainWindow.MIN_CONTENT_HEIGHT / 2;
        }
    }
}
