// SPDX-License-Identifier: Apache-2.0
// Every way to copy, mark and close descriptors, on sockets: dup, dup2, dup3 (with
// O_CLOEXEC, and onto itself: EINVAL), fcntl F_DUPFD / F_DUPFD_CLOEXEC (lowest free at or
// above n; n at or above the limit: EINVAL), dup2 beyond the limit (EBADF), F_GETFD/F_SETFD,
// F_GETFL/F_SETFL with O_NONBLOCK, ioctl(FIONBIO), close_range() over a range with holes
// and with CLOSE_RANGE_CLOEXEC, then execve(): the close-on-exec ones go. The new image
// lists what survived, prints READY, waits for a line on stdin and exits without closing.
// Build: gcc -O2 -Wall -o fd_table fd_table.c
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "after-exec") == 0) {
        printf("after exec, open:");
        for (int fd = 0; fd < 16; fd++) {
            if (fcntl(fd, F_GETFD) >= 0) {
                printf(" %d", fd);
            }
        }
        printf("; READY\n");
        fflush(stdout);
        char line[8];
        if (fgets(line, sizeof line, stdin) == NULL) { /* end of input: exit all the same */ }
        _exit(0);
    }
    struct rlimit sixteen = {16, 16};
    setrlimit(RLIMIT_NOFILE, &sixteen);

    int tcp = socket(AF_INET, SOCK_STREAM, 0);              // 3
    int udp = socket(AF_INET, SOCK_DGRAM, 0);               // 4
    int a = dup(tcp);                                       // 5: same socket
    int b = dup2(udp, 9);                                   // 9
    int c = dup3(tcp, 10, O_CLOEXEC);                       // 10, close-on-exec
    int same = dup3(tcp, tcp, 0);                           // -1 EINVAL (dup2 would return 3)
    int d = fcntl(udp, F_DUPFD, 7);                         // 7: lowest free at or above 7
    int e = fcntl(tcp, F_DUPFD_CLOEXEC, 7);                 // 8, close-on-exec
    int tooHigh = fcntl(tcp, F_DUPFD, 20);                  // -1 EINVAL: 20 >= limit 16
    int beyond = dup2(tcp, 100);                            // -1 EBADF: 100 >= limit 16
    int flags = fcntl(d, F_GETFD);
    fcntl(d, F_SETFD, flags | FD_CLOEXEC);                  // 7 close-on-exec
    int fl = fcntl(udp, F_GETFL);
    fcntl(udp, F_SETFL, fl | O_NONBLOCK);                   // the UDP socket is non-blocking (4, 7, 9 share it)
    int on = 1;
    ioctl(tcp, FIONBIO, &on);                               // so is the TCP one (3, 5, 8, 10)
    int s11 = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);  // 6
    int s12 = socket(AF_UNIX, SOCK_DGRAM, 0);               // 11
    int s13 = socket(AF_INET6, SOCK_STREAM, 0);             // 12
    syscall(SYS_close_range, 5, 6, 0);                      // closes 5 and 6
    syscall(SYS_close_range, 11, 12, CLOSE_RANGE_CLOEXEC);  // marks 11 and 12, closes nothing
    syscall(SYS_close_range, 13, ~0U, 0);                   // nothing open there: 0
    printf("tcp %d udp %d dup %d dup2 %d dup3 %d self %d F_DUPFD %d F_DUPFD_CLOEXEC %d high %d beyond %d"
           " sockets %d %d %d\n", tcp, udp, a, b, c, same, d, e, tooHigh, beyond, s11, s12, s13);
    fflush(stdout);
    execl("/proc/self/exe", "fd_table", "after-exec", (char *) NULL);  // keeps 3, 4, 9
    perror("execl");
    return 1;
}
