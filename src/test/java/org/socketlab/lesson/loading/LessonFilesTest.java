// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.source.LessonParseException;

/** Opening, reloading and shipping lesson files: the one facade the window calls. */
class LessonFilesTest {
    @TempDir
    Path folder;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aFileBecomesALessonNamedAfterItAndKnowsWhereItCameFrom() throws Exception {
        Path file = write("第三周.c", "// title: 第三周 | Week 3\nint a = socket(AF_INET, SOCK_STREAM, 0);\n");

        Lesson lesson = LessonFiles.load(file);

        assertThat(lesson.id()).isEqualTo("第三周");
        assertThat(lesson.title().en()).isEqualTo("Week 3");
        assertThat(lesson.origin()).isEqualTo(new LessonOrigin.File(file));
        assertThat(lesson.size()).isEqualTo(4);
    }

    @Test
    void reloadReadsTheChangedFile() throws Exception {
        Path file = write("edit.c", "int a = socket(AF_INET, SOCK_STREAM, 0);\n");
        Lesson first = LessonFiles.load(file);
        write("edit.c", "int a = socket(AF_INET, SOCK_STREAM, 0);\nclose(a);\n");

        Lesson second = LessonFiles.reload(first);

        assertThat(second.size()).isEqualTo(first.size() + 2);
        assertThat(second.code()).containsExactly("int a = socket(AF_INET, SOCK_STREAM, 0);", "close(a);");
        Lesson built = new Lesson("x", LocalizedText.EMPTY, LocalizedText.EMPTY, first.code(), first.frames());
        assertThat(LessonFiles.reload(built)).isSameAs(built);
    }

    @Test
    void aBrokenFileFailsWithPositionedProblemsAndAMissingOneSaysSo() throws Exception {
        Path file = write("bad.c", "int fd = sockt(AF_INET, SOCK_STREAM, 0);\n");

        assertThatThrownBy(() -> LessonFiles.load(file)).isInstanceOf(LessonParseException.class)
                .hasMessageStartingWith(file + ":1:10: unknown call 'sockt'");
        assertThatThrownBy(() -> LessonFiles.load(folder.resolve("gone.c"))).isInstanceOf(LessonParseException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void aShippedLessonLoadsFromTheJarAndReloads() throws Exception {
        Lesson lesson = LessonFiles.loadResource("/assets/lessons/three-tabs.c");

        assertThat(lesson.id()).isEqualTo("three-tabs");
        assertThat(lesson.origin()).isEqualTo(new LessonOrigin.Resource("/assets/lessons/three-tabs.c"));
        assertThat(LessonFiles.reload(lesson).frames()).isEqualTo(lesson.frames());
        assertThatThrownBy(() -> LessonFiles.loadResource("/assets/lessons/nope.c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
