// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real C programs as lessons: what their calls return when the model runs them. */
class RealProgramLessonsTest {
    @Test
    void socketpairFillsBothElementsAndTheLessonUsesThem() throws Exception {
        Lesson lesson = Compiled.compile(
                "#include <sys/socket.h>",
                "#include <unistd.h>",
                "int main(void) {",
                "    int sv[2];",
                "    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);",
                "    close(sv[0]);",
                "    int fd = socket(AF_INET, SOCK_DGRAM, 0);",
                "    close(sv[1]);",
                "    close(sv[1]);",
                "    return 0;",
                "}");
        // socketpair() builds each socket in socket()'s three stages (their tickets 3 and 4), then joins them
        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 socket → 4",
                "4242 socketpair → 0", "4242 close → 0",
                "4242 socket → 3", "4242 close → 0", "4242 close → EBADF", "4242 exit → 0");
    }

    @Test
    void anAddressStructureBindsAndConnectsLikeTheShortForm() throws Exception {
        Lesson lesson = Compiled.compile(
                "struct sockaddr_in addr = {0};",
                "addr.sin_family = AF_INET;",
                "addr.sin_port = htons(8080);",
                "inet_pton(AF_INET, \"127.0.0.1\", &addr.sin_addr);",
                "int srv = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(srv, (struct sockaddr *)&addr, sizeof addr);",
                "listen(srv, 1);",
                "int cli = socket(AF_INET, SOCK_STREAM, 0);",
                "connect(cli, (struct sockaddr *)&addr, sizeof addr);",
                "int other = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(other, (struct sockaddr *)&addr, sizeof addr);");
        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 bind → 0", "4242 listen → 0",
                "4242 socket → 4", "4242 connect → 0", "4242 socket → 5", "4242 bind → EADDRINUSE");
    }
}
