// title: 我的 fork() 程序 | My fork() program
// description: fork() 之后父子进程各有一张号码表 | After fork() parent and child each have a table of their own
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    // say: 父进程的套接字：3 号。 | The parent's socket: number 3.
    int s = socket(AF_INET, SOCK_STREAM, 0);
    // say: fork() 复印整张表。 | fork() copies the whole table.
    pid_t child = fork();
    if (child == 0) {
        // say: 子进程在自己的表里拿到 4 号。 | The child gets number 4 in its own table.
        socket(AF_INET, SOCK_DGRAM, 0);
        exit(0);
    }
    close(s);
    return 0;
}
