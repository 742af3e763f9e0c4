// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.ParallelTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.player.Picture;
import org.socketlab.ui.cabinet.DrawerView;
import org.socketlab.ui.cabinet.MemoryPoolView;
import org.socketlab.ui.cabinet.SocketBoxView;
import org.socketlab.ui.cabinet.TicketView;
import org.socketlab.ui.theme.Css;

/**
 * Builds every animation of the diagram. An animation only interpolates forward from one
 * resting picture to the next: the view already shows the target, and the animation moves
 * nodes in from where they were ("first, last, invert, play"). {@link Choreography#settle()}
 * puts every node it touched back at rest, so stopping half-way never leaves a node between.
 */
public final class Choreographer {
    private static final Duration MOVE = Duration.millis(850);
    private static final Duration FIELD = Duration.millis(380);
    private static final Duration FADE = Duration.millis(300);
    private static final Duration SHAKE = Duration.millis(420);

    /** A running animation and how to end it at rest. */
    public record Choreography(Animation animation, Runnable toRest) {
        /** Stops the animation and puts every node it touched back at rest. */
        void settle() {
            animation.stop();
            toRest.run();
        }
    }

    private final DiagramView view;

    Choreographer(DiagramView view) {
        this.view = view;
    }

    /** The animation from one picture to the next; the view must already show {@code to}. */
    Choreography transition(Picture from, Picture to) {
        view.applyCss();
        view.layout();
        List<Node> touched = new ArrayList<>();
        boolean failed = to.callFailed();
        Animation animation = switch (to.stage()) {
            case ALLOCATE_MEMORY -> failed ? shake(view.memoryCard(), touched) : allocate(from, to, touched);
            case INIT_CONTROL_BLOCK -> failed ? rollBack(from, to, touched) : fillIn(touched);
            case ISSUE_DESCRIPTOR -> failed ? rollBack(from, to, touched) : issue(from, to, touched);
            case CLOSE_DESCRIPTOR -> failed ? shake(view.cabinet(), touched) : close(from, to, touched);
            // A failed socket() ends here when the family refused after sock_alloc(): the bare box goes back.
            case RELEASE_SOCKET -> failed ? rollBack(from, to, touched) : release(from, to, touched);
            case CHECK_ARGUMENTS -> shake(view.stackCard(), touched);
            case START -> new PauseTransition(Duration.ZERO);
            // Stages without an animation of their own: the stack shakes at a failure, the drawers
            // the step changed pulse otherwise (exec: the drawers it emptied). A new stage must choose here.
            case BIND, LISTEN, AUTOBIND, SEND_SYN, ESTABLISH, ACCEPT_CONNECTION, SEND_DATA, RECEIVE_DATA, SEND_FIN,
                    SEND_RESET, SET_OPTION, GET_OPTION, SIGNAL, SHUTDOWN, DUPLICATE, FILE_FLAGS,
                    FORK, EXIT, EXEC, SET_LIMIT, OPEN_FILE, NETLINK_SOCKET, NETLINK_BIND, INCOMING_CONNECTION, ATTACH,
                    WATCH, WAIT_READY ->
                    failed ? shake(view.stackCard(), touched) : pulseChanged(to, touched);
        };
        if (to.callReturned()) {
            animation = new SequentialTransition(animation, fadeIn(view.result(), touched));
        }
        double settledFill = MemoryPoolView.fractionOf(to.memoryUsed(), to.memoryCapacity());
        return new Choreography(animation, () -> {
            touched.forEach(DiagramView::resetTransient);
            view.overlay().getChildren().clear();
            view.pool().fillFractionProperty().set(settledFill);
        });
    }

    private Animation allocate(Picture from, Picture to, List<Node> touched) {
        SocketBoxView box = view.box();
        return new ParallelTransition(
                flyIn(box, view.memoryCard(), 0.3, touched),
                poolFill(from, to));
    }

    private Animation fillIn(List<Node> touched) {
        SequentialTransition rows = new SequentialTransition();
        for (Node value : view.box().formValues()) {
            touched.add(value);
            value.setOpacity(0);
            value.setTranslateX(-14);
            rows.getChildren().add(new Timeline(
                    new KeyFrame(Duration.ZERO, new KeyValue(value.opacityProperty(), 0),
                            new KeyValue(value.translateXProperty(), -14)),
                    new KeyFrame(FIELD, new KeyValue(value.opacityProperty(), 1, Interpolator.EASE_OUT),
                            new KeyValue(value.translateXProperty(), 0, Interpolator.EASE_OUT))));
        }
        return rows;
    }

    private Animation issue(Picture from, Picture to, List<Node> touched) {
        int fd = to.callValue();
        DrawerView drawer = view.cabinet().drawer(fd);
        TicketView ticket = ticketFor(fd);
        if (from.workbench() == null || drawer == null) {
            return new PauseTransition(Duration.ZERO);
        }
        Node ghostBox = ghostBox(from.workbench(), view.workbench());
        Node content = drawer.content();
        hideUntilEnd(content, touched);
        Animation boxToDrawer = travel(ghostBox, view.boundsOnOverlay(content), MOVE);
        SequentialTransition sequence = new SequentialTransition(boxToDrawer, reveal(content));
        sequence.getChildren().add(new Timeline(new KeyFrame(Duration.ZERO,
                e -> view.overlay().getChildren().remove(ghostBox))));
        if (ticket != null) {
            hideUntilEnd(ticket, touched);
            Node ghostTicket = ghost(new TicketView(fd), view.boundsOnOverlay(drawer));
            ghostTicket.setOpacity(0);
            Timeline appear = new Timeline(new KeyFrame(Duration.millis(120),
                    new KeyValue(ghostTicket.opacityProperty(), 1)));
            sequence.getChildren().addAll(appear, travel(ghostTicket, view.boundsOnOverlay(ticket), MOVE),
                    reveal(ticket), new Timeline(new KeyFrame(Duration.ZERO,
                            e -> view.overlay().getChildren().remove(ghostTicket))));
        }
        return sequence;
    }

    private Animation close(Picture from, Picture to, List<Node> touched) {
        Integer fd = changedDrawer(to);
        DrawerView drawer = fd == null ? null : view.cabinet().drawer(fd);
        if (to.workbench() == null || drawer == null) {
            return drawer == null ? new PauseTransition(Duration.ZERO) : pulse(drawer, touched);
        }
        return flyIn(view.box(), drawer, 0.35, touched);
    }

    private Animation release(Picture from, Picture to, List<Node> touched) {
        if (from.workbench() == null) {
            return poolFill(from, to);
        }
        Node ghost = ghostBox(from.workbench(), view.workbench());
        Bounds target = view.boundsOnOverlay(view.memoryCard());
        return new ParallelTransition(shrinkAway(ghost, target), poolFill(from, to));
    }

    /** A failed stage: the half-built box goes back to the memory manager. */
    private Animation rollBack(Picture from, Picture to, List<Node> touched) {
        if (from.workbench() == null) {
            return shake(view.stackCard(), touched);
        }
        Node ghost = ghostBox(from.workbench(), view.workbench());
        ghost.pseudoClassStateChanged(Css.ERROR, true);
        Bounds target = view.boundsOnOverlay(view.memoryCard());
        return new SequentialTransition(shakeNode(ghost), new ParallelTransition(shrinkAway(ghost, target),
                poolFill(from, to)));
    }

    private Animation flyIn(Node node, Node from, double fromScale, List<Node> touched) {
        touched.add(node);
        Point2D delta = centre(view.boundsOnOverlay(from)).subtract(centre(view.boundsOnOverlay(node)));
        node.setTranslateX(delta.getX());
        node.setTranslateY(delta.getY());
        node.setScaleX(fromScale);
        node.setScaleY(fromScale);
        node.setOpacity(0);
        return new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(node.translateXProperty(), delta.getX()),
                        new KeyValue(node.translateYProperty(), delta.getY()),
                        new KeyValue(node.scaleXProperty(), fromScale), new KeyValue(node.scaleYProperty(), fromScale),
                        new KeyValue(node.opacityProperty(), 0)),
                new KeyFrame(Duration.millis(250), new KeyValue(node.opacityProperty(), 1)),
                new KeyFrame(MOVE, new KeyValue(node.translateXProperty(), 0, Interpolator.EASE_BOTH),
                        new KeyValue(node.translateYProperty(), 0, Interpolator.EASE_BOTH),
                        new KeyValue(node.scaleXProperty(), 1, Interpolator.EASE_BOTH),
                        new KeyValue(node.scaleYProperty(), 1, Interpolator.EASE_BOTH)));
    }

    /** Moves an overlay node so its centre ends on the target's centre, scaling to fit it. */
    private Animation travel(Node ghost, Bounds target, Duration duration) {
        Bounds start = ghost.getBoundsInParent();
        Point2D delta = centre(target).subtract(centre(start));
        double scale = Math.min(1, Math.max(0.2, Math.min(target.getWidth() / start.getWidth(),
                target.getHeight() / start.getHeight())));
        return new Timeline(new KeyFrame(duration,
                new KeyValue(ghost.translateXProperty(), delta.getX(), Interpolator.EASE_BOTH),
                new KeyValue(ghost.translateYProperty(), delta.getY(), Interpolator.EASE_BOTH),
                new KeyValue(ghost.scaleXProperty(), scale, Interpolator.EASE_BOTH),
                new KeyValue(ghost.scaleYProperty(), scale, Interpolator.EASE_BOTH)));
    }

    private Animation shrinkAway(Node ghost, Bounds target) {
        Bounds start = ghost.getBoundsInParent();
        Point2D delta = centre(target).subtract(centre(start));
        return new Timeline(new KeyFrame(MOVE,
                new KeyValue(ghost.translateXProperty(), delta.getX(), Interpolator.EASE_IN),
                new KeyValue(ghost.translateYProperty(), delta.getY(), Interpolator.EASE_IN),
                new KeyValue(ghost.scaleXProperty(), 0.2, Interpolator.EASE_IN),
                new KeyValue(ghost.scaleYProperty(), 0.2, Interpolator.EASE_IN),
                new KeyValue(ghost.opacityProperty(), 0, Interpolator.EASE_IN)));
    }

    private Animation poolFill(Picture from, Picture to) {
        var fill = view.pool().fillFractionProperty();
        double start = MemoryPoolView.fractionOf(from.memoryUsed(), from.memoryCapacity());
        double end = MemoryPoolView.fractionOf(to.memoryUsed(), to.memoryCapacity());
        fill.set(start);
        return new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(fill, start)),
                new KeyFrame(MOVE, new KeyValue(fill, end, Interpolator.EASE_BOTH)));
    }

    private Animation shake(Node node, List<Node> touched) {
        touched.add(node);
        return shakeNode(node);
    }

    private static Animation shakeNode(Node node) {
        Timeline shake = new Timeline();
        double[] offsets = {0, -10, 10, -7, 7, -3, 0};
        for (int i = 0; i < offsets.length; i++) {
            shake.getKeyFrames().add(new KeyFrame(SHAKE.multiply((double) i / (offsets.length - 1)),
                    new KeyValue(node.translateXProperty(), offsets[i])));
        }
        return shake;
    }

    /** A step without an animation of its own: the drawers it changed pulse once. */
    private Animation pulseChanged(Picture to, List<Node> touched) {
        ParallelTransition pulses = new ParallelTransition();
        to.drawers().stream().filter(d -> d.changed()).forEach(d -> {
            DrawerView drawer = view.cabinet().drawer(d.fd());
            if (drawer != null) {
                pulses.getChildren().add(pulse(drawer, touched));
            }
        });
        return pulses;
    }

    private Animation pulse(Node node, List<Node> touched) {
        touched.add(node);
        return new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(node.scaleXProperty(), 1),
                new KeyValue(node.scaleYProperty(), 1)),
                new KeyFrame(Duration.millis(200), new KeyValue(node.scaleXProperty(), 1.08),
                        new KeyValue(node.scaleYProperty(), 1.08)),
                new KeyFrame(Duration.millis(420), new KeyValue(node.scaleXProperty(), 1),
                        new KeyValue(node.scaleYProperty(), 1)));
    }

    private Animation fadeIn(Node node, List<Node> touched) {
        touched.add(node);
        node.setOpacity(0);
        return new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(node.opacityProperty(), 0)),
                new KeyFrame(FADE, new KeyValue(node.opacityProperty(), 1)));
    }

    private static void hideUntilEnd(Node node, List<Node> touched) {
        touched.add(node);
        node.setOpacity(0);
    }

    private static Animation reveal(Node node) {
        return new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(node.opacityProperty(), 0)),
                new KeyFrame(Duration.millis(160), new KeyValue(node.opacityProperty(), 1)));
    }

    /** A copy of the box as it was on the workbench, on the overlay. */
    private Node ghostBox(ControlBlock socket, Region where) {
        SocketBoxView ghost = new SocketBoxView();
        ghost.show(socket, view.messages(), view.texts());
        ghost.getStyleClass().add("ghost");
        return ghost(ghost, view.boundsOnOverlay(where));
    }

    /** Puts a node on the overlay, centred on a place. */
    private Node ghost(Region node, Bounds centredOn) {
        node.setManaged(false);
        view.overlay().getChildren().add(node);
        node.applyCss();
        node.autosize();
        Point2D c = centre(centredOn);
        node.relocate(c.getX() - node.getWidth() / 2, c.getY() - node.getHeight() / 2);
        return node;
    }

    private TicketView ticketFor(int fd) {
        for (Node node : view.tickets().getChildren()) {
            if (node instanceof TicketView ticket && ticket.getText().equals(Integer.toString(fd))) {
                return ticket;
            }
        }
        return null;
    }

    private static Integer changedDrawer(Picture picture) {
        return picture.drawers().stream().filter(d -> d.changed()).map(d -> d.fd()).findFirst().orElse(null);
    }

    private static Point2D centre(Bounds b) {
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }
}
