// title: 复印一份号码簿 | fork() copies the table
// description: 子进程拿到同样的号码，指向同一个套接字 | The child gets the same numbers, for the same socket
// process: shell
// pid: 2000
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    // say: 父进程拿到 3 号 | The parent gets number 3
    int s = socket(AF_INET, SOCK_STREAM, 0);
    pid_t child = fork();   // say: 子进程得到整张表的一份拷贝 | The child gets a copy of the whole table
    if (child == 0) {
        close(s);           // say: 子进程关掉自己的 3 号，套接字还在 | The child closes its 3; the socket lives on
        int t = socket(AF_INET, SOCK_DGRAM, 0);  // say: 空出的 3 号又被用上 | Its free number 3 is used again
        exit(0);            // say: 子进程退出，它的描述符全部关闭 | The child exits; all its descriptors close
    } else {
        close(s);           // say: 最后一个引用没了，套接字被释放 | The last reference is gone: the socket is freed
    }
    return 0;
}
