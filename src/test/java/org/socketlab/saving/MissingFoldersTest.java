// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating the folders an export needs, and taking back exactly those when it saves nothing. */
class MissingFoldersTest {
    @TempDir
    Path root;

    @Test
    void createsEveryMissingFolderAndRemovesThemAgain() throws Exception {
        Path target = root.resolve("a").resolve("b").resolve("c");

        MissingFolders folders = MissingFolders.create(target);

        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(folders.created()).containsExactly(root.resolve("a"), root.resolve("a/b"), target);
        folders.removeCreated();
        assertThat(root.resolve("a")).doesNotExist();
        assertThat(root).exists();
    }

    @Test
    void anExistingFolderIsNeitherCreatedNorRemoved() throws Exception {
        MissingFolders folders = MissingFolders.create(root);

        assertThat(folders.created()).isEmpty();
        folders.removeCreated();
        assertThat(root).isDirectory();
    }

    @Test
    void aFolderSomeoneSavedIntoIsKept() throws Exception {
        Path target = root.resolve("a").resolve("b");
        MissingFolders folders = MissingFolders.create(target);
        Files.writeString(root.resolve("a").resolve("notes.txt"), "mine");

        folders.removeCreated();

        assertThat(target).doesNotExist();
        assertThat(root.resolve("a/notes.txt")).hasContent("mine");
    }

    @Test
    void aFileOnTheWayIsAClearErrorAndNothingIsLeft() throws Exception {
        Path file = Files.writeString(root.resolve("x"), "keep");

        assertThatThrownBy(() -> MissingFolders.create(file.resolve("y").resolve("z")))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("is a file, not a folder")
                .extracting(e -> ((ExportException) e).reason()).isEqualTo(ExportException.Reason.NOT_A_FOLDER);
        assertThat(file).hasContent("keep");
    }
}
