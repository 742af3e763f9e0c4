// title: 描述符属于进程 | Descriptors belong to a process
// description: fork() 之后父子进程各有一张号码表；0、1、2 只是约定 | After fork() parent and child each have a table of their own; 0, 1 and 2 are only a convention
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    // say: 父进程拿到一个 TCP 套接字：3 号。 | The parent gets a TCP socket: number 3.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: fork() 给子进程复印整张表：同样的号码，同样的套接字；线程则共用一张表。 | fork() copies the whole table to the child: same numbers, same sockets. Threads share one.
    pid_t child = fork();
    if (child == 0) {
        // say: 子进程在自己的表里拿到最小的空号码：4。 | The child gets the lowest free number in its own table: 4.
        socket(AF_INET, SOCK_DGRAM, 0);
    } else {
        // say: 父进程也拿到 4，却是另一个套接字：号码只在一个进程里有意义。 | The parent gets 4 too, for another socket: a number means something in one process only.
        socket(AF_INET, SOCK_DGRAM, 0);
    }
    if (child == 0) {
        // say: 子进程退出：它的 UDP 套接字被释放，3 号的 TCP 套接字父进程还拿着。 | The child exits: its UDP socket is freed; the TCP socket lives on, the parent holds it.
        exit(0);
    }
    // say: 0、1、2 只是约定：父进程关掉 stdin，0 号就空了。 | 0, 1 and 2 are only a convention: the parent closes stdin, and drawer 0 is free.
    close(STDIN_FILENO);
    // say: 下一个 socket() 拿到最小的空号码：0。 | The next socket() gets the lowest free number: 0.
    socket(AF_INET, SOCK_STREAM, 0);
    return 0;   // say: 父进程退出：所有抽屉清空，内存全部还回去。 | The parent exits: every drawer empties and all the memory goes back.
}
