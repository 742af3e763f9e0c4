// title: 套接字泄漏 | The leak
// description: 只打开、不关闭，直到 EMFILE；关掉一个，下一次调用就成功了 | Sockets opened and never closed, until EMFILE; close one and the next call succeeds
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct rlimit lim = {8, 8};
    // say: 把上限设成 8（RLIMIT_NOFILE），号码只能是 0 到 7；这个程序只开不关。 | The limit (RLIMIT_NOFILE) becomes 8, so numbers 0 to 7; this program opens sockets and never closes them.
    setrlimit(RLIMIT_NOFILE, &lim);
    // say: 第一个套接字：3 号。 | The first socket: number 3.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 又一个，4 号。 | Another one: number 4.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 5 号。没人关闭的套接字一直占着抽屉和内存。 | Number 5. A socket nobody closes keeps its drawer and its memory.
    int c = socket(AF_INET, SOCK_STREAM, 0);
    // say: 6 号。 | Number 6.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 7 号：最后一个低于上限的抽屉。 | Number 7: the last drawer below the limit.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 盒子和表格都做好了，可最小的空号码 8 不低于上限：EMFILE。 | Box and form are ready, but the lowest free number, 8, is not below the limit: EMFILE.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 修复泄漏：关掉一个不用的套接字，5 号空出来了。 | Fix the leak: close a socket you no longer need, and drawer 5 is free.
    close(c);
    // say: 同样的调用这次成功了：5 号。 | The same call succeeds this time: number 5.
    socket(AF_INET, SOCK_STREAM, 0);
}
