// title: 重置 | Reset
// description: 还有没读的数据就关闭：内核发 RST 而不是 FIN，对方收到 ECONNRESET | Close with unread data: the kernel sends an RST, not a FIN, and the peer gets ECONNRESET
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
    // say: 服务器的套接字：3 号。 | The server's socket: number 3.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    // say: 绑定 127.0.0.1:8080。 | It binds 127.0.0.1:8080.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: 监听。 | It listens.
    listen(srv, 8);
    // say: 客户端的套接字：4 号。 | The client's socket: number 4.
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    // say: 握手之后两边都是 ESTABLISHED。 | After the handshake both ends are ESTABLISHED.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: 服务器接受连接：5 号。 | The server accepts: number 5.
    int conn = accept(srv, NULL, NULL);
    // say: 客户端发来 7 个字节的请求，放在服务器那一端的接收队列里。 | The client sends a 7-byte request; it waits in the receive queue of the server's end.
    send(cli, "request", 7, 0);
    // say: 服务器一个字节都没读就关闭：tcp_close() 看到没读的数据，发 RST 而不是 FIN。没有 TIME_WAIT。 | The server closes without reading a byte: tcp_close() sees unread data and sends an RST, not a FIN. No TIME_WAIT.
    close(conn);
    // say: 客户端的 recv()：ECONNRESET，“Connection reset by peer”。 | The client's recv(): ECONNRESET, "Connection reset by peer".
    recv(cli, buf, sizeof buf, 0);
    // say: 错误只报告一次：下一次 recv() 返回 0。 | The error is reported once: the next recv() returns 0.
    recv(cli, buf, sizeof buf, 0);
    // say: 连接已经没了，send() 得到 EPIPE；MSG_NOSIGNAL 让 SIGPIPE 不来结束程序。 | The connection is gone: send() gets EPIPE; MSG_NOSIGNAL keeps SIGPIPE from ending the program.
    send(cli, "more", 4, MSG_NOSIGNAL);
    // say: 收拾：关掉客户端。 | Tidy up: the client closes.
    close(cli);
    // say: 再关掉监听的套接字。 | Then the listening socket.
    close(srv);
}
