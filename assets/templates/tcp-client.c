// title: 我的 TCP 客户端 | My TCP client
// description: 连接、发送、关闭 | Connect, send, close
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // say: 先要有人在 127.0.0.1:8080 监听，客户端才连得上。 | Someone must listen on 127.0.0.1:8080 before a client can connect.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    listen(srv, 8);
    // say: 客户端的套接字。 | The client's socket.
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    // say: connect()：自动分配端口，SYN、SYN-ACK、ACK，连上了。 | connect(): a port is picked, SYN, SYN-ACK, ACK: connected.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: 发送 5 个字节。 | Send 5 bytes.
    send(cli, "hello", 5, 0);
    close(cli);
    close(srv);
    return 0;
}
