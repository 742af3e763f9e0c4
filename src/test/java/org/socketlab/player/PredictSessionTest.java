// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.SocketType;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.loading.LessonFiles;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.source.LessonParseException;

/** Predict mode without the toolkit: questions, answers, score, and a lesson that never changes. */
class PredictSessionTest {
    private final Lesson lesson = BuiltInLessons.threeStages();
    private final Player player = new Player(lesson);
    private final PredictSession predict = new PredictSession(player);

    @Test
    void offByDefaultSoStepJustSteps() {
        for (int i = 0; i < 3; i++) {
            predict.step();
        }
        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(predict.askingProperty().get()).isNull();
    }

    @Test
    void beforeTheTicketIsIssuedTheClassIsAskedWhichNumber() {
        predict.setEnabled(true);
        predict.step();
        predict.step();

        predict.step();

        assertThat(player.getIndex()).as("the ticket is not shown before the answer").isEqualTo(2);
        PredictSession.Asking asking = predict.askingProperty().get();
        assertThat(asking.prediction().kind()).isEqualTo(PredictQuestion.Kind.TICKET);
        assertThat(asking.prediction().correctChoice()).isEqualTo("3");
        assertThat(asking.prediction().choices()).hasSizeBetween(3, 4).doesNotHaveDuplicates();
    }

    @Test
    void answeringScoresAndTheNextStepRevealsTheFrame() {
        predict.setEnabled(true);
        player.jumpTo(2);
        predict.step();
        PredictQuestion question = predict.askingProperty().get().prediction();

        predict.answer(question.answer());
        assertThat(predict.askingProperty().get().correct()).isTrue();
        assertThat(player.getIndex()).isEqualTo(2);
        predict.step();

        assertThat(player.getIndex()).isEqualTo(3);
        assertThat(predict.askingProperty().get()).isNull();
        assertThat(predict.correctProperty().get()).isOne();
        assertThat(predict.askedProperty().get()).isOne();
    }

    @Test
    void aWrongAnswerCountsAsAskedButNotCorrectAndIsNotAskedAgain() {
        predict.setEnabled(true);
        player.jumpTo(2);
        predict.step();
        PredictQuestion question = predict.askingProperty().get().prediction();
        predict.answer((question.answer() + 1) % question.choices().size());
        predict.step();
        player.back();

        predict.step();

        assertThat(player.getIndex()).as("already answered: no second question").isEqualTo(3);
        assertThat(predict.correctProperty().get()).isZero();
        assertThat(predict.askedProperty().get()).isOne();
    }

    @Test
    void turningPredictModeOffDropsTheOpenQuestionSoStepMovesOn() {
        predict.setEnabled(true);
        player.jumpTo(2);
        predict.step();
        assertThat(predict.askingProperty().get()).isNotNull();

        predict.setEnabled(false);

        assertThat(predict.askingProperty().get()).isNull();
        predict.step();
        assertThat(player.getIndex()).isEqualTo(3);
    }

    @Test
    void theSessionFollowsThePlayerItselfAndLetsGoWhenDisposed() {
        predict.setEnabled(true);
        player.jumpTo(2);
        predict.step();

        player.back();

        assertThat(predict.askingProperty().get()).as("a move away drops the question").isNull();
        predict.step();
        assertThat(predict.askingProperty().get()).isNull();
        predict.step();
        assertThat(predict.askingProperty().get()).isNotNull();
        predict.dispose();
        player.reset();
        assertThat(predict.askingProperty().get()).as("disposed: no longer following").isNotNull();
    }

    @Test
    void failuresAskForTheErrnoAndStateChangesForTheState() {
        Endpoint nowhere = new Endpoint(AddressFamily.AF_INET, "127.0.0.1", 9);
        int pid = MachineSetup.DEFAULT.pid();
        Lesson server = LessonScript.on(MachineSetup.DEFAULT)
                .call(0, pid, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0), LocalizedText.EMPTY)
                .call(1, pid, new Syscall.Listen(3, 4), LocalizedText.EMPTY)
                .call(2, pid, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0), LocalizedText.EMPTY)
                .call(3, pid, new Syscall.Connect(4, nowhere), LocalizedText.EMPTY)
                .build("server", LocalizedText.EMPTY, LocalizedText.EMPTY, List.of("a", "b", "c", "d"));

        PredictQuestion listen = PredictQuestions.before(server, 4).orElseThrow();
        PredictQuestion refused = PredictQuestions.before(server, server.size() - 1).orElseThrow();

        assertThat(listen.kind()).isEqualTo(PredictQuestion.Kind.STATE);
        assertThat(listen.correctChoice()).isEqualTo("TCP_LISTEN");
        assertThat(refused.kind()).isEqualTo(PredictQuestion.Kind.ERRNO);
        assertThat(refused.correctChoice()).isEqualTo("ECONNREFUSED");
    }

    @Test
    void predictionsNeverChangeTheLesson() throws LessonParseException {
        predict.setEnabled(true);
        while (player.canStepForward()) {
            predict.step();
            if (predict.askingProperty().get() != null && !predict.askingProperty().get().answered()) {
                predict.answer(0);
            }
        }
        assertThat(player.getLesson()).isSameAs(lesson);
        Lesson compiledAfresh = LessonFiles.loadResource(
                BuiltInLessons.find(BuiltInLessons.THREE_STAGES).orElseThrow().resource());
        assertThat(compiledAfresh).isNotSameAs(lesson);
        assertThat(lesson.frames()).isEqualTo(compiledAfresh.frames());
    }
}
