// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.nio.file.Path;

/** Where strace logs become lessons (see the replay importer). */
final class TraceLessons {
    private TraceLessons() {
    }

    static Lesson load(Path file) throws LessonLoadException {
        throw new LessonLoadException(file, file.getFileName() + " is not a lesson file (.c)",
                "Socket Lab opens lesson files ending in .c; see docs/lesson-format.md.", null);
    }
}
