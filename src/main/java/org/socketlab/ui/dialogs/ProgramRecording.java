// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.Node;
import org.socketlab.lesson.kernelrun.ProgramRecorder;
import org.socketlab.ui.language.Messages;

/**
 * File › Record a program…: asks for a command line, a working folder and a time limit
 * ({@link RecordDialog}), runs it under {@code strace -f -yy -tt} ({@link ProgramRecorder}) off the
 * JavaFX thread behind a progress window with Stop, and hands the log on to be opened as a
 * replay. Refuses with a message, and leaves the window as it was, when strace is missing or the
 * program cannot start. What was asked last time is offered again.
 */
public final class ProgramRecording {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private String lastCommand = "";
    private Path lastFolder = Path.of(System.getProperty("user.home"));
    /** Where recordings are kept (tests give a folder of their own). */
    private Path recordings = Path.of(System.getProperty("java.io.tmpdir"), "socket-lab-recordings");
    private Task<ProgramRecorder.Recording> recording;

    /** Asks, records and gives the finished log to {@code openLog}; does nothing while a recording runs. */
    public void start(Node owner, Messages messages, Consumer<Path> openLog) {
        if (recording != null) {
            return;
        }
        Optional<RecordDialog.Answer> answer = RecordDialog.ask(owner, messages, lastCommand, lastFolder);
        if (answer.isEmpty()) {
            return;
        }
        lastCommand = answer.get().commandLine();
        lastFolder = answer.get().folder();
        ProgramRecorder.Request request;
        try {
            request = new ProgramRecorder.Request(ProgramRecorder.words(answer.get().commandLine()),
                    answer.get().folder(), answer.get().timeLimit());
            ProgramRecorder.check(request);
        } catch (ProgramRecorder.CannotRecord e) {
            Dialogs.error(owner, messages, messages.get("record.failed"), e.getMessage());
            return;
        }
        String name = Path.of(request.command().get(0)).getFileName().toString();
        Path log = recordings.resolve(name + "-" + LocalDateTime.now().format(STAMP) + ".strace");
        Task<ProgramRecorder.Recording> task = new Task<>() {
            @Override
            protected ProgramRecorder.Recording call() throws Exception {
                return ProgramRecorder.record(request, log);
            }
        };
        recording = task;
        Runnable close = Dialogs.working(owner, messages.get("record.title"),
                messages.get("record.working", String.join(" ", request.command()), request.timeLimit().toSeconds()),
                messages.get("record.stop"), () -> {
                    if (recording == task) {
                        recording = null;
                        task.cancel(true);
                    }
                });
        task.setOnSucceeded(e -> {
            recording = null;
            close.run();
            openLog.accept(task.getValue().log());
        });
        task.setOnFailed(e -> {
            recording = null;
            close.run();
            Throwable t = task.getException();
            Dialogs.error(owner, messages, messages.get("record.failed"),
                    t.getMessage() == null ? t.toString() : t.getMessage());
        });
        Thread thread = new Thread(task, "socket-lab-record");
        thread.setDaemon(true);
        thread.start();
    }

    /** True while a program is being recorded. */
    public boolean isRecording() {
        return recording != null;
    }

    /** Keeps recordings in another folder (tests). */
    public void keepIn(Path folder) {
        recordings = folder;
    }
}
