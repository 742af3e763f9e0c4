// title: 三个浏览器标签页 | Three browser tabs
// description: 几个套接字填满柜子；关掉中间那个，下一个套接字拿回最小的空号码 | Several sockets fill the cabinet; close the middle one and the next socket gets the lowest free number back
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    // say: 第一个标签页要连网站，先要一个套接字：3 号。 | The first tab needs a socket to reach a web site: number 3.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 第二个标签页：又一个盒子、一张表格，4 号。 | The second tab: another box, another form, number 4.
    int tab2 = socket(AF_INET, SOCK_STREAM, 0);
    // say: 第三个：5 号。柜子一格一格地填满。 | The third tab: number 5. The cabinet fills drawer by drawer.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 关掉中间的标签页：4 号抽屉空了，内存还回去。 | Close the middle tab: drawer 4 empties and its memory goes back.
    close(tab2);
    // say: 新标签页不拿 6 号，而是最小的空号码：又是 4 号。 | A new tab does not get 6 but the lowest free number: 4 again.
    socket(AF_INET, SOCK_STREAM, 0);
}
