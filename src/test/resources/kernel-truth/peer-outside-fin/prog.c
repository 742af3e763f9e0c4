// SPDX-License-Identifier: Apache-2.0
/* A TCP peer outside the trace closes its end: what the log can show, and what it cannot.
   The peer is a child made with clone(CLONE_UNTRACED), which strace -f does not follow
   (kernel/fork.c kernel_clone: no ptrace event for it), so its calls are in no log: it is a
   server outside the trace, as a python http.server is for wget. It listens on PORT and takes
   three connections from the traced program:
   1. it sends "bye" and closes: the program reads "bye", then read() = 0 (the FIN): CLOSE_WAIT;
   2. the program shuts down its writing side first (FIN_WAIT2); the peer reads that FIN and
      closes: the program's read() = 0, and its connection is TIME_WAIT (tcp_fin, FIN_WAIT2);
   3. it closes at once; the program never reads: the log shows no FIN, yet the kernel holds the
      connection in CLOSE_WAIT (the program learns when the peer is done from a byte on a pipe).
   The TCP table (/proc/net/tcp) is shown after each. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "tcp_states.h"

#define PORT 8080

static void peer(int told) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    char buf[64];
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);
    write(told, "L", 1);                     /* listening */
    int c1 = accept(listener, NULL, NULL);
    write(c1, "bye", 3);
    close(c1);
    int c2 = accept(listener, NULL, NULL);
    while (read(c2, buf, sizeof buf) > 0) {
    }
    close(c2);
    int c3 = accept(listener, NULL, NULL);
    close(c3);
    write(told, "3", 1);                     /* the third connection is closed */
    _exit(0);
}

static unsigned local_port(int fd) {
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &len);
    return ntohs(a.sin_port);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int told[2];
    pipe(told);
    pid_t child = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
    if (child == 0) {
        close(told[0]);
        peer(told[1]);
    }
    close(told[1]);
    char c;
    read(told[0], &c, 1);                    /* the peer listens */

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char buf[64];

    int first = socket(AF_INET, SOCK_STREAM, 0);
    connect(first, (struct sockaddr *)&addr, sizeof addr);
    read(first, buf, sizeof buf);            /* "bye" */
    read(first, buf, sizeof buf);            /* 0: the FIN */
    show_tcp("peer closed, FIN read", PORT);

    int second = socket(AF_INET, SOCK_STREAM, 0);
    connect(second, (struct sockaddr *)&addr, sizeof addr);
    unsigned second_port = local_port(second);
    shutdown(second, SHUT_WR);
    read(second, buf, sizeof buf);           /* 0: the peer's FIN, after it read ours */
    wait_for_tcp_state(second_port, PORT, "TIME_WAIT");
    show_tcp("we shut down first, FIN read", PORT);

    int third = socket(AF_INET, SOCK_STREAM, 0);
    connect(third, (struct sockaddr *)&addr, sizeof addr);
    unsigned third_port = local_port(third);
    read(told[0], &c, 1);                    /* the peer closed the third */
    wait_for_tcp_state(third_port, PORT, "CLOSE_WAIT");
    show_tcp("peer closed, nothing read", PORT);

    waitpid(child, NULL, 0);
    _exit(0);
}
