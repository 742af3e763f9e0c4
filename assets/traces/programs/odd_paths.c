/* -y prints the path behind each descriptor; strace escapes the bytes a path may hold
 * (space, quotes, '>', newline, non-ASCII) so the decoration stays on one line. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
int main(void) {
    const char *names[] = {"/tmp/socketlab a>b.txt", "/tmp/socketlab \"quoted\"\n\xc3\xa9t\xc3\xa9.txt"};
    for (int i = 0; i < 2; i++) {
        int fd = open(names[i], O_CREAT | O_WRONLY | O_TRUNC, 0600);
        int s = socket(AF_INET, SOCK_STREAM, 0);
        write(fd, "x", 1);
        close(s);
        close(fd);
        unlink(names[i]);
    }
    int p[2];
    pipe(p);
    close(p[0]);
    close(p[1]);
    return 0;
}
