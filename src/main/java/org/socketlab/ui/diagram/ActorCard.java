// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.diagram;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketlab.ui.fit.ShrinkToFit;
import org.socketlab.ui.theme.Icons;

/**
 * A card for one actor of the story (the application, the protocol stack, the memory
 * manager, the cabinet): an icon, a title, a detail line and a body.
 */
final class ActorCard extends VBox {
    private final Label title = new Label();
    private final Label detail = new Label();
    /** What the card shows, drawn smaller when it needs more room than the card has. */
    private final StackPane body = new StackPane();
    private final ShrinkToFit fit = new ShrinkToFit(body);

    ActorCard(String styleClass, String iconCode) {
        getStyleClass().addAll("actor-card", styleClass);
        Label icon = new Label(null, Icons.icon(iconCode));
        icon.getStyleClass().add("actor-icon");
        title.getStyleClass().add("actor-title");
        detail.getStyleClass().add("actor-detail");
        // In a narrow card ("OS memory manager" at 1024 px) the words wrap onto a second line
        // rather than end in "…"; the icon keeps its size.
        title.setWrapText(true);
        detail.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        icon.setMinWidth(Region.USE_PREF_SIZE);
        VBox titles = new VBox(title, detail);
        titles.getStyleClass().add("actor-titles");
        titles.setMinWidth(0);
        HBox.setHgrow(titles, Priority.ALWAYS);
        HBox header = new HBox(icon, titles);
        header.getStyleClass().add("actor-header");
        body.getStyleClass().add("actor-body");
        VBox.setVgrow(fit, Priority.ALWAYS);
        getChildren().addAll(header, fit);
    }

    Label title() {
        return title;
    }

    Label detail() {
        return detail;
    }

    void setBody(Node content) {
        body.getChildren().setAll(content);
    }
}
