// title: 换程序时关掉的号码 | exec and close-on-exec
// description: execve() 清空标着「执行时关闭」的抽屉，其余的留给新程序 | execve() empties the close-on-exec drawers and gives the rest to the new program
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    // say: 子进程将换成另一个程序；父进程等它结束。 | The child will become another program; the parent waits for it.
    pid_t child = fork();
    if (child == 0) {
        // say: 3 号没有标记：换程序后还在。 | Number 3 has no mark: it stays across exec.
        int kept = socket(AF_INET, SOCK_STREAM, 0);
        // say: 4 号带 SOCK_CLOEXEC：换程序时关掉。 | Number 4 has SOCK_CLOEXEC: exec closes it.
        int marked = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        // say: 没有这个程序：ENOENT，进程照旧，4 号还在。 | No such program: ENOENT; the process goes on, 4 is still open.
        execl("/no/such/program", "nothing", (char *)NULL);
        // say: ls 列出它拿到的号码：0、1、2、3，没有 4。 | ls lists the numbers it was given: 0, 1, 2, 3 and no 4.
        execl("/bin/ls", "ls", "-l", "/proc/self/fd", (char *)NULL);
        exit(1);
    }
    waitpid(child, NULL, 0);
    return 0;   // say: 父进程退出；子进程现在是 ls，它还拿着 3 号。 | The parent exits; the child is ls now, and it still holds number 3.
}
