// SPDX-License-Identifier: Apache-2.0
/* pidfd_open() and pidfd_getfd(): a parent copies its child's UDP socket into its own table. The
   pidfd and the copy are always close-on-exec (pidfd_create, receive_fd with O_CLOEXEC), so after
   execve the new program's first openat gets the pidfd's number again. pidfd_getfd of a number the
   child has not open is EBADF; flags other than 0 are EINVAL. */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int ready[2], done[2];
    pipe(ready);
    pipe(done);
    pid_t child = fork();
    if (child == 0) {
        int s = socket(AF_INET, SOCK_DGRAM, 0);                  /* 7 in the child */
        (void)s;
        char c;
        write(ready[1], "r", 1);
        read(done[0], &c, 1);                                    /* waits for the parent */
        _exit(0);
    }
    char c;
    read(ready[0], &c, 1);
    int pidfd = syscall(SYS_pidfd_open, child, 0);               /* 7 */
    syscall(SYS_pidfd_getfd, pidfd, 7, 0);                       /* 8: the child's socket */
    syscall(SYS_pidfd_getfd, pidfd, 40, 0);                      /* EBADF: nothing at 40 */
    syscall(SYS_pidfd_getfd, pidfd, 7, 1);                       /* EINVAL: flags */
    write(done[1], "d", 1);
    waitpid(child, NULL, 0);
    execl("/bin/true", "true", (char *)0);                       /* 7 and 8 are closed */
    return 1;
}
