// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.stage.FileChooser;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.loading.LessonLoadException;
import org.socketlab.lesson.loading.LessonLoader;
import org.socketlab.player.Player;
import org.socketlab.ui.LessonOpener;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.dialogs.Dialogs;
import org.socketlab.ui.language.Messages;

/**
 * Opens lesson files and traces for the window: Ctrl+O, drops, the recent files, F5. A file
 * that cannot be opened is explained in a dialog, and the lesson that was open stays open at
 * its step. A big strace log loads (and reloads) on a thread of its own behind a progress bar,
 * so the window stays responsive; Cancel stops it and keeps the open lesson.
 */
final class LessonOpening implements LessonOpener {
    /** Logs this big (about 25,000 lines) load behind a progress bar; smaller ones at once. */
    static final long BIG_LOG_BYTES = 1L << 20;

    private final Player player;
    private final Messages messages;
    private final RecentFiles recent;
    private final long bigLogBytes;
    private final Executor loader;
    private Path lastFolder;

    LessonOpening(Player player, Messages messages, RecentFiles recent) {
        this(player, messages, recent, BIG_LOG_BYTES, LessonOpening::onItsOwnThread);
    }

    /** Logs of {@code bigLogBytes} or more load through {@code loader}. */
    LessonOpening(Player player, Messages messages, RecentFiles recent, long bigLogBytes, Executor loader) {
        this.player = player;
        this.messages = messages;
        this.recent = recent;
        this.bigLogBytes = bigLogBytes;
        this.loader = loader;
    }

    private static void onItsOwnThread(Runnable load) {
        Thread thread = new Thread(load, "socket-lab-open");
        thread.setDaemon(true);
        thread.start();
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
        load(window, file, messages.get("open.loading", String.valueOf(file.getFileName())),
                opened -> show(window, file, opened), e -> explain(window, file, e));
    }

    /**
     * Loads {@code file} and hands it to {@code loaded}, or the reason it cannot be opened to {@code
     * failed}: a big log on the loader's thread behind a progress bar headed {@code header} (Cancel
     * calls neither), anything else at once.
     */
    private void load(MainWindow window, Path file, String header, Consumer<LessonLoader.Opened> loaded,
                      Consumer<LessonLoadException> failed) {
        if (isBigLog(file)) {
            loadBehindAProgressBar(window, file, header, loaded, failed);
            return;
        }
        LessonLoader.Opened opened;
        try {
            opened = LessonLoader.open(file);
        } catch (LessonLoadException e) {
            failed.accept(e);
            return;
        }
        loaded.accept(opened);
    }

    private boolean isBigLog(Path file) {
        try {
            return !LessonLoader.isLessonFile(file) && Files.isRegularFile(file) && Files.size(file) >= bigLogBytes;
        } catch (IOException e) {
            return false; // LessonLoader explains it
        }
    }

    private void show(MainWindow window, Path file, LessonLoader.Opened opened) {
        window.director().finishRunning();
        player.load(opened.lesson(), 0);
        window.showReplay(opened.replay());
        recent.add(file);
    }

    private void explain(MainWindow window, Path file, LessonLoadException e) {
        Dialogs.problem(window.root(), messages, messages.get("open.failed", String.valueOf(file.getFileName())),
                e.getMessage(), e.details());
    }

    private void loadBehindAProgressBar(MainWindow window, Path file, String header,
                                        Consumer<LessonLoader.Opened> loaded, Consumer<LessonLoadException> failed) {
        Task<LessonLoader.Opened> task = new Task<>() {
            @Override
            protected LessonLoader.Opened call() throws LessonLoadException {
                return LessonLoader.open(file, (stage, done, total) -> {
                    switch (stage) {
                        case READING -> {
                            updateMessage(messages.get("open.loading.reading", done >> 20, Math.max(1, total >> 20)));
                            updateProgress(done, 2.0 * total);
                        }
                        case REPLAYING -> {
                            updateMessage(messages.get("open.loading.replaying", done, total));
                            updateProgress(total + done, 2.0 * total);
                        }
                    }
                });
            }
        };
        Runnable close = Dialogs.loading(window.root(), messages, header,
                task.progressProperty(), task.messageProperty(), () -> task.cancel(true));
        task.setOnSucceeded(e -> {
            close.run();
            loaded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            close.run();
            if (task.getException() instanceof LessonLoadException problem) {
                failed.accept(problem);
            } else {
                failed.accept(new LessonLoadException(file, file + " cannot be opened: "
                        + task.getException(), "", task.getException()));
            }
        });
        task.setOnCancelled(e -> close.run());
        loader.execute(task);
    }

    /**
     * F5: the open lesson read again from its file, at the same step; a big log behind a progress
     * bar as when it was opened. A file that no longer opens is explained and the lesson stays.
     */
    @Override
    public boolean reload(MainWindow window) {
        Lesson open = player.getLesson();
        if (!(open.origin() instanceof LessonOrigin.File file)) {
            return false;
        }
        Path path = file.path();
        load(window, path, messages.get("reload.loading", String.valueOf(path.getFileName())), again -> {
            if (player.getLesson() != open) {
                return; // another lesson was opened meanwhile: it stays
            }
            window.director().finishRunning();
            player.load(again.lesson(), player.getIndex());
            window.showReplay(again.replay());
        }, e -> Dialogs.problem(window.root(), messages, messages.get("reload.failed", String.valueOf(path.getFileName())),
                e.getMessage(), e.details()));
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
