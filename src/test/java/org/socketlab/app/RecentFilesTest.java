// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.InvalidationListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socketlab.testing.Garbage;

/** The recent files: newest first, remembered between runs, and heard by the menu for as long as it listens. */
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

    @Test
    void theRecentMenuStillHearsOfNewFilesAfterAGarbageCollection() {
        RecentFiles recent = new RecentFiles(node);
        List<Path> heard = new ArrayList<>();
        InvalidationListener menu = o -> heard.add(recent.files().get(0));
        recent.files().addListener(menu);
        recent.add(Path.of("/tmp/a.c"));

        Garbage.collect();
        recent.add(Path.of("/tmp/b.c"));

        assertThat(heard).containsExactly(Path.of("/tmp/a.c"), Path.of("/tmp/b.c"));
        recent.files().removeListener(menu);
        recent.add(Path.of("/tmp/c.c"));
        assertThat(heard).as("a closed window's menu no longer listens").hasSize(2);
    }
}
