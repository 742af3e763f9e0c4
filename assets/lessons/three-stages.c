// title: socket()：三个阶段 | socket(): three stages
// description: 一个空盒子、一张表格、一张存衣牌 | An empty box, a form, a coat-check ticket
#include <sys/socket.h>
int main(void) {
    // say: 一个空盒子、一张表格、一张存衣牌：0、1、2 已被占用，所以是 3 号。 | An empty box, a form, a coat-check ticket: 0, 1, 2 are taken, so the ticket is 3.
    socket(AF_INET, SOCK_STREAM, 0);
    // say: 同样的三个阶段；存衣牌取最小的空号码，这次是 4 号。 | The same three stages; the ticket is the lowest free number, now 4.
    socket(AF_INET, SOCK_STREAM, 0); }
