// SPDX-License-Identifier: Apache-2.0
// What each event descriptor is, and what close() does to an epoll interest list. Every call
// that makes an event descriptor makes one (strace -yy names its inode); an epoll instance
// watches both ends of a pipe. The read end is duplicated, then closed: epoll still reports it
// under its old number while the duplicate keeps the open file alive; once the duplicate is closed
// too the watch is gone (eventpoll_release), and the write end now reports EPOLLERR (no reader).
// epoll_ctl(MOD) on the number, now another pipe's read end, is ENOENT: it is not watched.
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    int ep = epoll_create1(0);                                   // 3
    int p[2];
    pipe2(p, 0);                                                 // 4 read end, 5 write end
    int pidfd = (int) syscall(SYS_pidfd_open, getpid(), 0);      // 6
    int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY);          // 7 (root; EPERM otherwise)
    struct epoll_event in = {.events = EPOLLIN, .data.fd = p[0]};
    struct epoll_event out = {.events = EPOLLOUT, .data.fd = p[1]};
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &in);
    epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &out);
    struct epoll_event ev[8];
    epoll_wait(ep, ev, 8, 0);                                    // the write end only
    write(p[1], "x", 1);
    epoll_wait(ep, ev, 8, 0);                                    // both
    int copy = dup(p[0]);
    close(p[0]);                                                 // the open file lives on in the copy
    epoll_wait(ep, ev, 8, 0);                                    // still reports the closed number
    close(copy);                                                 // last reference: the watch goes
    epoll_wait(ep, ev, 8, 0);                                    // the write end, with EPOLLERR
    int q[2];
    pipe(q);                                                     // takes the read end's number again
    epoll_ctl(ep, EPOLL_CTL_MOD, q[0], &in);                     // ENOENT: not watched
    epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
    epoll_wait(ep, ev, 8, 0);                                    // nothing
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    int efd = eventfd(0, 0);
    int tfd = timerfd_create(CLOCK_MONOTONIC, 0);
    int sfd = signalfd(-1, &mask, 0);
    int ifd = inotify_init1(0);
    int mfd = memfd_create("socketlab", 0);
    printf("epoll %d pipe %d %d pidfd %d fanotify %d eventfd %d timerfd %d signalfd %d inotify %d memfd %d\n",
           ep, p[0], p[1], pidfd, fan, efd, tfd, sfd, ifd, mfd);
    return 0;
}
