// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.File;
import java.nio.file.Path;
import javafx.collections.ObservableList;
import javafx.stage.FileChooser;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonLoadException;
import org.socketlab.lesson.LessonLoader;
import org.socketlab.player.Player;
import org.socketlab.ui.Dialogs;
import org.socketlab.ui.LessonOpener;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.Messages;

/**
 * Opens lesson files and traces for the window: Ctrl+O, drops, the recent files, F5. A file
 * that cannot be opened is explained in a dialog, and the lesson that was open stays open at
 * its step.
 */
final class LessonOpening implements LessonOpener {
    private final Player player;
    private final Messages messages;
    private final RecentFiles recent;
    private Path lastFolder;

    LessonOpening(Player player, Messages messages, RecentFiles recent) {
        this.player = player;
        this.messages = messages;
        this.recent = recent;
    }

    @Override
    public void openWithDialog(MainWindow window) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("open.filter.all"), "*.c", "*.strace", "*.log", "*.txt"),
                new FileChooser.ExtensionFilter(messages.get("open.filter.lessons"), "*.c"),
                new FileChooser.ExtensionFilter(messages.get("open.filter.traces"), "*.strace", "*.log", "*.txt"),
                new FileChooser.ExtensionFilter(messages.get("open.filter.any"), "*"));
        if (lastFolder != null) {
            chooser.setInitialDirectory(lastFolder.toFile());
        } else if (!recent.files().isEmpty() && recent.files().get(0).getParent() != null
                && recent.files().get(0).getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(recent.files().get(0).getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(window.root().getScene().getWindow());
        if (chosen != null) {
            lastFolder = chosen.toPath().getParent();
            open(window, chosen.toPath());
        }
    }

    @Override
    public void open(MainWindow window, Path file) {
        try {
            LessonLoader.Opened opened = LessonLoader.open(file);
            window.director().finishRunning();
            player.load(opened.lesson(), 0);
            window.showReplay(opened.replay());
            recent.add(file);
        } catch (LessonLoadException e) {
            Dialogs.problem(window.root(), messages, messages.get("open.failed", String.valueOf(file.getFileName())),
                    e.getMessage(), e.details());
        }
    }

    @Override
    public boolean reload(MainWindow window) {
        Lesson open = player.getLesson();
        if (!(open.origin() instanceof org.socketlab.lesson.LessonOrigin.File file)) {
            return false;
        }
        try {
            LessonLoader.Opened again = LessonLoader.open(file.path());
            window.director().finishRunning();
            player.load(again.lesson(), player.getIndex());
            window.showReplay(again.replay());
        } catch (LessonLoadException e) {
            Dialogs.problem(window.root(), messages, messages.get("reload.failed", String.valueOf(file.path().getFileName())),
                    e.getMessage(), e.details());
        }
        return true;
    }

    @Override
    public ObservableList<Path> recentFiles() {
        return recent.files();
    }

    @Override
    public void clearRecentFiles() {
        recent.clear();
    }
}
