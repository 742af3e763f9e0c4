// SPDX-License-Identifier: Apache-2.0
// A socket-activated echo server, systemd style: it opens no listener of its own. It is
// started by `systemd-socket-activate -l 127.0.0.1:PORT activated`, which made the listener,
// waited for the first connection and then exec'd this program with the listener as
// descriptor 3 (SD_LISTEN_FDS_START) and LISTEN_FDS=1, LISTEN_PID=<its pid> in the
// environment. It checks both as sd_listen_fds() does, marks 3 close-on-exec, accepts one
// connection, echoes one message, and then waits for SIGTERM with the connection still open.
// Build: gcc -O2 -Wall -o activated activated.c
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
    if (pid == NULL || fds == NULL || atoi(pid) != getpid() || atoi(fds) != 1) {
        fprintf(stderr, "activated: not started by socket activation\n");
        return 1;
    }
    int listener = 3;  // SD_LISTEN_FDS_START
    fcntl(listener, F_SETFD, FD_CLOEXEC);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_BLOCK, &term, NULL);
    int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    char buf[256];
    ssize_t n = read(conn, buf, sizeof buf);
    if (n > 0 && write(conn, buf, n) != n) {
        return 1;
    }
    int sig;
    sigwait(&term, &sig);  // the recorder samples /proc/PID/fd here, then sends SIGTERM
    return 0;              // exit closes the listener and the connection
}
