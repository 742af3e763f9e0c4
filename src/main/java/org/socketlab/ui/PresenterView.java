// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;
import org.socketlab.ui.common.FxImages;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Theme;

/**
 * What only the presenter sees, on the laptop while the projector shows the picture: the step
 * counter, the time since the presentation began, the current step with its narration in full
 * (the other language too, on demand) and the step that comes next, each beside its picture
 * (drawn by an {@link OffscreenWindow}: the presenter sees what the class sees, and what comes).
 */
final class PresenterView extends VBox {
    private final Player player;
    private final Messages messages;
    private final LongSupplier nanoTime;
    private final long started;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final Label position = new Label();
    private final Label clock = new Label();
    private final Label nowTitle = new Label();
    private final Label nowChip = new Label();
    private final Label nowText = new Label();
    private final Label otherText = new Label();
    private final Label nextTitle = new Label();
    private final Label nextChip = new Label();
    private final Label nextText = new Label();
    private final CheckBox both = new CheckBox();
    private final ImageView nowPicture = picture();
    private final ImageView nextPicture = picture();
    private final Theme theme;
    private final Timeline ticking;
    private OffscreenWindow pictures;

    /** A picture's width in the presenter view. */
    static final double PICTURE_WIDTH = 480;

    PresenterView(Player player, Messages messages, Theme theme, LongSupplier nanoTime) {
        this.player = player;
        this.messages = messages;
        this.theme = theme;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        getStyleClass().add("presenter-view");
        position.getStyleClass().add("presenter-position");
        clock.getStyleClass().add("presenter-clock");
        both.getStyleClass().add("presenter-both");
        both.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(position, spacer, both, clock);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("presenter-top");
        HBox now = beside(section("presenter-now", nowTitle, nowChip, nowText, otherText), nowPicture);
        HBox next = beside(section("presenter-next", nextTitle, nextChip, nextText), nextPicture);
        VBox.setVgrow(now, Priority.ALWAYS);
        getChildren().addAll(top, now, next);
        subscriptions.onChange(this::show, player.indexProperty(), player.lessonProperty(),
                messages.localeProperty(), both.selectedProperty());
        ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
        ticking.play();
        tick();
    }

    private static VBox section(String styleClass, Label title, Label chip, Label... texts) {
        title.getStyleClass().add("presenter-heading");
        chip.getStyleClass().add("presenter-chip");
        VBox box = new VBox(title, chip);
        for (Label text : texts) {
            text.getStyleClass().add("presenter-text");
            text.setWrapText(true);
            text.setMinHeight(USE_PREF_SIZE);
            box.getChildren().add(text);
        }
        box.getStyleClass().addAll("presenter-section", styleClass);
        return box;
    }

    private static ImageView picture() {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.setFitWidth(PICTURE_WIDTH);
        view.getStyleClass().add("presenter-picture");
        return view;
    }

    private static HBox beside(VBox words, ImageView picture) {
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(words, picture);
        row.getStyleClass().add("presenter-row");
        return row;
    }

    /** The pictures of frame {@code index} and the next, drawn off screen in the window's language. */
    private void showPictures(Lesson lesson, int index, boolean last) {
        if (pictures == null || pictures.lesson() != lesson
                || !pictures.messages().getLocale().equals(messages.getLocale())) {
            if (pictures != null) {
                pictures.close();
            }
            pictures = OffscreenWindow.open(lesson, messages.getLocale(), theme, 1280, 800);
        }
        nowPicture.setImage(snapshot(index));
        nextPicture.setImage(last ? null : snapshot(index + 1));
    }

    private Image snapshot(int index) {
        pictures.show(index);
        return FxImages.of(pictures.snapshot(PictureArea.CANVAS, 1));
    }

    /** The picture of the current step (for tests). */
    Image nowPicture() {
        return nowPicture.getImage();
    }

    /** The picture of the next step, or null after the last (for tests). */
    Image nextPicture() {
        return nextPicture.getImage();
    }

    private void show() {
        Lesson lesson = player.getLesson();
        int index = player.getIndex();
        position.setText(messages.get("presenter.position", index, lesson.size() - 1));
        nowTitle.setText(messages.get("presenter.now"));
        nextTitle.setText(messages.get("presenter.next"));
        both.setText(messages.get("presenter.both"));
        nowChip.setText(chip(messages, lesson, index));
        nowText.setText(narration(messages, lesson, index));
        Locale other = otherLanguage();
        boolean showOther = both.isSelected() && other != null;
        otherText.setVisible(showOther);
        otherText.setManaged(showOther);
        otherText.setText(showOther ? narration(new Messages(other), lesson, index) : "");
        boolean last = index + 1 >= lesson.size();
        nextChip.setText(last ? messages.get("presenter.end") : chip(messages, lesson, index + 1));
        nextText.setText(last ? "" : narration(messages, lesson, index + 1));
        showPictures(lesson, index, last);
    }

    /** The first language the app has besides the window's, or null. */
    private Locale otherLanguage() {
        return Languages.available().stream()
                .filter(l -> !l.getLanguage().equals(messages.getLocale().getLanguage()))
                .findFirst().orElse(null);
    }

    private static String chip(Messages messages, Lesson lesson, int index) {
        return messages.get("presenter.step", index, messages.get("stage." + Picture.of(lesson, index).stageKey() + ".chip"));
    }

    private static String narration(Messages messages, Lesson lesson, int index) {
        Picture picture = Picture.of(lesson, index);
        String say = messages.lessonText(picture.say());
        String story = messages.narration(picture.step().narration());
        return say.isEmpty() ? story : say + "\n" + story;
    }

    /** Shows the time since the presentation began. */
    void tick() {
        clock.setText(elapsed((nanoTime.getAsLong() - started) / 1_000_000_000L));
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    static String elapsed(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    void dispose() {
        ticking.stop();
        subscriptions.release();
        if (pictures != null) {
            pictures.close();
            pictures = null;
        }
    }
}
