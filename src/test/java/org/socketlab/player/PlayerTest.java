// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Lesson;

/** The player without the JavaFX toolkit: javafx.base properties only. */
class PlayerTest {
    private final Lesson lesson = BuiltInLessons.threeStages();
    private final Player player = new Player(lesson);

    @Test
    void startsAtTheStartingPictureWithBackDisabled() {
        assertThat(player.getIndex()).isZero();
        assertThat(player.getCount()).isEqualTo(7);
        assertThat(player.getCurrent().step().stage()).isEqualTo(Stage.START);
        assertThat(player.canStepBack()).isFalse();
        assertThat(player.canStepForward()).isTrue();
    }

    @Test
    void nStepsThenNBacksReturnToTheFirstSnapshot() {
        var first = player.getCurrent();
        for (int i = 0; i < 4; i++) {
            player.step();
        }
        assertThat(player.getIndex()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            player.back();
        }
        assertThat(player.getCurrent()).isSameAs(first);
    }

    @Test
    void theCanPropertiesFollowBothEnds() {
        player.jumpTo(player.getCount() - 1);

        assertThat(player.canStepForward()).isFalse();
        assertThat(player.canStepBack()).isTrue();
        player.step();
        assertThat(player.getIndex()).isEqualTo(6);

        player.reset();
        assertThat(player.getIndex()).isZero();
        assertThat(player.canStepBack()).isFalse();
        player.back();
        assertThat(player.getIndex()).isZero();
    }

    @Test
    void jumpToShowsThatFrameAndRejectsOutOfRange() {
        player.jumpTo(3);

        assertThat(player.getCurrent()).isSameAs(lesson.frame(3));
        assertThat(player.getCurrent().step().stage()).isEqualTo(Stage.ISSUE_DESCRIPTOR);
        assertThatThrownBy(() -> player.jumpTo(7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> player.jumpTo(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(player.getIndex()).isEqualTo(3);
    }

    @Test
    void positionChangesOnceAndOnlyAfterTheOtherPropertiesAgree() {
        List<String> seen = new ArrayList<>();
        player.positionProperty().addListener((obs, was, now) -> seen.add(
                now.index() + ":" + player.getIndex() + ":" + (player.getCurrent() == now.frame())));

        player.step();
        player.jumpTo(5);
        player.back();

        assertThat(seen).containsExactly("1:1:true", "5:5:true", "4:4:true");
    }

    @Test
    void playingStopsAtTheEndAndBackPauses() {
        player.play();
        assertThat(player.isPlaying()).isTrue();
        player.back();
        assertThat(player.isPlaying()).isFalse();

        player.play();
        while (player.canStepForward()) {
            player.step();
        }
        assertThat(player.isPlaying()).isFalse();

        player.play();
        assertThat(player.getIndex()).as("play at the end starts over").isZero();
        assertThat(player.isPlaying()).isTrue();
    }

    @Test
    void speedMustBePositiveAndInstantIsAllowed() {
        player.setSpeed(Player.INSTANT);
        assertThat(player.getSpeed()).isInfinite();
        assertThatThrownBy(() -> player.setSpeed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> player.setSpeed(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadingAnotherLessonKeepsTheStepWhereItCan() {
        player.jumpTo(5);
        Lesson other = BuiltInLessons.find("tcp-vs-udp").orElseThrow().lesson();
        assertThat(other.size()).isGreaterThan(lesson.size());

        player.load(other, player.getIndex());

        assertThat(player.getLesson()).isSameAs(other);
        assertThat(player.getIndex()).isEqualTo(5);
        assertThat(player.getCurrent()).isSameAs(other.frame(5));
        assertThat(player.getCount()).isEqualTo(other.size());
        player.load(lesson, 99);
        assertThat(player.getLesson()).isSameAs(lesson);
        assertThat(player.getIndex()).as("past the end: the last frame").isEqualTo(6);
        assertThat(player.canStepForward()).isFalse();
    }
}
