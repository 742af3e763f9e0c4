// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("/org/socketlab/test-recent-" + System.nanoTime());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("/tmp/lesson-" + i + ".c"));
        }
        recent.add(Path.of("/tmp/lesson-5.c"));

        assertThat(recent.files()).hasSize(RecentFiles.MAX);
        assertThat(recent.files().get(0)).isEqualTo(Path.of("/tmp/lesson-5.c"));
        assertThat(recent.files().get(1)).isEqualTo(Path.of("/tmp/lesson-9.c"));
        assertThat(recent.files()).doesNotHaveDuplicates();
    }

    @Test
    void theListIsRememberedAndCanBeCleared() {
        new RecentFiles(node).add(Path.of("/tmp/a.c"));
        RecentFiles again = new RecentFiles(node);
        assertThat(again.files()).containsExactly(Path.of("/tmp/a.c"));

        again.clear();

        assertThat(new RecentFiles(node).files()).isEmpty();
    }
}
