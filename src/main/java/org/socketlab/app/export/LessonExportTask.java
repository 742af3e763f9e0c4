// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;

/**
 * A lesson export as a JavaFX {@link Task}: it runs on a worker thread, reports its progress
 * for a progress bar, and stops between two pictures when cancelled, leaving no file behind.
 */
public final class LessonExportTask extends Task<List<Path>> {
    private final LessonExportOptions options;
    private final Path folder;
    private final ExportListener observer;
    private final CountDownLatch ended = new CountDownLatch(1);

    /** An export of {@code options} into {@code folder}; start it on a worker thread. */
    public LessonExportTask(LessonExportOptions options, Path folder) {
        this(options, folder, ExportListener.NONE);
    }

    /** As {@link #LessonExportTask(LessonExportOptions, Path)}, telling {@code observer} too, on the worker. */
    public LessonExportTask(LessonExportOptions options, Path folder, ExportListener observer) {
        this.options = options;
        this.folder = folder;
        this.observer = observer;
    }

    @Override
    protected List<Path> call() throws Exception {
        try {
            return LessonExport.run(options, folder, new ExportListener() {
                @Override
                public void progress(int done, int total) {
                    updateProgress(done, total);
                    observer.progress(done, total);
                }

                @Override
                public void fileWritten(String fileName) {
                    observer.fileWritten(fileName);
                }
            }, this::isCancelled);
        } finally {
            ended.countDown();
        }
    }

    /**
     * Waits until the worker has really stopped (a cancelled task reports CANCELLED at once,
     * but removes its temporary files a moment later).
     *
     * @return false if it was still running after {@code timeout}
     */
    public boolean awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /**
     * Cancels without interrupting the worker: the export notices between two pictures, and an
     * interrupt in the middle of a write would only turn a clean cancel into an I/O error.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }

    /** Starts the task on a new daemon thread. */
    public LessonExportTask start() {
        Thread thread = new Thread(this, "socket-lab-export");
        thread.setDaemon(true);
        thread.start();
        return this;
    }
}
