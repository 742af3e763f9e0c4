// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.socketlab.saving.AtomicFileWriterTest.namesIn;
import static org.socketlab.saving.AtomicFileWriterTest.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.saving.ExportException.Reason;

class AtomicFileBatchTest {

    @TempDir
    Path dir;

    private static final List<String> STEPS = List.of("Enter sys_socket", "Allocate memory", "Return the fd");

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            names.add(ExportNames.stepFileName(i + 1, STEPS.size(), STEPS.get(i), "png"));
        }
        return names;
    }

    @Test
    void allFilesAppearOnlyAtCommit() throws Exception {
        List<String> names = names();
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, false)) {
            for (int i = 0; i < names.size(); i++) {
                batch.add(names.get(i), text("picture " + i));
            }
            assertThat(namesIn(dir)).as("before commit: only hidden temporary files")
                    .hasSize(3).allMatch(n -> n.startsWith(".") && n.endsWith(".part"));
            List<Path> saved = batch.commit();
            assertThat(saved).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(names);
        }
        assertThat(namesIn(dir)).containsExactly("1-enter-sys-socket.png", "2-allocate-memory.png", "3-return-the-fd.png");
        assertThat(dir.resolve("2-allocate-memory.png")).hasContent("picture 1");
    }

    @Test
    void failureHalfWayLeavesTheFolderAsItWas() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        List<String> names = names();
        ExportException e;
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, false)) {
            batch.add(names.get(0), text("one"));
            batch.add(names.get(1), text("two"));
            e = catchThrowableOfType(ExportException.class, () -> batch.add(names.get(2), out -> {
                out.write(new byte[200_000]);
                throw new IOException("No space left on device");
            }));
        }
        assertThat(e.reason()).isEqualTo(Reason.DISK_FULL);
        assertThat(e.path()).isEqualTo(dir.resolve(names.get(2)));
        assertThat(namesIn(dir)).containsExactly("notes.txt");
    }

    @Test
    void closingWithoutCommitDiscardsEverything() throws Exception {
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, true)) {
            batch.add("a.png", text("a"));
            assertThat(batch.pendingFiles()).containsExactly(dir.resolve("a.png"));
        }
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void existingFileIsRefusedEarlyWithoutOverwrite() throws Exception {
        Files.writeString(dir.resolve("2-allocate-memory.png"), "old");
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, false)) {
            batch.add(names().get(0), text("one"));
            TargetExistsException e = catchThrowableOfType(TargetExistsException.class,
                    () -> batch.add(names().get(1), text("two")));
            assertThat(e.existing()).containsExactly(dir.resolve("2-allocate-memory.png"));
        }
        assertThat(namesIn(dir)).containsExactly("2-allocate-memory.png");
        assertThat(dir.resolve("2-allocate-memory.png")).hasContent("old");
    }

    @Test
    void filesThatAppearBeforeCommitAreAllListedAndNothingIsSaved() throws Exception {
        List<String> names = names();
        TargetExistsException e;
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, false)) {
            for (String n : names) {
                batch.add(n, text("new"));
            }
            Files.writeString(dir.resolve(names.get(0)), "someone else's");
            Files.writeString(dir.resolve(names.get(2)), "someone else's");
            e = catchThrowableOfType(TargetExistsException.class, batch::commit);
        }
        assertThat(e.existing()).containsExactly(dir.resolve(names.get(0)), dir.resolve(names.get(2)));
        assertThat(e.getMessage()).isEqualTo("2 files already exist in \"" + dir + "\", for example \""
                + names.get(0) + "\".");
        assertThat(namesIn(dir)).containsExactly(names.get(0), names.get(2));
        assertThat(dir.resolve(names.get(0))).hasContent("someone else's");
    }

    @Test
    void overwriteReplacesExistingFiles() throws Exception {
        Files.writeString(dir.resolve("a.png"), "old");
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, true)) {
            batch.add("a.png", text("new a"));
            batch.add("b.png", text("new b"));
            batch.commit();
        }
        assertThat(dir.resolve("a.png")).hasContent("new a");
        assertThat(namesIn(dir)).containsExactly("a.png", "b.png");
    }

    @Test
    void failureDuringTheRenamesReportsWhatWasSavedAndLeavesNoTemporaryFile() throws Exception {
        ExportException e;
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, true)) {
            batch.add("a.png", text("a"));
            batch.add("b.png", text("b"));
            batch.add("c.png", text("c"));
            // Something puts a non-empty folder named b.png there before the commit.
            Files.writeString(Files.createDirectory(dir.resolve("b.png")).resolve("inside"), "x");
            e = catchThrowableOfType(ExportException.class, batch::commit);
        }
        assertThat(e.completedFiles()).containsExactly(dir.resolve("a.png"));
        assertThat(e.path()).isEqualTo(dir.resolve("b.png"));
        assertThat(e.reason()).isEqualTo(Reason.TARGET_IS_FOLDER);
        assertThat(e.getMessage()).isEqualTo("Cannot save \"" + dir.resolve("b.png")
                + "\": a folder with that name is already there. (1 file was saved before the error.)");
        assertThat(namesIn(dir)).containsExactly("a.png", "b.png");
        assertThat(dir.resolve("a.png")).hasContent("a");
    }

    @Test
    void missingFolderIsReportedWhenOpening() {
        Path folder = dir.resolve("lesson");
        ExportException e = catchThrowableOfType(ExportException.class, () -> AtomicFileBatch.open(folder, false));
        assertThat(e.reason()).isEqualTo(Reason.FOLDER_MISSING);
        assertThat(e.getMessage()).contains("the folder \"" + folder + "\" does not exist");
        assertThat(folder).doesNotExist();
    }

    @Test
    void onlyPlainDistinctFileNamesAreAccepted() throws Exception {
        try (AtomicFileBatch batch = AtomicFileBatch.open(dir, false)) {
            assertThatThrownBy(() -> batch.add("../escape.png", text("x"))).hasMessageContaining("plain file name");
            assertThatThrownBy(() -> batch.add("sub/a.png", text("x"))).hasMessageContaining("plain file name");
            assertThatThrownBy(() -> batch.add("..", text("x"))).hasMessageContaining("plain file name");
            batch.add("a.png", text("x"));
            assertThatThrownBy(() -> batch.add("a.png", text("y"))).hasMessageContaining("already added");
            batch.commit();
            assertThatThrownBy(() -> batch.add("b.png", text("x"))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(namesIn(dir)).containsExactly("a.png");
        assertThat(dir.getParent().resolve("escape.png")).doesNotExist();
    }
}
