// SPDX-License-Identifier: Apache-2.0
/* The descriptor table beyond socket(), with the limit lowered to 16 (setrlimit): fcntl(F_DUPFD,
   n) takes the lowest free number >= n and refuses n >= the limit with EINVAL; dup2 to a number
   >= the limit is EBADF; dup2(fd, fd) is fd, dup3(fd, fd, 0) EINVAL; close_range closes a range
   (gaps and all), or with CLOSE_RANGE_CLOEXEC only marks it; the lowest free number is taken
   again after a close; socket() at the limit is EMFILE; socketpair() with one slot free is
   EMFILE too, and takes nothing. */
#define _GNU_SOURCE
#include <stdio.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    close_range(3, ~0U, 0);                       /* whatever the shell left open: a clean table */
    struct rlimit limit = {16, 16};
    setrlimit(RLIMIT_NOFILE, &limit);
    int fd = socket(AF_INET, SOCK_STREAM, 0);     /* 3 */
    fcntl(fd, F_DUPFD, 10);                       /* 10 */
    fcntl(fd, F_DUPFD, 10);                       /* 11: the lowest free >= 10 */
    fcntl(fd, F_DUPFD_CLOEXEC, 15);               /* 15, the last number */
    fcntl(fd, F_DUPFD, 15);                       /* none free >= 15: EMFILE */
    fcntl(fd, F_DUPFD, 16);                       /* n >= limit: EINVAL */
    dup2(fd, 16);                                 /* EBADF */
    dup2(fd, fd);                                 /* 3: nothing to do */
    dup3(fd, fd, 0);                              /* EINVAL */
    dup2(fd, 5);                                  /* 5 */
    close(5);
    socket(AF_INET, SOCK_DGRAM, 0);               /* 4: the lowest free */
    socket(AF_INET, SOCK_DGRAM, 0);               /* 5 */
    close_range(10, 11, CLOSE_RANGE_CLOEXEC); /* only marks 10 and 11 */
    fcntl(10, F_GETFD);                           /* FD_CLOEXEC */
    close_range(4, 12, 0);           /* closes 4, 5, 10, 11; 6-9 and 12 were free */
    fcntl(10, F_GETFD);                           /* EBADF */
    for (int i = 0; i < 12; i++) {
        socket(AF_INET, SOCK_DGRAM, 0);           /* 4..14, then EMFILE */
    }
    close(14);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);      /* needs two free slots: EMFILE */
    socket(AF_INET, SOCK_DGRAM, 0);               /* 14: socketpair took nothing */
    return 0;
}
