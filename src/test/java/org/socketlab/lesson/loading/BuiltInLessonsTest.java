// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LocalizedText;

/** The shipped lessons: listed in order, narrated in both languages, short, and playable to the end. */
class BuiltInLessonsTest {
    private static final String CJK = ".*[\\u4e00-\\u9fff].*";

    static List<BuiltInLesson> lessons() {
        return BuiltInLessons.all();
    }

    @Test
    void theListHasTheLessonsInOrderAndOpensWithThreeStages() {
        assertThat(BuiltInLessons.all()).extracting(BuiltInLesson::id).containsExactly("three-stages", "tcp-vs-udp",
                "three-tabs", "leak", "wrong-arguments", "out-of-memory", "fork", "after-socket", "connection-life",
                "reset", "nonblocking-connect", "linger-zero", "udp-refused", "exec-cloexec", "udp-datagrams",
                "threads");
        assertThat(BuiltInLessons.threeStages()).isSameAs(BuiltInLessons.all().get(0).lesson());
        assertThat(BuiltInLessons.find("leak")).map(BuiltInLesson::resource).hasValue("/assets/lessons/leak.c");
        assertThat(BuiltInLessons.find("nope")).isEmpty();
    }

    @Test
    void threeStagesIsTwoTcpSocketsOnTwoCodeLines() {
        Lesson lesson = BuiltInLessons.threeStages();

        assertThat(lesson.id()).isEqualTo(BuiltInLessons.THREE_STAGES);
        assertThat(lesson.title().en()).isEqualTo("socket(): three stages");
        assertThat(lesson.size()).isEqualTo(7);
        assertThat(lesson.frames()).extracting(f -> f.step().stage()).containsExactly(Stage.START,
                Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR,
                Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR);
        assertThat(lesson.frames()).extracting(Frame::codeLine).containsExactly(-1, 2, 2, 2, 3, 3, 3);
        assertThat(lesson.frame(3).step().outcome()).isEqualTo(new Outcome.Success(3));
        assertThat(lesson.frame(6).step().outcome()).isEqualTo(new Outcome.Success(4));
        // a complete C program (the build runs it on the real kernel) in four lines, so that it fits at 1024x700
        assertThat(lesson.code()).containsExactly("#include <sys/socket.h>", "int main(void) {",
                "    socket(AF_INET, SOCK_STREAM, 0);", "    socket(AF_INET, SOCK_STREAM, 0); }");
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void hasATitleAndDescriptionInBothLanguages(BuiltInLesson builtIn) {
        for (LocalizedText text : List.of(builtIn.title(), builtIn.description())) {
            assertThat(text.zh()).as(builtIn.id()).matches(CJK);
            assertThat(text.en()).as(builtIn.id()).isNotBlank().doesNotMatch(CJK);
        }
        assertThat(builtIn.lesson().title()).isEqualTo(builtIn.title());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void narratesEveryCallInBothLanguagesOnEveryFrame(BuiltInLesson builtIn) {
        Lesson lesson = builtIn.lesson();
        for (Frame frame : lesson.frames().subList(1, lesson.size())) {
            assertThat(frame.say().zh()).as("%s %s", builtIn.id(), frame.step().call()).matches("(?s)" + CJK);
            assertThat(frame.say().en()).as("%s %s", builtIn.id(), frame.step().call()).isNotBlank()
                    .doesNotMatch("(?s)" + CJK);
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void isShortAndEveryCallReturnsSoItPlaysToTheEnd(BuiltInLesson builtIn) {
        Lesson lesson = builtIn.lesson();

        // the life of a connection, from socket() to the restart, is the longest
        assertThat(lesson.size()).as(builtIn.id()).isBetween(7, 40);
        assertThat(lesson.frame(lesson.size() - 1).step().outcome().isReturned()).isTrue();
        assertThat(lesson.frames()).extracting(f -> f.step().outcome()).doesNotContain(Outcome.BLOCKED);
        assertThat(builtIn.lesson()).as("compiled once").isSameAs(lesson);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void theCodePanelShowsCodeWithoutDirectivesOrNarration(BuiltInLesson builtIn) {
        Lesson lesson = builtIn.lesson();

        assertThat(lesson.code()).noneMatch(line -> line.contains("say:") || line.matches("\\s*// *[a-z-]+:.*"));
        assertThat(lesson.code().get(0)).isNotBlank();
        for (Frame frame : lesson.frames().subList(1, lesson.size())) {
            String shown = lesson.code().get(frame.codeLine());
            String call = frame.step().call().name();
            String written = call.equals("exit") ? "(exit\\(|return |pthread_exit\\()"
                    : call.equals("execve") ? "exec(l|v|ve)\\("
                    : call.equals("clone") ? "pthread_create\\(" : call + "\\(";
            assertThat(shown).as("%s frame for %s", builtIn.id(), call).containsPattern(written);
        }
    }
}
