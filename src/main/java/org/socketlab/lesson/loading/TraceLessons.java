// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayProgress;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.lesson.strace.NotAStraceLogException;

/** Where strace logs become lessons: a replay of the log on the kernel model. */
final class TraceLessons {
    private TraceLessons() {
    }

    /**
     * strace pads a call to column 40 before " = result"; in a narrow code panel that padding
     * would push the result out of sight, so it is squeezed to one space.
     */
    static List<String> compact(List<String> lines) {
        return lines.stream().map(line -> line.replaceFirst("\\)\\s{2,}= ", ") = ")).toList();
    }

    static Replay load(Path file, ReplayProgress progress) throws LessonLoadException {
        try {
            Replay replay = TraceReplay.importTrace(file, progress);
            Lesson l = replay.lesson();
            // Remember the file, so that F5 reads the log again.
            Lesson fromFile = new Lesson(l.id(), l.title(), l.description(), compact(l.code()), l.frames(),
                    new LessonOrigin.File(file));
            return new Replay(fromFile, replay.calls(), replay.processes(), replay.warnings(), replay.mismatches(),
                    replay.disagreements(), replay.notAnimated(), replay.lineCount());
        } catch (NotAStraceLogException e) {
            throw new LessonLoadException(file, e.getMessage(), "", e);
        } catch (IOException e) {
            throw LessonLoader.unreadable(file, e);
        }
    }
}
