// title: 非阻塞和执行时关闭 | Non-blocking and close-on-exec
// description: O_NONBLOCK 属于打开文件，FD_CLOEXEC 属于抽屉 | O_NONBLOCK belongs to the open file, FD_CLOEXEC to the drawer
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);   // say: 一个普通的阻塞套接字 | An ordinary blocking socket
    int d = dup(s);                            // say: 第二个号码通向同一个打开文件 | A second number leads to the same open file
    fcntl(d, F_SETFL, O_NONBLOCK);             // say: 通过 4 号设置，3 号也看得到 | Set through 4, seen through 3 as well
    int flags = fcntl(s, F_GETFL);             // say: O_RDWR|O_NONBLOCK | O_RDWR|O_NONBLOCK
    fcntl(s, F_SETFD, FD_CLOEXEC);             // say: 只有 3 号抽屉标上执行时关闭 | Only drawer 3 is marked close-on-exec
    int mark = fcntl(d, F_GETFD);              // say: 4 号没有这个标记 | Drawer 4 has no such mark
    ioctl(s, FIONBIO, 0);                      // say: ioctl 把同一个标志清掉 | ioctl clears the same flag
    int high = fcntl(s, F_DUPFD_CLOEXEC, 10);  // say: 从 10 号起最小的空闲抽屉 | The lowest free drawer from 10 up
    fcntl(s, F_DUPFD, 1024);                   // say: 起点不在上限以下：EINVAL | A start not below the limit: EINVAL
    ioctl(s, FIOCLEX);
    return 0;
}
