// title: 非阻塞的 connect() | Non-blocking connect
// description: connect() 不等握手就返回 EINPROGRESS，SO_ERROR 再告诉结果 | connect() returns EINPROGRESS without waiting for the handshake; SO_ERROR tells the outcome
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char buf[64];
    int err;
    socklen_t len = sizeof err;
    // say: 服务器的套接字：3 号。 | The server's socket: number 3.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    // say: 绑定 127.0.0.1:8080。 | It binds 127.0.0.1:8080.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: 监听。 | It listens.
    listen(srv, 8);
    // say: SOCK_NONBLOCK：这个套接字的调用都不等待。 | SOCK_NONBLOCK: no call on this socket waits.
    int cli = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    // say: 发出 SYN 就返回 -1 EINPROGRESS：不是错误，是“还在进行”。 | It returns -1 EINPROGRESS once the SYN is out: not a failure, "still going".
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: 在本机握手已经完成；SO_ERROR 取出待报的错误：0，成功。 | On this machine the handshake is already over; SO_ERROR takes the pending error: 0, success.
    getsockopt(cli, SOL_SOCKET, SO_ERROR, &err, &len);
    // say: 再调用一次 connect()：返回 0，套接字这才算 SS_CONNECTED。 | connect() again returns 0: only now is the socket SS_CONNECTED.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: 第三次：EISCONN，已经连上了。 | A third time: EISCONN, already connected.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: 没有数据可读：不等待，立刻 EAGAIN。 | Nothing to read: it does not wait, EAGAIN at once.
    recv(cli, buf, sizeof buf, 0);
    // say: 服务器接受连接：5 号。 | The server accepts: number 5.
    int conn = accept(srv, NULL, NULL);
    // say: 收拾：关掉连接。 | Tidy up: the connection closes.
    close(conn);
    // say: 再关掉客户端。 | Then the client.
    close(cli);
    // say: 最后是监听的套接字。 | Last, the listening socket.
    close(srv);
}
