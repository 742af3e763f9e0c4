// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.source.LessonParseException;

/**
 * The starting points of File › New lesson: small complete C programs under
 * {@code /assets/templates}, each a lesson and a program gcc compiles with {@code -Wall -Werror}.
 */
public final class LessonTemplates {
    /** The folder of the templates inside the application. */
    public static final String FOLDER = "/assets/templates/";
    /** The templates' ids, in menu order; each is {@code FOLDER + id + ".c"}. */
    public static final List<String> IDS = List.of("tcp-server", "tcp-client", "udp", "many-sockets", "fork");

    private LessonTemplates() {
    }

    /** Where a template lives inside the application. */
    public static String resourceOf(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no template " + id);
        }
        return FOLDER + id + ".c";
    }

    /** A template's text. */
    public static String text(String id) {
        return new String(LessonFiles.readResource(resourceOf(id)), StandardCharsets.UTF_8);
    }

    /** A template as a lesson; its origin is the template, so the editor can show and change it. */
    public static Lesson lesson(String id) {
        try {
            return LessonFiles.loadResource(resourceOf(id));
        } catch (LessonParseException e) {
            throw new IllegalStateException("a template does not compile:\n" + e.getMessage(), e);
        }
    }
}
