// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The calls of a connection's life as a C program writes them: recv, recvfrom, read and write with
 * a char buffer, setsockopt with {@code &one}, signal(SIGPIPE, ...), setrlimit with a struct rlimit.
 * Each runs in the model with the answer the real kernel gives (the built-in lessons that use them
 * are proved against it by LessonKernelProofTest).
 */
class ConnectionCallsTest {
    private static final String[] CONNECTED = {
            "struct sockaddr_in addr = {0};",
            "addr.sin_family = AF_INET;",
            "addr.sin_port = htons(8080);",
            "addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
            "char buf[64];",
            "int srv = socket(AF_INET, SOCK_STREAM, 0);",
            "bind(srv, (struct sockaddr *)&addr, sizeof addr);",
            "listen(srv, 8);",
            "int cli = socket(AF_INET, SOCK_STREAM, 0);",
            "connect(cli, (struct sockaddr *)&addr, sizeof addr);",
            "int conn = accept(srv, NULL, NULL);"};
    private static final String[] CONNECTED_RESULTS = {"4242 socket → 3", "4242 bind → 0", "4242 listen → 0",
            "4242 socket → 4", "4242 connect → 0", "4242 accept → 5"};

    private static Lesson connectedThen(String... lines) throws Exception {
        String[] all = new String[CONNECTED.length + lines.length];
        System.arraycopy(CONNECTED, 0, all, 0, CONNECTED.length);
        System.arraycopy(lines, 0, all, CONNECTED.length, lines.length);
        return Compiled.compile(all);
    }

    @Test
    void queuedBytesDrainThroughRecvRecvfromAndReadAndAFinReadsAsZero() throws Exception {
        Lesson lesson = connectedThen(
                "send(cli, \"hello, server\", 13, 0);",
                "ssize_t n = recv(conn, buf, 5, 0);",
                "n = read(conn, buf, sizeof buf);",
                "recvfrom(conn, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL);",
                "write(conn, \"hi\", 2);",
                "read(cli, buf, sizeof(buf));",
                "close(cli);",
                "read(conn, buf, sizeof buf);");

        assertThat(Compiled.results(lesson)).containsSequence(CONNECTED_RESULTS).endsWith("4242 send → 13",
                "4242 recv → 5", "4242 read → 8", "4242 recvfrom → EAGAIN", "4242 write → 2", "4242 read → 2",
                "4242 close → 0", "4242 read → 0");
    }

    @Test
    void reuseaddrOnTheNewSocketAloneDoesNotBindAPortInTimeWait() throws Exception {
        Lesson lesson = connectedThen(
                "int one = 1;",
                "close(conn);",
                "close(cli);",
                "close(srv);",
                "int again = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(again, (struct sockaddr *)&addr, sizeof addr);",
                "setsockopt(again, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);",
                "bind(again, (struct sockaddr *)&addr, sizeof addr);");

        assertThat(Compiled.results(lesson)).endsWith("4242 socket → 3", "4242 bind → EADDRINUSE",
                "4242 setsockopt → 0", "4242 bind → EADDRINUSE");
    }

    @Test
    void closingWithUnreadDataResetsThePeerOnce() throws Exception {
        Lesson lesson = connectedThen(
                "send(cli, \"request\", 7, 0);",
                "close(conn);",
                "recv(cli, buf, sizeof buf, 0);",
                "recv(cli, buf, sizeof buf, 0);",
                "send(cli, \"more\", 4, MSG_NOSIGNAL);");

        assertThat(Compiled.results(lesson)).endsWith("4242 send → 7", "4242 close → 0", "4242 recv → ECONNRESET",
                "4242 recv → 0", "4242 send → EPIPE");
    }

    @Test
    void lingerZeroMakesCloseResetWithNothingUnreadAndLingerOffClosesWithAFin() throws Exception {
        Lesson zero = connectedThen(
                "struct linger lin = {1, 0};",
                "setsockopt(conn, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);",
                "close(conn);",
                "recv(cli, buf, sizeof buf, 0);",
                "send(cli, \"more\", 4, MSG_NOSIGNAL);");
        Lesson off = connectedThen(
                "struct linger lin = {0, 0};",
                "setsockopt(conn, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);",
                "close(conn);",
                "recv(cli, buf, sizeof buf, 0);");

        assertThat(Compiled.results(zero)).endsWith("4242 setsockopt → 0", "4242 close → 0", "4242 recv → ECONNRESET",
                "4242 send → EPIPE");
        assertThat(Compiled.results(off)).endsWith("4242 setsockopt → 0", "4242 close → 0", "4242 recv → 0");
    }

    @Test
    void signalIgnoringSigpipeTurnsTheDeathIntoEpipe() throws Exception {
        // the first send reaches the closed socket, whose RST makes the second one EPIPE
        Lesson killed = connectedThen("close(conn);", "send(cli, \"a\", 1, 0);", "send(cli, \"b\", 1, 0);",
                "send(cli, \"c\", 1, 0);");
        Lesson ignored = connectedThen("signal(SIGPIPE, SIG_IGN);", "close(conn);", "send(cli, \"a\", 1, 0);",
                "send(cli, \"b\", 1, 0);", "send(cli, \"c\", 1, 0);");

        assertThat(Compiled.results(killed)).as("SIGPIPE ends the process: the third send never runs")
                .endsWith("4242 close → 0", "4242 send → 1", "4242 send → EPIPE");
        assertThat(Compiled.results(ignored)).endsWith("4242 signal → 0", "4242 close → 0", "4242 send → 1",
                "4242 send → EPIPE", "4242 send → EPIPE");
    }

    @Test
    void aNonBlockingConnectIsInProgressThenSoErrorSaysZeroAndConnectCompletesOnce() throws Exception {
        Lesson lesson = Compiled.compile(
                "struct sockaddr_in addr = {0};",
                "addr.sin_family = AF_INET;",
                "addr.sin_port = htons(8080);",
                "addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
                "char buf[64];",
                "int err;",
                "socklen_t len = sizeof err;",
                "int srv = socket(AF_INET, SOCK_STREAM, 0);",
                "bind(srv, (struct sockaddr *)&addr, sizeof addr);",
                "listen(srv, 8);",
                "int cli = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);",
                "connect(cli, (struct sockaddr *)&addr, sizeof addr);",
                "getsockopt(cli, SOL_SOCKET, SO_ERROR, &err, &len);",
                "connect(cli, (struct sockaddr *)&addr, sizeof addr);",
                "connect(cli, (struct sockaddr *)&addr, sizeof addr);",
                "recv(cli, buf, sizeof buf, 0);");

        // as the real kernel answers (strace in the nonblocking-connect lesson's proof): the second connect()
        // returns 0 and makes the socket SS_CONNECTED; only the third gets EISCONN
        assertThat(Compiled.results(lesson)).endsWith("4242 socket → 4", "4242 connect → EINPROGRESS",
                "4242 getsockopt → 0", "4242 connect → 0", "4242 connect → EISCONN", "4242 recv → EAGAIN");
    }

    @Test
    void aConnectedUdpSocketHearsOfAPortNobodyHasOnItsNextCallOnceAndAnUnconnectedOneNever() throws Exception {
        Lesson lesson = Compiled.compile(
                "struct sockaddr_in addr = {0};",
                "addr.sin_family = AF_INET;",
                "addr.sin_port = htons(8080);",
                "addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
                "char buf[64];",
                "int err;",
                "socklen_t len = sizeof err;",
                "int fd = socket(AF_INET, SOCK_DGRAM, 0);",
                "connect(fd, (struct sockaddr *)&addr, sizeof addr);",
                "send(fd, \"ping\", 4, 0);",
                "send(fd, \"ping\", 4, 0);",
                "send(fd, \"ping\", 4, 0);",
                "recv(fd, buf, sizeof buf, 0);",
                "send(fd, \"ping\", 4, 0);",
                "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);",
                "int loose = socket(AF_INET, SOCK_DGRAM, 0);",
                "sendto(loose, \"ping\", 4, 0, (struct sockaddr *)&addr, sizeof addr);",
                "sendto(loose, \"ping\", 4, 0, (struct sockaddr *)&addr, sizeof addr);");

        // as strace shows on this machine (lesson udp-refused, kernel-truth udp-icmp-refused): the ICMP port
        // unreachable on loopback arrives before send() returns, and sk_err fails the next call once
        assertThat(Compiled.results(lesson)).containsExactly("4242 socket → 3", "4242 connect → 0",
                "4242 send → 4", "4242 send → ECONNREFUSED", "4242 send → 4", "4242 recv → ECONNREFUSED",
                "4242 send → 4", "4242 getsockopt → 0", "4242 socket → 4", "4242 sendto → 4", "4242 sendto → 4");
    }

    @Test
    void aUdpReceiverOnThePortMeansNoIcmpAndTheDatagramIsQueued() throws Exception {
        Lesson lesson = Compiled.compile(
                "struct sockaddr_in addr = {0};",
                "addr.sin_family = AF_INET;",
                "addr.sin_port = htons(8080);",
                "addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);",
                "char buf[64];",
                "int r = socket(AF_INET, SOCK_DGRAM, 0);",
                "bind(r, (struct sockaddr *)&addr, sizeof addr);",
                "int fd = socket(AF_INET, SOCK_DGRAM, 0);",
                "connect(fd, (struct sockaddr *)&addr, sizeof addr);",
                "send(fd, \"ping\", 4, 0);",
                "send(fd, \"ping\", 4, 0);",
                "recv(r, buf, 4, 0);");

        assertThat(Compiled.results(lesson)).endsWith("4242 send → 4", "4242 send → 4", "4242 recv → 4");
    }

    @Test
    void setrlimitTakesTheSoftLimitOfAStructRlimit() throws Exception {
        Lesson lesson = Compiled.compile(
                "struct rlimit lim = { .rlim_cur = 5, .rlim_max = 5 };",
                "setrlimit(RLIMIT_NOFILE, &lim);",
                "socket(AF_INET, SOCK_STREAM, 0);",
                "socket(AF_INET, SOCK_STREAM, 0);",
                "socket(AF_INET, SOCK_STREAM, 0);");

        assertThat(Compiled.results(lesson)).containsExactly("4242 setrlimit → 0", "4242 socket → 3",
                "4242 socket → 4", "4242 socket → EMFILE");
    }
}
