// title: 很多套接字 | Many sockets
// description: 号码一个个用掉；关掉一个，下一个拿回最小的空号码 | Numbers are used up one by one; close one and the next gets the lowest free number back
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    // say: 3 号。 | Number 3.
    int a = socket(AF_INET, SOCK_STREAM, 0);
    // say: 4 号。 | Number 4.
    int b = socket(AF_INET, SOCK_STREAM, 0);
    // say: 5 号。 | Number 5.
    int c = socket(AF_INET, SOCK_DGRAM, 0);
    // say: 关掉 4 号：中间空出一格。 | Close number 4: a gap in the middle.
    close(b);
    // say: 下一个套接字拿到最小的空号码：又是 4。 | The next socket gets the lowest free number: 4 again.
    int d = socket(AF_INET, SOCK_DGRAM, 0);
    close(d);
    close(c);
    close(a);
    return 0;
}
