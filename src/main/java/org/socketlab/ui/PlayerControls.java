// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.player.Player;
import org.socketlab.ui.common.HoverTips;
import org.socketlab.ui.common.Segments;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Icons;

/**
 * Reset, Back, Play/Pause, Step, the step slider with "step k of N" and the speed control —
 * each bound to the player and disabled when it cannot act.
 */
final class PlayerControls extends HBox {
    /** The speeds the speed control offers. */
    static final List<Double> SPEEDS = List.of(0.5, 1.0, 1.5, 2.0, 4.0);

    private final Player player;
    private final Messages messages;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final Button reset = new Button(null, Icons.icon(Icons.RESET));
    private final Button back = new Button(null, Icons.icon(Icons.BACK));
    private final FontIcon playIcon = Icons.icon(Icons.PLAY);
    private final Button play = new Button(null, playIcon);
    private final Button step = new Button(null, Icons.icon(Icons.STEP));
    private final Slider slider = new Slider();
    private final Label position = new Label();
    private final Label speedLabel = new Label(null, Icons.icon(Icons.SPEED));
    private final Segments<Double> speed;
    /** True while the slider is being set to the player's position: only the user's moves drive the player. */
    private boolean following;

    PlayerControls(Player player, Messages messages, Runnable stepForward) {
        this.player = player;
        this.messages = messages;
        speed = new Segments<>("speed", SPEEDS, this::speedName);
        getStyleClass().add("player-controls");
        reset.setId("reset");
        back.setId("back");
        play.setId("play");
        step.setId("step");
        slider.setId("step-slider");
        position.setId("position");
        play.getStyleClass().add("primary");
        step.getStyleClass().add("primary");
        for (Button b : List.of(reset, back, play, step)) {
            b.getStyleClass().add("player-button");
        }
        HoverTips.install(reset, () -> messages.get("controls.reset.tip"));
        HoverTips.install(back, () -> messages.get("controls.back.tip"));
        HoverTips.install(play, () -> messages.get("controls.play.tip"));
        HoverTips.install(step, () -> messages.get("controls.step.tip"));
        reset.setOnAction(e -> player.reset());
        back.setOnAction(e -> player.back());
        play.setOnAction(e -> player.togglePlay());
        step.setOnAction(e -> stepForward.run());
        reset.disableProperty().bind(player.canStepBackProperty().not());
        back.disableProperty().bind(player.canStepBackProperty().not());
        step.disableProperty().bind(player.canStepForwardProperty().not());
        play.disableProperty().bind(player.countProperty().lessThan(2));

        slider.getStyleClass().add("step-slider");
        slider.setMin(0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setFocusTraversable(false);
        slider.disableProperty().bind(player.countProperty().lessThan(2));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        subscriptions.add(slider.valueProperty().subscribe(value -> {
            int target = (int) Math.round(value.doubleValue());
            if (!following && target != player.getIndex() && target >= 0 && target < player.getCount()) {
                player.jumpTo(target);
            }
        }));
        position.getStyleClass().add("position");
        position.setMinWidth(USE_PREF_SIZE);

        // The choice follows the player; a speed it does not offer (instant) presses none.
        subscriptions.add(player.speedProperty().subscribe(value -> speed.setValue(value.doubleValue())));
        subscriptions.add(speed.valueProperty().subscribe(value -> {
            if (value != null && value != player.getSpeed()) {
                player.setSpeed(value);
            }
        }));
        speedLabel.getStyleClass().add("speed-label");
        speedLabel.setLabelFor(speed);

        getChildren().addAll(reset, back, play, step, slider, position, speedLabel, speed);
        subscriptions.onChange(this::showPosition, player.positionProperty(), messages.localeProperty());
        subscriptions.onChange(this::relabel, player.playingProperty(), messages.localeProperty());
    }

    private void showPosition() {
        int count = player.getCount();
        // A shorter lesson lowers the maximum, and the slider clamps its value to it: that is not
        // the user asking for that step (it used to throw a new lesson to its end).
        following = true;
        try {
            slider.setMax(Math.max(1, count - 1));
            slider.setValue(player.getIndex());
        } finally {
            following = false;
        }
        position.setText(messages.get("controls.position", player.getIndex(), count - 1));
    }

    private void relabel() {
        boolean playing = player.isPlaying();
        playIcon.setIconLiteral(playing ? Icons.PAUSE : Icons.PLAY);
        reset.setText(messages.get("controls.reset"));
        back.setText(messages.get("controls.back"));
        play.setText(messages.get(playing ? "controls.pause" : "controls.play"));
        step.setText(messages.get("controls.step"));
        speedLabel.setText(messages.get("controls.speed"));
        speed.relabel(this::speedName);
    }

    private String speedName(Double value) {
        return messages.get("controls.speedValue", value);
    }

    void dispose() {
        subscriptions.release();
        for (Button b : List.of(reset, back, play, step)) {
            b.disableProperty().unbind();
        }
        slider.disableProperty().unbind();
    }
}
