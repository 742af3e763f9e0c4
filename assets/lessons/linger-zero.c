// title: 零秒 linger | Linger 0
// description: SO_LINGER {1, 0}：close() 不发 FIN 而发 RST，对方收到 ECONNRESET | SO_LINGER {1, 0}: close() sends an RST instead of a FIN, and the peer gets ECONNRESET
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
    struct linger lin = {1, 0};
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
    // say: 服务器设 SO_LINGER {1, 0}：开着 linger，等 0 秒。 | The server sets SO_LINGER {1, 0}: linger on, for 0 seconds.
    setsockopt(conn, SOL_SOCKET, SO_LINGER, &lin, sizeof lin);
    // say: 没有没读的数据，close() 照样发 RST：没有 FIN，没有 TIME_WAIT。 | No unread data, yet close() sends an RST: no FIN, no TIME_WAIT.
    close(conn);
    // say: 客户端的 recv()：ECONNRESET，而不是表示 FIN 的 0。 | The client's recv(): ECONNRESET, not the 0 a FIN would give.
    recv(cli, buf, sizeof buf, 0);
    // say: 连接已经没了，send() 得到 EPIPE；MSG_NOSIGNAL 让 SIGPIPE 不来结束程序。 | The connection is gone: send() gets EPIPE; MSG_NOSIGNAL keeps SIGPIPE from ending the program.
    send(cli, "more", 4, MSG_NOSIGNAL);
    // say: 收拾：关掉客户端。 | Tidy up: the client closes.
    close(cli);
    // say: 再关掉监听的套接字。 | Then the listening socket.
    close(srv);
}
