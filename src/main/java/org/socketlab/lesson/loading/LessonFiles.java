// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.source.LessonCompiler;
import org.socketlab.lesson.source.LessonParseException;
import org.socketlab.lesson.source.LessonParser;
import org.socketlab.lesson.source.LessonSource;

/**
 * Reads lesson files into lessons ready to play: parse (docs/lesson-format.md), then
 * {@linkplain LessonCompiler compile}. The one place the window goes to open, drop or reload
 * a lesson. A lesson's id is its file name without the extension.
 */
public final class LessonFiles {
    private LessonFiles() {
    }

    /**
     * Reads a lesson file from disk.
     *
     * @throws LessonParseException when the file cannot be read or is not a valid lesson; its
     *                              message lists the problems as {@code file:line:column: ...}
     */
    public static Lesson load(Path file) throws LessonParseException {
        LessonSource source = LessonParser.parse(file);
        Path name = file.getFileName();
        String id = LessonCompiler.idOf(name == null ? file.toString() : name.toString());
        return LessonCompiler.compile(source, id, new LessonOrigin.File(file));
    }

    /**
     * Reads a lesson shipped inside the application.
     *
     * @param resourcePath an absolute resource path, e.g. "/assets/lessons/three-stages.c"
     * @throws LessonParseException     when the lesson is not valid
     * @throws IllegalArgumentException when there is no such resource
     */
    public static Lesson loadResource(String resourcePath) throws LessonParseException {
        LessonSource source = parseResource(resourcePath);
        return LessonCompiler.compile(source, LessonCompiler.idOf(resourcePath), new LessonOrigin.Resource(resourcePath));
    }

    /**
     * Reads a lesson again from where it came from (F5): a changed file gives the new lesson.
     * A lesson with no file behind it comes back as it is.
     */
    public static Lesson reload(Lesson lesson) throws LessonParseException {
        LessonOrigin origin = lesson.origin();
        if (origin instanceof LessonOrigin.File file) {
            return load(file.path());
        }
        if (origin instanceof LessonOrigin.Resource resource) {
            return loadResource(resource.path());
        }
        return lesson;
    }

    /** Parses a lesson resource; its name in messages is the file name, e.g. "three-stages.c". */
    public static LessonSource parseResource(String resourcePath) throws LessonParseException {
        return LessonParser.parse(resourcePath.substring(resourcePath.lastIndexOf('/') + 1), readResource(resourcePath));
    }

    static byte[] readResource(String resourcePath) {
        try (InputStream in = LessonFiles.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resourcePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePath, e);
        }
    }
}
