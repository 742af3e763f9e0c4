// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lesson files and traces opened lately, newest first, remembered between runs
 * (java.util.prefs). A file that fails to open is not added.
 */
final class RecentFiles {
    /** How many files the list keeps. */
    static final int MAX = 8;
    private static final String KEY = "recent.";

    private final Preferences preferences;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /**
     * The one read-only view of {@link #files}: the view listens to the list only weakly, so a
     * view made per call would stop passing on changes after a garbage collection, and a
     * listener could never be removed through another call's view.
     */
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    RecentFiles(Preferences preferences) {
        this.preferences = preferences;
        for (int i = 0; i < MAX; i++) {
            String value = preferences.get(KEY + i, null);
            if (value != null && !value.isBlank()) {
                files.add(Path.of(value));
            }
        }
    }

    /** The list, newest first; menus bind to it. */
    ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts a file at the top (moving it there if it was already listed). */
    void add(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(normal);
        next.add(0, normal);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        store();
    }

    /** Forgets a file (it was moved or deleted). */
    void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            store();
        }
    }

    /** Forgets every file. */
    void clear() {
        files.clear();
        store();
    }

    private void store() {
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                preferences.put(KEY + i, files.get(i).toString());
            } else {
                preferences.remove(KEY + i);
            }
        }
        try {
            preferences.flush();
        } catch (BackingStoreException e) {
            // The list still works for this run; it just is not remembered.
        }
    }
}
