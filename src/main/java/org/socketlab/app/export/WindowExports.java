// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.concurrent.Task;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.socketlab.codec.ArgbImage;
import org.socketlab.saving.AtomicFileWriter;
import org.socketlab.saving.ExportNames;
import org.socketlab.codec.PngEncoder;
import org.socketlab.lesson.Lesson;
import org.socketlab.ui.export.ExportDialogs;
import org.socketlab.ui.common.FxImages;
import org.socketlab.ui.export.LessonExportChoice;
import org.socketlab.ui.LessonOpener;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.dialogs.Notices;
import org.socketlab.ui.OffscreenWindow;
import org.socketlab.ui.export.PictureArea;
import org.socketlab.ui.export.PictureChoice;
import org.socketlab.ui.theme.Themes;

/**
 * The window's File menu exports: the current picture as PNG (Ctrl+E), the picture to the
 * clipboard (Ctrl+Shift+C) and the whole lesson (Ctrl+Shift+E). Pictures are drawn in an
 * {@link OffscreenWindow} at the chosen scale, theme and language, so the user's window keeps
 * its step and animation; files are written off the FX thread and never half-written.
 */
public final class WindowExports {
    private PictureChoice lastChoice;
    /** Hears every lesson export's worker (tests hold an export half-way with it). */
    private ExportListener observer = ExportListener.NONE;

    /** The actions for a window's menu; {@code quit} ends the app, the others may be null. */
    public MainWindow.Actions actions(Runnable quit, LessonOpener opener, Runnable resetSettings) {
        return new MainWindow.Actions(this::exportPicture, this::copyPicture, this::exportLesson, quit, opener,
                resetSettings);
    }

    private PictureChoice initialChoice(MainWindow window) {
        if (lastChoice == null) {
            return new PictureChoice(1, PictureArea.CANVAS, Themes.defaultTheme(), window.messages().getLocale());
        }
        return new PictureChoice(lastChoice.scale(), lastChoice.area(), lastChoice.theme(),
                window.messages().getLocale());
    }

    void exportPicture(MainWindow window) {
        Messages messages = window.messages();
        Node owner = window.root();
        int step = window.player().getIndex();
        Lesson lesson = window.player().getLesson();
        ExportDialogs.askPicture(owner, messages, initialChoice(window), step, size(window.getSnapshotTarget()),
                size(owner)).ifPresent(choice -> {
                    lastChoice = choice;
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle(messages.get("save.title"));
                    chooser.getExtensionFilters().add(
                            new FileChooser.ExtensionFilter(messages.get("save.filter"), "*.png"));
                    chooser.setInitialFileName(ExportNames.frameFileName(step, lesson.size() - 1,
                            LessonExport.stepTitle(lesson, step), "png"));
                    File file = chooser.showSaveDialog(owner.getScene().getWindow());
                    if (file != null) {
                        // The file chooser has already asked before replacing an existing file.
                        savePicture(window, choice, file.toPath(), true);
                    }
                });
    }

    /**
     * Draws the window's current step as {@code choice} says (on the FX thread) and writes it
     * as a PNG on a worker thread; a failure shows an error dialog.
     */
    Task<Path> savePicture(MainWindow window, PictureChoice choice, Path file, boolean overwrite) {
        ArgbImage image = render(window, choice);
        PngEncoder encoder = LessonExport.pngEncoder(choice.scale());
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                AtomicFileWriter.write(file, overwrite, out -> encoder.encode(image, out));
                return file;
            }
        };
        task.setOnFailed(e -> Notices.failed(window.root(), window.messages().get("save.failed"),
                task.getException().getMessage()));
        start(task);
        return task;
    }

    void copyPicture(MainWindow window) {
        ArgbImage image = render(window, initialChoice(window));
        ClipboardContent content = new ClipboardContent();
        content.putImage(FxImages.of(image));
        if (!Clipboard.getSystemClipboard().setContent(content)) {
            Messages messages = window.messages();
            Notices.failed(window.root(), messages.get("copy.failed"), messages.get("copy.failed.detail"));
        }
    }

    void exportLesson(MainWindow window) {
        Messages messages = window.messages();
        Node owner = window.root();
        Lesson lesson = window.player().getLesson();
        PictureChoice initial = initialChoice(window);
        ExportDialogs.askLesson(owner, messages, initial, messages.lessonText(lesson.title()),
                size(window.getSnapshotTarget()), size(owner)).ifPresent(choice -> {
                    lastChoice = choice.picture();
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle(messages.get("export.folder.title"));
                    File folder = chooser.showDialog(owner.getScene().getWindow());
                    if (folder != null) {
                        exportLessonTo(window, options(window, choice), folder.toPath());
                    }
                });
    }

    /**
     * Exports into {@code folder} with a progress dialog; asks before replacing any file.
     * Returns the running task, or null when the user kept the existing files.
     */
    LessonExportTask exportLessonTo(MainWindow window, LessonExportOptions options, Path folder) {
        Messages messages = window.messages();
        Node owner = window.root();
        List<Path> existing = LessonExport.existingFiles(options, folder);
        if (!existing.isEmpty()) {
            if (!ExportDialogs.confirmReplace(owner, messages, folder, existing)) {
                return null;
            }
            options = options.withOverwrite(true);
        }
        LessonExportTask task = new LessonExportTask(options, folder, observer);
        ExportDialogs.progress(owner, messages, messages.lessonText(options.lesson().title()), task);
        task.setOnFailed(e -> Notices.failed(owner, messages.get("export.failed"), task.getException().getMessage()));
        task.setOnSucceeded(e -> Notices.done(owner, messages.get("export.lesson.title"),
                messages.get("export.done", task.getValue().size(), folder)));
        return task.start();
    }

    /** Lets {@code listener} hear the lesson exports started from now on, on their worker thread. */
    void observeExports(ExportListener listener) {
        this.observer = listener;
    }

    /** The export options for the window's lesson, at the window's size. */
    static LessonExportOptions options(MainWindow window, LessonExportChoice choice) {
        Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
        if (choice.pngs()) {
            formats.add(ExportFormat.PNG);
        }
        if (choice.gif()) {
            formats.add(ExportFormat.GIF);
        }
        if (choice.sheet()) {
            formats.add(ExportFormat.SHEET);
        }
        if (choice.pdf()) {
            formats.add(ExportFormat.PDF);
        }
        PictureChoice picture = choice.picture();
        Dimension2D size = size(window.root());
        return new LessonExportOptions(window.player().getLesson(), formats, StepRange.all(), picture.scale(),
                picture.area(), picture.theme(), picture.locale(), size.getWidth(), size.getHeight(), choice.fps(),
                false, choice.paper());
    }

    /** The window's current step drawn off-screen at the window's size, as {@code choice} says. */
    static ArgbImage render(MainWindow window, PictureChoice choice) {
        Dimension2D size = size(window.root());
        try (OffscreenWindow copy = OffscreenWindow.open(window.player().getLesson(), choice.locale(), choice.theme(),
                size.getWidth(), size.getHeight())) {
            copy.show(window.player().getIndex());
            return copy.snapshot(choice.area(), choice.scale());
        }
    }

    private static Dimension2D size(Node node) {
        Scene scene = node.getScene();
        if (node == node.getScene().getRoot()) {
            return new Dimension2D(Math.max(320, scene.getWidth()), Math.max(240, scene.getHeight()));
        }
        Bounds b = node.getLayoutBounds();
        return new Dimension2D(b.getWidth(), b.getHeight());
    }

    private static void start(Task<?> task) {
        Thread thread = new Thread(task, "socket-lab-save");
        thread.setDaemon(true);
        thread.start();
    }
}
