// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.narration;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.socketlab.player.PredictQuestion;
import org.socketlab.player.PredictSession;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/**
 * The question card of predict mode, laid over the diagram: the question, a button per choice
 * (keys 1 to 4), then whether the class was right. Shows nothing while no question is open.
 */
public final class PredictView extends VBox {
    private final Messages messages;
    private final PredictSession session;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final Label title = new Label(null, Icons.icon(Icons.PREDICT));
    private final Label question = new Label();
    private final HBox choices = new HBox();
    private final Label verdict = new Label();
    private final Label hint = new Label();

    public PredictView(Messages messages, PredictSession session) {
        this.messages = messages;
        this.session = session;
        getStyleClass().add("predict-card");
        setAlignment(Pos.CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        title.getStyleClass().add("predict-title");
        question.getStyleClass().add("predict-question");
        question.setWrapText(true);
        choices.getStyleClass().add("predict-choices");
        choices.setAlignment(Pos.CENTER);
        verdict.getStyleClass().add("predict-verdict");
        hint.getStyleClass().add("predict-hint");
        getChildren().addAll(title, question, choices, verdict, hint);
        subscriptions.onChange(this::show, session.askingProperty(), messages.localeProperty());
    }

    private void show() {
        PredictSession.Asking asking = session.askingProperty().get();
        setVisible(asking != null);
        if (asking == null) {
            choices.getChildren().clear();
            return;
        }
        PredictQuestion p = asking.prediction();
        title.setText(messages.get("predict.title"));
        question.setText(messages.get("predict.question." + p.kind().name(), p.subject()));
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < p.choices().size(); i++) {
            int choice = i;
            Label key = new Label(Integer.toString(i + 1));
            key.getStyleClass().add("predict-key");
            Button button = new Button(p.choices().get(i), key);
            button.getStyleClass().add("predict-choice");
            button.setFocusTraversable(false);
            button.setOnAction(e -> session.answer(choice));
            button.setDisable(asking.answered());
            button.pseudoClassStateChanged(Css.DONE, asking.answered() && i == p.answer());
            button.pseudoClassStateChanged(Css.ERROR, asking.answered() && i == asking.chosen() && !asking.correct());
            buttons.add(button);
        }
        choices.getChildren().setAll(buttons);
        verdict.setVisible(asking.answered());
        verdict.setManaged(asking.answered());
        verdict.pseudoClassStateChanged(Css.ERROR, asking.answered() && !asking.correct());
        verdict.setText(asking.answered() ? (asking.correct() ? messages.get("predict.right")
                : messages.get("predict.wrong", p.correctChoice())) : "");
        hint.setText(messages.get(asking.answered() ? "predict.reveal" : "predict.hint"));
    }

    public void dispose() {
        subscriptions.release();
    }
}
