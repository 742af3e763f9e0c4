// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A lesson may be a complete C program that gcc compiles unchanged (docs/lesson-format.md). */
class RealProgramsTest {
    @Test
    void aWholeProgramWithAddressStructuresRunsTheSameCallsAsTheShortForms() throws Exception {
        LessonSource lesson = LessonParser.parse(Lessons.resource("real/everything.c"));
        assertThat(Lessons.calls(lesson)).containsExactly(
                "app: signal(13, 1)",
                "app: srv = socket(2, 1, 0)",
                "app: bind(srv, 127.0.0.1:8080)",
                "app: listen(srv, 8)",
                "app: cli = socket(2, 1, 0)",
                "app: connect(cli, 127.0.0.1:8080)",
                "app: conn = accept(srv)",
                "app: send(cli, \"hello\", 5, 0)",
                "app: u = socket(1, 1, 0)",
                "app: bind(u, ./lesson.sock)",
                "app: d = socket(10, 2, 0)",
                "app: sendto(d, \"ping\", 4, 0, [::1]:9000)",
                "app: close(conn)",
                "app: close(cli)",
                "app: close(srv)",
                "app: exit(0)");
        assertThat(lesson.statements().get(2).text()).isEqualTo("bind(srv, (struct sockaddr *)&addr, sizeof addr)");
    }

    @Test
    void aFieldNeverSetIsExplainedWithItsPlaceAndAFix() {
        String error = Lessons.errorOf(
                "struct sockaddr_in addr;",
                "addr.sin_family = AF_INET;",
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(fd, (struct sockaddr *)&addr, sizeof addr);");
        assertThat(error).startsWith("lesson.c:4:30: addr.sin_addr is never set, so it holds whatever was on the stack")
                .contains("hint: set it before the call, or declare the address zeroed: struct ... addr = {0};");
    }

    @Test
    void aShortAddressLengthIsRefused() {
        String error = Lessons.errorOf(
                "struct sockaddr_in addr = {0};",
                "addr.sin_family = AF_INET;",
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(fd, (struct sockaddr *)&addr, 8);");
        assertThat(error).startsWith("lesson.c:4:36: a struct sockaddr_in is 16 bytes, not 8")
                .contains("hint: pass the whole structure: sizeof addr");
    }

    @Test
    void aPortWithoutHtonsLandsByteSwappedAsInC() throws Exception {
        LessonSource lesson = Lessons.parse(
                "struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 8080,",
                "                            .sin_addr.s_addr = INADDR_ANY };",
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(fd, (struct sockaddr *)&addr, sizeof(struct sockaddr_in));");
        assertThat(Lessons.calls(lesson)).containsExactly("app: fd = socket(2, 1, 0)", "app: bind(fd, 0.0.0.0:36895)");
    }

    @Test
    void numbersAndBuffersMayBeDeclaredAndHelpersThatOnlyPrintOrWaitAreAccepted() throws Exception {
        LessonSource lesson = Lessons.parse(
                "int main(int argc, char **argv) {",
                "    int flags = SOCK_STREAM;",
                "    char buf[64];",
                "    int fd = socket(AF_INET, flags | SOCK_CLOEXEC, 0);",
                "    printf(\"fd %d, %zu bytes\\n\", fd, sizeof buf);",
                "    perror(\"socket\");",
                "    usleep(100 * 1000);",
                "    send(fd, \"hi\", strlen(\"hi\"), 0);",
                "    return 0;",
                "}");
        assertThat(Lessons.calls(lesson)).containsExactly("app: fd = socket(2, 524289, 0)", "app: send(fd, \"hi\", 2, 0)",
                "app: exit(0)");
    }

    @Test
    void theFieldsOfAnotherStructureAreNamedInTheHint() {
        String error = Lessons.errorOf(
                "struct sockaddr_in addr = {0};",
                "addr.sin6_port = htons(80);");
        assertThat(error).startsWith("lesson.c:2:6: Socket Lab does not read the field 'sin6_port' of a struct sockaddr_in")
                .contains("hint: a struct sockaddr_in has addr.sin_family, addr.sin_port and addr.sin_addr.s_addr");
    }

    @Test
    void anArrayElementReadBeforeSocketpairFilledItIsExplained() {
        String error = Lessons.errorOf(
                "int sv[2];",
                "close(sv[0]);");
        assertThat(error).isEqualTo("""
                lesson.c:2:7: sv[0] holds nothing yet
                close(sv[0]);
                      ^
                hint: fill the array in first: socketpair(AF_UNIX, SOCK_STREAM, 0, sv);""");
    }
}
