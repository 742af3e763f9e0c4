// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportNamesTest {

    @ParameterizedTest(name = "step {0} of {1} -> {3}")
    @CsvSource({
        "1, 12, Allocate memory, 01-allocate-memory.png",
        "12, 12, Return the fd, 12-return-the-fd.png",
        "1, 9, Allocate memory, 1-allocate-memory.png",
        "7, 100, sock_create(), 007-sock-create.png",
        "100, 100, sock_map_fd(), 100-sock-map-fd.png",
        "1, 1, Only step, 1-only-step.png"
    })
    void stepNumbersArePaddedToTheWidthOfTheTotal(int number, int total, String title, String expected) {
        assertThat(ExportNames.stepFileName(number, total, title, "png")).isEqualTo(expected);
    }

    @Test
    void paddedNamesSortInStepOrder() {
        String ninth = ExportNames.stepFileName(9, 10, "z", "png");
        String tenth = ExportNames.stepFileName(10, 10, "a", "png");
        assertThat(ninth).isEqualTo("09-z.png");
        assertThat(ninth.compareTo(tenth)).isNegative();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Allocate memory|allocate-memory",
        "sock_create()|sock-create",
        "  --Hello,   World!!  |hello-world",
        "Ünïcödé Café|unicode-cafe",
        "Straße|strasse",
        "ＳＯＣＫ１ full width|sock1-full-width",
        "分配内存|step",
        "分配 sock 结构|sock",
        "../../etc/passwd|etc-passwd",
        "a/b\\c:d*e?f|a-b-c-d-e-f",
        "AF_INET.SOCK_STREAM|af-inet-sock-stream",
        "'   '|step"
    })
    void slugsAreLowercaseAsciiWithSingleDashes(String title, String expected) {
        assertThat(ExportNames.slug(title)).isEqualTo(expected);
    }

    @Test
    void emptyOrMissingTitlesFallBack() {
        assertThat(ExportNames.slug(null)).isEqualTo("step");
        assertThat(ExportNames.slug("")).isEqualTo("step");
        assertThat(ExportNames.slug("套接字", "Socket lesson")).isEqualTo("socket-lesson");
        assertThat(ExportNames.slug("套接字", "课程")).isEqualTo("step");
        assertThat(ExportNames.stepFileName(2, 3, "创建套接字", "png")).isEqualTo("2-step.png");
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = ExportNames.slug("The kernel allocates a struct socket and a struct sock "
                + "and links them together before returning a file descriptor");
        assertThat(slug).hasSizeLessThanOrEqualTo(ExportNames.MAX_SLUG_LENGTH)
                .doesNotEndWith("-").startsWith("the-kernel-allocates")
                .isEqualTo("the-kernel-allocates-a-struct-socket-and-a-struct-sock-and");
        assertThat(ExportNames.slug("x".repeat(200))).hasSize(ExportNames.MAX_SLUG_LENGTH);
    }

    @Test
    void singleFileNamesAvoidWindowsDeviceNames() {
        assertThat(ExportNames.fileName("socket() lesson", "gif")).isEqualTo("socket-lesson.gif");
        assertThat(ExportNames.fileName("CON", ".PNG")).isEqualTo("con-file.png");
        assertThat(ExportNames.fileName("nul", "gif")).isEqualTo("nul-file.gif");
    }

    @Test
    void invalidNumbersAndExtensionsAreRejected() {
        assertThatThrownBy(() -> ExportNames.stepFileName(0, 5, "a", "png")).hasMessageContaining("1..5");
        assertThatThrownBy(() -> ExportNames.stepFileName(6, 5, "a", "png")).hasMessageContaining("got 6");
        assertThatThrownBy(() -> ExportNames.stepFileName(1, 1, "a", "p/ng")).hasMessageContaining("extension");
        assertThatThrownBy(() -> ExportNames.stepFileName(1, 1, "a", "")).hasMessageContaining("extension");
        assertThatThrownBy(() -> ExportNames.paddingWidth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
