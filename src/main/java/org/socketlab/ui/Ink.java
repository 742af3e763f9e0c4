// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.common.WindowKeys;

/**
 * Ink on the picture while presenting: the instructor picks up a pen (P, four colours: P again
 * takes the next), a highlighter (H) or a laser pointer (L), draws or points with the mouse or a
 * pen tablet, and puts it down again (D) to click the controls. Ctrl+Z or Backspace takes the
 * last stroke back, E erases everything, K pins what is drawn so far; the next step clears the
 * ink that is not pinned. Leaving the presentation clears it all.
 */
final class Ink {
    /** What the instructor holds. */
    enum Tool { NONE, PEN, HIGHLIGHTER, LASER }

    /** The pen's colours, in the order P goes through them: red, blue, green, black. */
    static final List<Color> PEN_COLOURS = List.of(Color.web("#e0282e"), Color.web("#1f6fe5"),
            Color.web("#1e9e4a"), Color.web("#1b1b1f"));
    static final Color HIGHLIGHTER = Color.web("#ffd60a", 0.45);
    static final double PEN_WIDTH = 4;
    static final double HIGHLIGHTER_WIDTH = 22;

    private record Stroke(Polyline line, boolean pinned) { }

    private final Pane layer = new Pane();
    private final Circle laser = new Circle(9, Color.web("#ff2a2a", 0.85));
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.NONE);
    private final ReadOnlyIntegerWrapper strokeCount = new ReadOnlyIntegerWrapper(this, "strokeCount");
    private final List<Stroke> strokes = new ArrayList<>();
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private int colour;
    private final WindowKeys keys = inkKeys();
    private Polyline drawing;

    private final EventHandler<MouseEvent> pressed = e -> {
        switch (tool.get()) {
            case PEN, HIGHLIGHTER -> {
                drawing = newLine(tool.get());
                drawing.getPoints().addAll(e.getX(), e.getY(), e.getX(), e.getY());
                layer.getChildren().add(layer.getChildren().indexOf(laser), drawing);
                strokes.add(new Stroke(drawing, false));
                strokeCount.set(strokes.size());
            }
            case LASER -> moveLaser(e);
            case NONE -> { }
        }
        e.consume();
    };
    private final EventHandler<MouseEvent> dragged = e -> {
        if (drawing != null) {
            drawing.getPoints().addAll(e.getX(), e.getY());
        }
        if (tool.get() == Tool.LASER) {
            moveLaser(e);
        }
        e.consume();
    };
    private final EventHandler<MouseEvent> released = e -> {
        drawing = null;
        e.consume();
    };
    private final EventHandler<MouseEvent> moved = e -> {
        if (tool.get() == Tool.LASER) {
            moveLaser(e);
        }
    };

    Ink() {
        layer.getStyleClass().add("ink-layer");
        layer.setPickOnBounds(true);
        laser.getStyleClass().add("ink-laser");
        laser.setMouseTransparent(true);
        laser.setManaged(false);
        laser.setVisible(false);
        layer.getChildren().add(laser);
        layer.addEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        layer.addEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        layer.addEventHandler(MouseEvent.MOUSE_RELEASED, released);
        layer.addEventHandler(MouseEvent.MOUSE_MOVED, moved);
        subscriptions.onChange(this::followTool, tool);
        followTool();
    }

    /** The transparent sheet over the picture the ink is drawn on. */
    Pane layer() {
        return layer;
    }

    ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** How many strokes are on the picture. */
    ReadOnlyIntegerProperty strokeCountProperty() {
        return strokeCount.getReadOnlyProperty();
    }

    /** The pen's current colour. */
    Color penColour() {
        return PEN_COLOURS.get(colour);
    }

    /** The laser dot (visible while the laser pointer is held). */
    Circle laserDot() {
        return laser;
    }

    /** Takes an ink key; true when it was one. */
    boolean handle(KeyEvent event) {
        return keys.handle(event, false);
    }

    /** The ink's keys while presenting, each with what it does (Help › Keyboard shortcuts lists them). */
    WindowKeys keys() {
        return keys;
    }

    private WindowKeys inkKeys() {
        return new WindowKeys(List.of(
                new WindowKeys.Key(WindowKeys.alone(KeyCode.P), "keys.ink.pen", WindowKeys.always(this::pen)),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.H), "keys.ink.highlighter",
                        WindowKeys.always(() -> tool.set(Tool.HIGHLIGHTER))),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.L), "keys.ink.laser",
                        WindowKeys.always(() -> tool.set(Tool.LASER))),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.D), "keys.ink.down", WindowKeys.always(() -> tool.set(Tool.NONE))),
                new WindowKeys.Key(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), "keys.ink.undo",
                        WindowKeys.always(this::undo)),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.BACK_SPACE), "keys.ink.undo", WindowKeys.always(this::undo)),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.E), "keys.ink.erase", WindowKeys.always(this::eraseAll)),
                new WindowKeys.Key(WindowKeys.alone(KeyCode.K), "keys.ink.pin", WindowKeys.always(this::pinAll))));
    }

    /** The pen; P again while it is held: the next colour. */
    private void pen() {
        if (tool.get() == Tool.PEN) {
            colour = (colour + 1) % PEN_COLOURS.size();
        }
        tool.set(Tool.PEN);
    }

    /** The picture moved on a step: the ink that is not pinned goes. */
    void stepped() {
        strokes.removeIf(stroke -> {
            if (!stroke.pinned()) {
                layer.getChildren().remove(stroke.line());
            }
            return !stroke.pinned();
        });
        strokeCount.set(strokes.size());
    }

    /** The presentation ended: all ink goes and the tool is put down. */
    void clear() {
        eraseAll();
        tool.set(Tool.NONE);
        colour = 0;
    }

    void undo() {
        if (!strokes.isEmpty()) {
            Stroke last = strokes.remove(strokes.size() - 1);
            layer.getChildren().remove(last.line());
            strokeCount.set(strokes.size());
        }
    }

    void eraseAll() {
        for (Stroke stroke : strokes) {
            layer.getChildren().remove(stroke.line());
        }
        strokes.clear();
        drawing = null;
        strokeCount.set(0);
    }

    private void pinAll() {
        strokes.replaceAll(stroke -> new Stroke(stroke.line(), true));
    }

    /** The strokes' colours, oldest first (for tests and the presenter's eye). */
    List<Color> strokeColours() {
        return strokes.stream().map(stroke -> (Color) stroke.line().getStroke()).toList();
    }

    private Polyline newLine(Tool held) {
        Polyline line = new Polyline();
        line.setMouseTransparent(true);
        line.setStrokeLineCap(StrokeLineCap.ROUND);
        line.setStrokeLineJoin(StrokeLineJoin.ROUND);
        line.setFill(null);
        switch (held) {
            case PEN -> {
                line.setStroke(penColour());
                line.setStrokeWidth(PEN_WIDTH);
                line.getStyleClass().add("ink-pen");
            }
            case HIGHLIGHTER -> {
                line.setStroke(HIGHLIGHTER);
                line.setStrokeWidth(HIGHLIGHTER_WIDTH);
                line.setStrokeLineCap(StrokeLineCap.SQUARE);
                line.getStyleClass().add("ink-highlighter");
            }
            case LASER, NONE -> throw new IllegalArgumentException("no ink from " + held);
        }
        return line;
    }

    private void moveLaser(MouseEvent e) {
        laser.setCenterX(e.getX());
        laser.setCenterY(e.getY());
        laser.setVisible(true);
    }

    private void followTool() {
        Tool held = tool.get();
        layer.setMouseTransparent(held == Tool.NONE);
        if (held != Tool.LASER) {
            laser.setVisible(false);
        }
        drawing = null;
        layer.setCursor(switch (held) {
            case PEN, HIGHLIGHTER -> Cursor.CROSSHAIR;
            case LASER -> Cursor.NONE;
            case NONE -> Cursor.DEFAULT;
        });
    }

    void dispose() {
        layer.removeEventHandler(MouseEvent.MOUSE_PRESSED, pressed);
        layer.removeEventHandler(MouseEvent.MOUSE_DRAGGED, dragged);
        layer.removeEventHandler(MouseEvent.MOUSE_RELEASED, released);
        layer.removeEventHandler(MouseEvent.MOUSE_MOVED, moved);
        subscriptions.release();
    }
}
