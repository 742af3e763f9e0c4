// SPDX-License-Identifier: Apache-2.0
/* The ticket is the lowest number not open in this process. 0, 1 and 2 are only a convention:
   close standard input and the next socket() is 0. After fork() each process has its own copy
   of the table: parent and child are both given 4 for their next socket, and a socket closed
   in one is still open in the other. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

int main(void) {
    close(0);
    int zero = socket(AF_INET, SOCK_STREAM, 0);   /* 0: stdin's slot was free */
    int three = socket(AF_INET, SOCK_STREAM, 0);  /* 3 */
    pid_t child = fork();
    int four = socket(AF_INET, SOCK_DGRAM, 0);    /* 4 in both processes */
    if (child == 0) {
        close(three);                             /* the child's copy only */
        return four == 4 ? 0 : 1;
    }
    waitpid(child, NULL, 0);
    fcntl(three, F_GETFD);                        /* still open in the parent */
    printf("%d %d %d\n", zero, three, four);
    return 0;
}
