// title: 同一个套接字的第二张票 | A second ticket for the same socket
// description: dup() 和 dup2() 给同一个打开的文件再发一个号码 | dup() and dup2() give the same open file another number
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);   // say: 套接字拿到 3 号 | The socket gets number 3
    int d = dup(s);                            // say: dup() 给它最小的空号码：4 | dup() gives it the lowest free number: 4
    dup2(s, 1);                                // say: dup2() 先关掉 1 号（stdout），再让它指向套接字 | dup2() closes 1 (stdout) first, then points it at the socket
    close(s);                                  // say: 关掉 3 号，套接字还在：4 号和 1 号还拿着它 | Closing 3 leaves the socket: 4 and 1 still hold it
    close(d);
    close(1);                                  // say: 最后一个引用没了，套接字被释放 | The last reference is gone: the socket is freed
    return 0;
}
