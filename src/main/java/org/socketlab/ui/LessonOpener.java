// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.nio.file.Path;
import javafx.collections.ObservableList;

/**
 * Opening lesson files and traces, as the window offers it (Ctrl+O, dropping a file, the recent
 * files, F5). The application supplies it; it reads files and remembers them, so it lives
 * outside the ui layer.
 */
public interface LessonOpener {
    /** Asks for a file and opens it. */
    void openWithDialog(MainWindow window);

    /** Opens a file; a file that cannot be opened leaves the open lesson as it is. */
    void open(MainWindow window, Path file);

    /** Reads the open lesson again from its file, at the same step; false when it has no file. */
    boolean reload(MainWindow window);

    /** The files opened lately, newest first. */
    ObservableList<Path> recentFiles();

    /** Forgets the recent files. */
    void clearRecentFiles();
}
