// SPDX-License-Identifier: Apache-2.0
// An event loop in one process, with every kind of descriptor an event loop watches: a
// non-blocking TCP listener (SOCK_NONBLOCK) and a client made non-blocking with
// ioctl(FIONBIO) whose connect() returns EINPROGRESS; epoll tells when the handshake is
// done and getsockopt(SO_ERROR) says how; recv with nothing queued is EAGAIN; the server
// echoes. Beside them an eventfd, a timerfd, a signalfd, a pipe, an inotify watch and a
// memfd, each made ready once and read. Then it prints READY, waits for a line on stdin
// and exits without closing anything.
// Build: gcc -O2 -Wall -o epoll_kinds epoll_kinds.c
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

static int ep;

static void watch(int fd, uint32_t events) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

/** Waits until fd is reported ready. */
static void wait_for(int fd) {
    struct epoll_event ev[16];
    for (;;) {
        int n = epoll_wait(ep, ev, 16, 5000);
        for (int i = 0; i < n; i++) {
            if (ev[i].data.fd == fd) {
                return;
            }
        }
        if (n <= 0) {
            return;
        }
    }
}

int main(void) {
    char buf[256];
    ep = epoll_create1(EPOLL_CLOEXEC);                                       // 3
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);  // 4
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    bind(listener, (struct sockaddr *) &a, sizeof a);
    listen(listener, 16);
    getsockname(listener, (struct sockaddr *) &a, &len);
    watch(listener, EPOLLIN);
    int conn = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);  // -1 EAGAIN: nobody yet

    int client = socket(AF_INET, SOCK_STREAM, 0);                            // 5
    int on = 1;
    ioctl(client, FIONBIO, &on);
    connect(client, (struct sockaddr *) &a, sizeof a);                       // -1 EINPROGRESS
    watch(client, EPOLLOUT);
    wait_for(client);                                                        // writable: the handshake is done
    int err = -1;
    socklen_t errlen = sizeof err;
    getsockopt(client, SOL_SOCKET, SO_ERROR, &err, &errlen);                 // 0: connected
    struct epoll_event in = {.events = EPOLLIN, .data.fd = client};
    epoll_ctl(ep, EPOLL_CTL_MOD, client, &in);                               // now wait for its replies
    wait_for(listener);
    conn = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);      // 6
    watch(conn, EPOLLIN);
    recv(client, buf, sizeof buf, 0);                                        // -1 EAGAIN
    send(client, "ping", 4, MSG_NOSIGNAL);
    wait_for(conn);
    ssize_t n = recv(conn, buf, sizeof buf, 0);
    send(conn, buf, n, MSG_NOSIGNAL);
    wait_for(client);
    recv(client, buf, sizeof buf, 0);                                        // "ping" back

    int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);                         // 7
    watch(efd, EPOLLIN);
    uint64_t one = 1;
    write(efd, &one, sizeof one);
    wait_for(efd);
    read(efd, &one, sizeof one);

    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);   // 8
    struct itimerspec soon = {.it_value = {.tv_nsec = 10 * 1000 * 1000}};
    timerfd_settime(tfd, 0, &soon, NULL);
    watch(tfd, EPOLLIN);
    wait_for(tfd);
    read(tfd, &one, sizeof one);

    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    int sfd = signalfd(-1, &usr1, SFD_NONBLOCK | SFD_CLOEXEC);                // 9
    watch(sfd, EPOLLIN);
    kill(getpid(), SIGUSR1);
    wait_for(sfd);
    struct signalfd_siginfo si;
    read(sfd, &si, sizeof si);

    int pipefd[2];
    pipe2(pipefd, O_NONBLOCK | O_CLOEXEC);                                   // 10, 11
    watch(pipefd[0], EPOLLIN);
    write(pipefd[1], "x", 1);
    wait_for(pipefd[0]);
    read(pipefd[0], buf, sizeof buf);

    int ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);                       // 12
    inotify_add_watch(ifd, ".", IN_CREATE | IN_DELETE);
    watch(ifd, EPOLLIN);
    int f = open("epoll-kinds.tmp", O_CREAT | O_WRONLY | O_CLOEXEC, 0600);   // 13
    close(f);
    unlink("epoll-kinds.tmp");
    wait_for(ifd);
    read(ifd, buf, sizeof buf);

    int mfd = memfd_create("socketlab", MFD_CLOEXEC);                        // 13 again
    if (ftruncate(mfd, 4096) != 0) {
        return 1;
    }

    printf("epoll %d listener %d client %d conn %d eventfd %d timerfd %d signalfd %d pipe %d %d inotify %d"
           " memfd %d; READY\n", ep, listener, client, conn, efd, tfd, sfd, pipefd[0], pipefd[1], ifd, mfd);
    fflush(stdout);
    if (fgets(buf, sizeof buf, stdin) == NULL) { /* end of input: exit all the same */ }
    _exit(0);
}
