// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.kernelrun.KernelProof;

/** File › New lesson's templates: each a lesson, a C program gcc -Wall -Werror accepts, and true to the kernel. */
class LessonTemplatesTest {
    static final List<String> TEMPLATES = LessonTemplates.IDS;

    @TempDir
    Path dir;

    private Path write(String id) throws Exception {
        Path file = dir.resolve(id + ".c");
        Files.writeString(file, LessonTemplates.text(id), StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @FieldSource("TEMPLATES")
    void isALessonWithATitleInBothLanguages(String id) {
        Lesson lesson = LessonTemplates.lesson(id);
        assertThat(lesson.size()).isGreaterThan(3);
        assertThat(lesson.origin()).isEqualTo(new LessonOrigin.Resource("/assets/templates/" + id + ".c"));
        assertThat(lesson.title().en()).isNotBlank();
        assertThat(lesson.title().zh()).isNotBlank();
    }

    @ParameterizedTest
    @FieldSource("TEMPLATES")
    void compilesWithGccWallWerror(String id) throws Exception {
        Path file = write(id);
        Process gcc = new ProcessBuilder("gcc", "-Wall", "-Werror", "-o", dir.resolve(id).toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue()).as(output).isZero();
        assertThat(output).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("TEMPLATES")
    void theKernelAgreesWithTheModelCallByCall(String id) throws Exception {
        KernelProof.Proof proof = KernelProof.prove(write(id));
        assertThat(proof.agrees()).as(proof.describeDisagreements()).isTrue();
    }
}
