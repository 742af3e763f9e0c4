/* fork(): the child gets a COPY of the descriptor table. Parent and child each open a socket
 * after the fork and both are handed the same number, 4, in their own tables. */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <unistd.h>
int main(void) {
    int before = socket(AF_INET, SOCK_STREAM, 0);        /* 3, inherited by the child */
    pid_t pid = fork();
    if (pid == 0) {
        int mine = socket(AF_INET, SOCK_DGRAM, 0);       /* 4 in the child's copy */
        close(mine);
        close(before);
        _exit(0);
    }
    int mine = socket(AF_INET6, SOCK_STREAM, 0);         /* also 4, in the parent's table */
    waitpid(pid, NULL, 0);
    close(mine);
    close(before);
    printf("parent %d and child %d both got their own 4\n", getpid(), pid);
    return 0;
}
