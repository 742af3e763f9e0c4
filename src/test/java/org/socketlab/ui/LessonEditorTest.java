// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Labeled;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.loading.LessonFiles;
import org.socketlab.lesson.loading.LessonTemplates;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.player.Player;
import org.socketlab.ui.editor.EditorView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** View › Editor: the lesson's C file beside the picture, compiled again a moment after typing stops. */
@ExtendWith(ApplicationExtension.class)
class LessonEditorTest {
    private Player player;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private EditorView openEditor(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editorShownProperty().get()).as("Ctrl+L shows the editor").isTrue();
        EditorView editor = robot.lookup(".editor-panel").queryAs(EditorView.class);
        assertThat(editor.isTyping()).as("the editor has the keyboard").isTrue();
        return editor;
    }

    private static void caretTo(FxRobot robot, EditorView editor, int paragraph, int column) {
        robot.interact(() -> editor.area().moveTo(paragraph, column));
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheLessonFileWithTheCurrentStepsLineMarked(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        EditorView editor = openEditor(robot);
        assertThat(editor.area().getText()).contains("socket(AF_INET, SOCK_STREAM, 0);")
                .contains("// title: socket()：三个阶段");
        assertThat(editor.area().isEditable()).isTrue();
        int line = player.getCurrent().codeLine();
        assertThat(line).isNotNegative();
        assertThat(editor.markedParagraph()).as("the first socket() call, line 6 of the file").isEqualTo(5);
        assertThat(editor.area().getParagraph(5).getParagraphStyle()).contains("current-step");
        assertThat(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(5, 5)))
                .as("socket's constants coloured").isEmpty();
        assertThat(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(5, 12)))
                .contains("c-constant");
        assertThat(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(0, 3)))
                .contains("c-comment");
    }

    @Test
    void typingASecondCallAnimatesItAtTheSameStepAndTheWindowKeysLeaveTheTypingAlone(FxRobot robot)
            throws Exception {
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        int step = player.getIndex();
        int frames = player.getCount();
        Lesson before = player.getLesson();
        EditorView editor = openEditor(robot);
        caretTo(robot, editor, 7, 0);
        robot.write("    socket(AF_INET, SOCK_DGRAM, 0);\n");
        robot.type(KeyCode.HOME, KeyCode.B, KeyCode.BACK_SPACE, KeyCode.SPACE, KeyCode.BACK_SPACE);
        assertThat(player.getIndex()).as("Home, B and Space went to the editor, not the player").isEqualTo(step);
        // (the robot may pause mid-word on a busy machine: a half-typed text is compiled and shown too.
        // Compiling what was typed now makes its outcome the one shown: latest wins, an older one on
        // its way is dropped.)
        robot.interact(editor::compile);
        waitUntil(() -> player.getCount() > frames && editor.problemText().isEmpty());
        assertThat(player.getLesson()).isNotSameAs(before);
        assertThat(player.getIndex()).as("still at the same step").isEqualTo(step);
        assertThat(editor.problemText()).isEmpty();
        assertThat(editor.area().getText()).contains("socket(AF_INET, SOCK_DGRAM, 0);");
        Set<Integer> marked = new TreeSet<>();
        for (int i = 0; i < player.getCount(); i++) {
            int frame = i;
            robot.interact(() -> player.jumpTo(frame));
            marked.add(editor.markedParagraph());
        }
        assertThat(marked).as("the new call's line is marked at its steps").contains(5, 7, 8);
    }

    @Test
    void aTypoIsUnderlinedWithTheCompilersMessageAndTheLastGoodPictureStays(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT);
        Lesson good = player.getLesson();
        int step = player.getIndex();
        EditorView editor = openEditor(robot);
        caretTo(robot, editor, 5, 9);
        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> !editor.problemText().isEmpty());
        assertThat(editor.problemText()).startsWith("three-stages.c:6:5: ").contains("sockt").contains("^")
                .contains("hint: ");
        assertThat(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(5, 6))).contains("typo");
        assertThat(player.getLesson()).as("the last good lesson stays up").isSameAs(good);
        assertThat(player.getIndex()).isEqualTo(step);
        assertThat(robot.lookup(".editor-status").queryLabeled().getText()).startsWith("Does not compile");

        robot.write("e");
        waitUntil(() -> editor.problemText().isEmpty());
        assertThat(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(5, 6))).doesNotContain("typo");
        assertThat(player.getLesson()).isNotSameAs(good);
        assertThat(player.getIndex()).isEqualTo(step);
    }

    @Test
    void theEditorSpeaksChineseAndHidesAgainWithCtrlL(FxRobot robot) {
        openEditor(robot);
        robot.interact(() -> window.messages().localeProperty().set(Locale.CHINESE));
        assertThat(robot.lookup(".editor-panel .panel-title").queryLabeled().getText()).isEqualTo("课程代码（边输入边编译）");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editorShownProperty().get()).isFalse();
        assertThat(robot.lookup(".editor-panel").tryQuery()).isEmpty();
        robot.type(KeyCode.RIGHT);
        assertThat(player.getIndex()).as("keys drive the player again").isEqualTo(1);
    }

    @Test
    void fileNewLessonTcpServerOpensTheTemplateInTheEditorAndASecondSocketAnimates(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".menu-bar .menu").nth(0).queryAs(Labeled.class));
        robot.clickOn("New lesson");
        robot.clickOn("TCP server");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.editorShownProperty().get()).isTrue();
        EditorView editor = robot.lookup(".editor-panel").queryAs(EditorView.class);
        assertThat(player.getLesson().id()).isEqualTo("tcp-server");
        assertThat(editor.area().getText()).contains("listen(srv, 8);");
        assertThat(editor.isTyping()).isTrue();
        Lesson template = player.getLesson();
        int sockets = (int) template.code().stream().filter(l -> l.contains("socket(")).count();
        int paragraph = editor.area().getText().lines().toList().indexOf("    close(srv);");
        caretTo(robot, editor, paragraph, 0);
        robot.write("    int more = socket(AF_INET, SOCK_DGRAM, 0);\n");
        waitUntil(() -> player.getLesson().code().stream().filter(l -> l.contains("socket(")).count() == sockets + 1L);
        assertThat(player.getCount()).isGreaterThan(template.size());
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void saveWritesTheWholeTextToTheLessonsFileAndSaveAsMovesATemplateIntoAFile(FxRobot robot) throws Exception {
        EditorView editor = openEditor(robot);
        robot.interact(() -> window.newLesson("udp"));
        Path file = dir.resolve("mine.c");
        robot.interact(() -> window.saveLessonTo(file));
        assertThat(Files.readString(file)).isEqualTo(editor.area().getText());
        assertThat(editor.file()).isEqualTo(file);
        waitUntil(() -> player.getLesson().origin().equals(new LessonOrigin.File(file)));

        caretTo(robot, editor, 0, 0);
        robot.write("// 我的第一课\n");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(file)).startsWith("// 我的第一课\n// title:")
                .isEqualTo(editor.area().getText());
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left beside it").containsExactly(file);
        }
    }

    @Test
    void unsavedChangesGoToAnAutosaveBesideTheFileAndComeBackWhenItOpensAgain(FxRobot robot) throws Exception {
        Path file = dir.resolve("crash.c");
        Files.writeString(file, LessonTemplates.text("many-sockets"));
        Path autosave = dir.resolve(".crash.c.autosave");
        robot.interact(() -> {
            try {
                player.load(LessonFiles.load(file), 0);
            } catch (LessonParseException e) {
                throw new AssertionError(e);
            }
        });
        EditorView editor = openEditor(robot);
        caretTo(robot, editor, 0, 0);
        // pasted (Ctrl+V): one insertion, so the pause cannot fall between two typed keys and autosave
        // (and compile) half a line; the autosave comes one pause after it, whatever the load
        robot.interact(() -> Clipboard.getSystemClipboard()
                .setContent(Map.of(DataFormat.PLAIN_TEXT, "// 改了\n")));
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        assertThat(editor.area().getText()).startsWith("// 改了\n// title:");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(autosave));
        assertThat(Files.readString(autosave)).as("the whole text, never half a line")
                .isEqualTo(editor.area().getText());
        assertThat(Files.readString(file)).as("the file itself untouched")
                .isEqualTo(LessonTemplates.text("many-sockets"));

        // the window goes (a crash): the file opens again in a new window, with the changes
        robot.interact(() -> player.load(BuiltInLessons.threeStages(), 0));
        robot.interact(() -> {
            try {
                player.load(LessonFiles.load(file), 0);
            } catch (LessonParseException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(editor.area().getText()).startsWith("// 改了\n// title:");
        assertThat(robot.lookup(".editor-status").queryLabeled().getText()).startsWith("Unsaved changes");

        robot.interact(() -> window.saveLessonTo(file));
        assertThat(Files.readString(file)).startsWith("// 改了\n");
        assertThat(autosave).as("saved: the autosave goes").doesNotExist();
    }

    @Test
    void anUnsavedDraftComesBackIntoThePictureWhileTheEditorIsHidden(FxRobot robot) throws Exception {
        Path file = dir.resolve("draft.c");
        String saved = LessonTemplates.text("many-sockets");
        Files.writeString(file, saved);
        String draft = saved.replace("| Many sockets", "| Many sockets, unsaved");
        Files.writeString(EditorView.autosaveOf(file), draft);
        assertThat(window.editorShownProperty().get()).isFalse();

        robot.interact(() -> {
            try {
                player.load(LessonFiles.load(file), 0);
            } catch (LessonParseException e) {
                throw new AssertionError(e);
            }
        });
        waitUntil(() -> robot.lookup(".lesson-title").queryLabeled().getText().equals("Many sockets, unsaved"));
        assertThat(window.editorShownProperty().get()).as("the editor stays hidden").isFalse();

        EditorView editor = openEditor(robot);
        assertThat(editor.area().getText()).isEqualTo(draft);
        assertThat(robot.lookup(".editor-status").queryLabeled().getText()).startsWith("Unsaved changes");
    }
}
