// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a lesson came from, so that it can be read again (F5) or named in a list of recent
 * files: a lesson file on disk, a lesson shipped inside the jar, or one built in code.
 */
public sealed interface LessonOrigin {
    /** A lesson built in code or from text that has no file behind it. */
    LessonOrigin NONE = new None();

    /** A lesson file on disk. */
    record File(Path path) implements LessonOrigin {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * A lesson file inside the application, read with {@link Class#getResourceAsStream}.
     *
     * @param path the absolute resource path, e.g. "/assets/lessons/three-stages.c"
     */
    record Resource(String path) implements LessonOrigin {
        public Resource {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a resource path starts with '/': " + path);
            }
        }
    }

    /** No file behind the lesson. */
    record None() implements LessonOrigin {
    }
}
