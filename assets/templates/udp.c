// title: 我的 UDP 程序 | My UDP program
// description: 不用连接，直接发送数据报 | No connection: a datagram is just sent
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(9000);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // say: 接收方的 UDP 套接字，绑定到 9000 端口。 | The receiver's UDP socket, bound to port 9000.
    int rx = socket(AF_INET, SOCK_DGRAM, 0);
    bind(rx, (struct sockaddr *)&addr, sizeof addr);
    // say: 发送方的 UDP 套接字。 | The sender's UDP socket.
    int tx = socket(AF_INET, SOCK_DGRAM, 0);
    // say: sendto() 不用连接：数据报直接发出去。 | sendto() needs no connection: the datagram just goes.
    sendto(tx, "ping", 4, 0, (struct sockaddr *)&addr, sizeof addr);
    close(tx);
    close(rx);
    return 0;
}
