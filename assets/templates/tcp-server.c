// title: 我的 TCP 服务器 | My TCP server
// description: 绑定、监听、接受一个连接 | Bind, listen, accept one connection
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // say: 服务器的套接字：3 号。 | The server's socket: number 3.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    // say: bind() 填上本地地址 127.0.0.1:8080。 | bind() fills in the local address 127.0.0.1:8080.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: listen()：从 CLOSE 到 LISTEN。 | listen(): from CLOSE to LISTEN.
    listen(srv, 8);
    // say: 一个客户端（同一个程序里）连上来，accept() 才不会一直等。 | A client (in this same program) connects, so accept() does not wait for good.
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: accept() 交出一个新套接字和新号码。 | accept() hands out a new socket and a new number.
    int conn = accept(srv, NULL, NULL);
    close(conn);
    close(cli);
    close(srv);
    return 0;
}
