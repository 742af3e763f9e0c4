// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.strace.StraceParser;
import org.socketlab.testing.NoAccess;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A file the window cannot open — a lesson file that is binary, not UTF-8, too large, missing,
 * a folder or unreadable; a trace that is binary, not UTF-8, too large, empty, prose or missing —
 * or one that stops opening before F5 reads it again, is explained in a dialog and changes
 * nothing: the same lesson stays open at the same step, and no recent file is added. (Exports:
 * {@link ExportFailureTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class NothingLostOnFailureTest {
    private static final String TABS = "// title: Tabs\nint a = socket(AF_INET, SOCK_STREAM, 0);\n"
            + "int b = socket(AF_INET, SOCK_STREAM, 0);\nclose(a);\n";

    @TempDir
    Path folder;
    private OpeningWindow app;

    @Start
    void start(Stage stage) {
        app = OpeningWindow.show(stage, "test-lost");
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        app.forget();
    }

    /** A file the window cannot open: its name and how to make it in the folder. */
    record Bad(String name, Maker make) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Makes the bad file (or leaves it missing). */
    interface Maker {
        void make(Path file) throws IOException;
    }

    static Stream<Bad> badFiles() {
        return Stream.of(
                new Bad("binary.c", f -> Files.write(f, new byte[] {'i', 'n', 't', 0, 'x', ';', '\n'})),
                new Bad("latin1.c", f -> Files.write(f,
                        "// caf\u00e9\nclose(3);\n".getBytes(StandardCharsets.ISO_8859_1))),
                new Bad("huge.c", f -> sparse(f, 1024 * 1024 + 1)),
                new Bad("missing.c", f -> { }),
                new Bad("folder.c", Files::createDirectory),
                new Bad("latin1.strace", f -> Files.write(f, "close(3) = 0\nwrite(1, \"\u00e9\", 1) = 1\n"
                        .getBytes(StandardCharsets.ISO_8859_1))),
                new Bad("huge.strace", f -> sparse(f, StraceParser.MAX_FILE_CHARS + 1)),
                new Bad("empty.strace", f -> Files.writeString(f, "\n\n")),
                new Bad("notes.txt", f -> Files.writeString(f, "Sockets are like coat-check tickets.\n")),
                new Bad("gone.strace", f -> { }));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aFileThatCannotBeOpenedIsExplainedAndChangesNothing(Bad bad, FxRobot robot) throws IOException {
        Path file = folder.resolve(bad.name());
        bad.make().make(file);
        robot.interact(() -> app.player().jumpTo(4));
        Lesson before = app.player().getLesson();
        List<Path> inFolder = listing();

        robot.interact(() -> app.opening().open(app.window(), file));

        assertThat(app.player().getLesson()).isSameAs(before);
        assertThat(app.player().getIndex()).isEqualTo(4);
        assertThat(app.recent().files()).isEmpty();
        assertThat(closeDialog(robot)).isEqualTo("Could not open " + bad.name());
        assertThat(listing()).as("nothing written or left behind").isEqualTo(inFolder);
    }

    @Test
    void anUnreadableFileIsExplainedAndChangesNothing(FxRobot robot) throws IOException {
        Path file = Files.createSymbolicLink(folder.resolve("secret.c"), NoAccess.fileNobodyMayRead());
        robot.interact(() -> app.player().jumpTo(2));
        Lesson before = app.player().getLesson();

        robot.interact(() -> app.opening().open(app.window(), file));

        assertThat(app.player().getLesson()).isSameAs(before);
        assertThat(app.player().getIndex()).isEqualTo(2);
        assertThat(closeDialog(robot)).isEqualTo("Could not open secret.c");
        Files.delete(file);
    }

    @Test
    void f5OnAFileThatBrokeOrVanishedKeepsTheLessonAtItsStep(FxRobot robot) throws IOException {
        Path file = Files.writeString(folder.resolve("tabs.c"), TABS);
        robot.interact(() -> app.opening().open(app.window(), file));
        robot.interact(() -> app.player().jumpTo(5));
        Lesson opened = app.player().getLesson();

        Files.write(file, new byte[] {(byte) 0xFF, 0, 1, 2});
        robot.type(KeyCode.F5);
        assertThat(app.player().getLesson()).isSameAs(opened);
        assertThat(app.player().getIndex()).isEqualTo(5);
        assertThat(closeDialog(robot)).isEqualTo("Could not reload tabs.c; the lesson stays as it was");

        Files.delete(file);
        robot.type(KeyCode.F5);
        assertThat(app.player().getLesson()).isSameAs(opened);
        assertThat(app.player().getIndex()).isEqualTo(5);
        assertThat(closeDialog(robot)).isEqualTo("Could not reload tabs.c; the lesson stays as it was");
        assertThat(app.recent().files()).extracting(Path::getFileName).containsExactly(Path.of("tabs.c"));
    }

    /**
     * The header of the dialog that explains the problem, which is then closed. A big log is read
     * off the FX thread behind a progress dialog, so the explanation may come a moment after it.
     */
    private static String closeDialog(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem(robot).isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no dialog explains the problem", e);
        }
        DialogPane dialog = problem(robot).orElseThrow();
        assertThat(dialog.getContentText()).isNotBlank();
        String header = dialog.getHeaderText();
        robot.interact(() -> dialog.getScene().getWindow().hide());
        return header;
    }

    private static Optional<DialogPane> problem(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAllAs(DialogPane.class).stream()
                .filter(d -> d.getContentText() != null && !d.getContentText().isBlank()).findFirst();
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** A file of that size with nothing written (no disk used). */
    private static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }
}
