// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.diagram;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketlab.player.Cabinet;
import org.socketlab.player.Picture;
import org.socketlab.ui.cabinet.CabinetView;
import org.socketlab.ui.cabinet.FieldTexts;
import org.socketlab.ui.cabinet.MemoryPoolView;
import org.socketlab.ui.cabinet.SocketBoxView;
import org.socketlab.ui.cabinet.TicketView;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/**
 * The animated diagram: the application, the protocol stack with its workbench, the memory
 * manager, and the descriptor cabinet. At rest it is drawn from the current {@link Picture}
 * alone; the {@link Choreographer} animates between two pictures on the overlay.
 */
public final class DiagramView extends StackPane {
    private final Messages messages;
    private final FieldTexts texts;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final ObservableValue<Picture> picture;

    private final ActorCard application = new ActorCard("application-card", Icons.APPLICATION);
    private final ActorCard stack = new ActorCard("stack-card", Icons.STACK);
    private final ActorCard memory = new ActorCard("memory-card", Icons.MEMORY);
    private final ActorCard cabinetCard = new ActorCard("cabinet-card", Icons.CABINET);

    private final Label ticketsTitle = new Label();
    private final FlowPane tickets = new FlowPane();
    private final Label noTickets = new Label();
    private final Label moreTickets = new Label();
    private final Label result = new Label();
    private final StackPane workbench = new StackPane();
    private final Label workbenchEmpty = new Label();
    private final SocketBoxView box = new SocketBoxView();
    private final MemoryPoolView pool = new MemoryPoolView();
    private final CabinetView cabinet = new CabinetView();
    private final Pane overlay = new Pane();

    private final ViewOptions options;

    public DiagramView(Messages messages, ObservableValue<Picture> picture, ViewOptions options) {
        this.messages = messages;
        this.options = options;
        this.texts = new FieldTexts(messages);
        this.picture = picture;
        getStyleClass().add("diagram");

        ticketsTitle.getStyleClass().add("section-label");
        tickets.getStyleClass().add("tickets");
        noTickets.getStyleClass().add("muted");
        moreTickets.getStyleClass().addAll("muted", "more-tickets");
        result.getStyleClass().add("call-result");
        result.setWrapText(true);
        VBox applicationBody = new VBox(ticketsTitle, tickets, result);
        applicationBody.getStyleClass().add("application-body");
        application.setBody(applicationBody);

        workbench.getStyleClass().add("workbench");
        workbenchEmpty.getStyleClass().add("workbench-empty");
        workbenchEmpty.setWrapText(true);
        stack.setBody(workbench);
        memory.setBody(pool);
        cabinetCard.setBody(cabinet);

        Cards content = new Cards(application, stack, memory, cabinetCard);
        content.getStyleClass().add("diagram-content");

        overlay.setMouseTransparent(true);
        overlay.getStyleClass().add("diagram-overlay");
        getChildren().addAll(content, overlay);

        subscriptions.onChange(this::showCurrent, picture, messages.localeProperty(), options.kernelViewProperty());
    }

    private void showCurrent() {
        show(picture.getValue());
    }

    /**
     * The four cards in fixed shares of the diagram: the application, the stack and the memory
     * manager side by side above the cabinet. The shares depend on nothing a step shows, so the
     * cards hold still; a card whose content needs more room draws it smaller inside.
     */
    static final class Cards extends Region {
        static final double GAP = 12;
        static final double ACTORS_SHARE = 0.56;
        static final double[] WIDTH_SHARES = {0.31, 0.36, 0.33};
        private final List<ActorCard> actors;
        private final ActorCard cabinet;

        Cards(ActorCard application, ActorCard stack, ActorCard memory, ActorCard cabinet) {
            this.actors = List.of(application, stack, memory);
            this.cabinet = cabinet;
            getChildren().addAll(application, stack, memory, cabinet);
        }

        @Override
        protected void layoutChildren() {
            double width = getWidth();
            double height = getHeight();
            double actorsHeight = Math.round((height - GAP) * ACTORS_SHARE);
            double inner = width - GAP * (actors.size() - 1);
            double x = 0;
            for (int i = 0; i < actors.size(); i++) {
                double w = i == actors.size() - 1 ? width - x : Math.round(inner * WIDTH_SHARES[i]);
                actors.get(i).resizeRelocate(x, 0, w, actorsHeight);
                x += w + GAP;
            }
            cabinet.resizeRelocate(0, actorsHeight + GAP, width, height - actorsHeight - GAP);
        }
    }

    /** Draws a picture at rest: nothing half-way, nothing on the overlay. */
    void show(Picture p) {
        overlay.getChildren().clear();
        application.title().setText(messages.get("actor.application"));
        application.detail().setText(p.leader() >= 0
                ? messages.get("actor.application.thread", p.processName(), p.step().pid(), p.leader())
                : messages.get("actor.application.detail", p.processName(), p.step().pid()));
        stack.title().setText(messages.get("actor.stack"));
        String view = options.isKernelView() ? ".kernel" : "";
        stack.detail().setText(messages.get("actor.stack.detail" + view));
        memory.title().setText(messages.get("actor.memory"));
        memory.detail().setText(messages.get("actor.memory.detail" + view));
        cabinetCard.title().setText(messages.get("actor.cabinet"));
        Cabinet shared = p.cabinets().size() == 1 && p.cabinets().get(0).shared()
                ? p.cabinets().get(0) : null;
        cabinetCard.detail().setText(options.isKernelView() ? messages.get("actor.cabinet.detail.kernel", p.limit())
                : p.cabinets().size() > 1 ? messages.get("actor.cabinets.detail")
                : shared != null ? messages.get("actor.cabinet.detail.threads", p.processName(), p.limit(),
                        String.join(", ", shared.pids().stream().map(String::valueOf).toList()))
                : messages.get("actor.cabinet.detail", p.processName(), p.limit()));

        ticketsTitle.setText(messages.get("application.tickets"));
        List<Node> ticketViews = new ArrayList<>();
        if (p.ticketsHidden() > 0) {
            moreTickets.setText(messages.get("application.moreTickets", p.ticketsHidden()));
            ticketViews.add(moreTickets);
        }
        for (int fd : p.ticketsShown()) {
            ticketViews.add(new TicketView(fd));
        }
        noTickets.setText(messages.get("application.noTickets"));
        tickets.getChildren().setAll(ticketViews.isEmpty() ? List.of(noTickets) : ticketViews);
        result.setText(texts.result(p));
        result.setVisible(!result.getText().isEmpty());
        boolean failed = p.callFailed();
        result.pseudoClassStateChanged(Css.ERROR, failed);
        // "close() returned 0" stays on one line (the card draws its body a little smaller if it must);
        // an errno's explanation is a sentence and wraps.
        result.setWrapText(failed);
        result.setMinWidth(failed ? Region.USE_COMPUTED_SIZE : Region.USE_PREF_SIZE);

        if (p.workbench() != null) {
            box.show(p.workbench(), messages, texts);
            workbench.getChildren().setAll(box);
        } else {
            workbenchEmpty.setText(messages.get("workbench.empty"));
            workbench.getChildren().setAll(workbenchEmpty);
        }
        stack.pseudoClassStateChanged(Css.ERROR, p.callFailed());
        stack.pseudoClassStateChanged(Css.ACTIVE, p.stage().isSocketStage());
        pool.show(p, messages, texts);
        cabinet.show(p.cabinets(), messages);
        for (Node node : List.of(box, workbench, pool, tickets, result, cabinet)) {
            resetTransient(node);
        }
    }

    /** Puts a node back at rest after an animation moved, scaled or faded it. */
    static void resetTransient(Node node) {
        node.setOpacity(1);
        node.setTranslateX(0);
        node.setTranslateY(0);
        node.setScaleX(1);
        node.setScaleY(1);
    }

    /** A node's bounds in overlay coordinates (layout must be current). */
    Bounds boundsOnOverlay(Node node) {
        return overlay.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    }

    Pane overlay() {
        return overlay;
    }

    ActorCard applicationCard() {
        return application;
    }

    ActorCard stackCard() {
        return stack;
    }

    ActorCard memoryCard() {
        return memory;
    }

    StackPane workbench() {
        return workbench;
    }

    SocketBoxView box() {
        return box;
    }

    MemoryPoolView pool() {
        return pool;
    }

    CabinetView cabinet() {
        return cabinet;
    }

    FlowPane tickets() {
        return tickets;
    }

    Label result() {
        return result;
    }

    Messages messages() {
        return messages;
    }

    FieldTexts texts() {
        return texts;
    }

    /** Stops listening to the picture and the locale. */
    public void dispose() {
        subscriptions.release();
    }
}
