// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socketlab.lesson.source.Lessons.calls;
import static org.socketlab.lesson.source.Lessons.errorOf;
import static org.socketlab.lesson.source.Lessons.parse;

import org.junit.jupiter.api.Test;

/**
 * getsockopt()'s C forms: {@code int err;} declared without a value, {@code socklen_t len = sizeof err;},
 * and {@code getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)}; the mistakes say what to write.
 */
class SocketOptionFormsTest {
    @Test
    void getsockoptTakesPointersToAnIntAndItsLength() throws Exception {
        LessonSource lesson = parse(
                "int err;",
                "socklen_t len = sizeof err;",
                "int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);",
                "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);",
                "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len); // say: again");

        assertThat(calls(lesson)).containsExactly("app: fd = socket(2, 2049, 0)", "app: getsockopt(fd, 1, 4, 0, 0)",
                "app: getsockopt(fd, 1, 4, 0, 0)");
    }

    @Test
    void sizeofAnIntDeclaredWithoutAValueIsFour() throws Exception {
        LessonSource lesson = parse("int err;", "socklen_t len = sizeof err;", "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);", "close(fd);");

        assertThat(calls(lesson)).hasSize(3);
    }

    @Test
    void getsockoptNeedsAnIntVariableNotAnAddressOrAStringOrANumber() {
        assertThat(errorOf("struct sockaddr_in addr = {0};", "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "int len = 4;", "getsockopt(fd, SOL_SOCKET, SO_ERROR, &addr, &len);")).isEqualTo("""
                lesson.c:4:38: getsockopt() needs an int variable here, not &addr
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &addr, &len);
                                                     ^
                hint: e.g. getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) with int err; socklen_t len = sizeof err;""");
        assertThat(errorOf("int fd = socket(AF_INET, SOCK_STREAM, 0);", "getsockopt(fd, SOL_SOCKET, SO_ERROR, 0, 4);"))
                .startsWith("lesson.c:2:38: getsockopt() needs a pointer here, as C does");
    }

    @Test
    void anIntDeclaredWithoutAValueCannotBePassedOn() {
        assertThat(errorOf("int err;", "int fd = socket(AF_INET, SOCK_STREAM, 0);", "close(err);")).isEqualTo("""
                lesson.c:3:7: 'err' holds what a call wrote into it, which the window shows; a lesson cannot pass it on
                close(err);
                      ^
                hint: use a variable that holds a call's result, e.g. int fd = socket(AF_INET, SOCK_STREAM, 0);""");
    }

    @Test
    void anIntDeclaredWithoutAValueIsDeclaredOnce() {
        assertThat(errorOf("int err;", "int err;", "socket(AF_INET, SOCK_STREAM, 0);"))
                .startsWith("lesson.c:2:5: 'err' is already declared on line 1");
    }

    @Test
    void setsockoptTakesAStructLingerForSoLingerInBothInitializerForms() throws Exception {
        LessonSource lesson = parse(
                "struct linger lin = {1, 0};",
                "struct linger off = { .l_onoff = 0, .l_linger = 5 };",
                "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "setsockopt(fd, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);",
                "setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));");

        assertThat(calls(lesson)).containsExactly("app: fd = socket(2, 1, 0)", "app: setsockopt(fd, 1, 13, &lin, 8)",
                "app: setsockopt(fd, 1, 13, &off, 8)");
        assertThat(lesson.statements().get(1).argument("value")).isEqualTo(new Argument.Linger(1, 0, "&lin"));
        assertThat(lesson.statements().get(2).argument("value")).isEqualTo(new Argument.Linger(0, 5, "&off"));
    }

    @Test
    void soLingerWithAnIntIsRefusedAsTheKernelWouldWithEinval() {
        assertThat(errorOf("int one = 1;", "int fd = socket(AF_INET, SOCK_STREAM, 0);",
                "setsockopt(fd, SOL_SOCKET, SO_LINGER, &one, sizeof one);")).isEqualTo("""
                lesson.c:3:39: SO_LINGER takes a struct linger, not an int
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &one, sizeof one);
                                                      ^
                hint: declare struct linger lin = {1, 0}; and pass &lin, sizeof lin""");
    }

    @Test
    void aStructLingerNamesItsFieldsInOrder() {
        assertThat(errorOf("struct linger lin = { .l_linger = 0, .l_onoff = 1 };", "socket(AF_INET, SOCK_STREAM, 0);"))
                .startsWith("lesson.c:1:24: expected .l_onoff, found 'l_linger'");
    }
}
