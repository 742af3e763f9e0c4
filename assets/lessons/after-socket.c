// title: socket() 之后 | After socket()
// description: 绑定、监听、连接、接受、发送、关闭：一对套接字的一生 | Bind, listen, connect, accept, send, close: the life of a pair of sockets
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // say: 服务器的套接字；SOCK_NONBLOCK 记在存衣牌背后的 file 上。 | The server's socket; SOCK_NONBLOCK is noted on the file behind the ticket.
    int srv = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    // say: bind() 把本地地址填进表格，还是不发任何包。 | bind() fills the local address into the form; still no packet is sent.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: listen()：TCP_CLOSE 变成 TCP_LISTEN，连接可以排队了。 | listen(): TCP_CLOSE becomes TCP_LISTEN, and connections can queue up.
    listen(srv, 8);
    // say: 客户端的套接字：4 号，和每个套接字一样从 TCP_CLOSE 开始。 | The client's socket, number 4, starts from TCP_CLOSE like every socket.
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    // say: connect()：自动绑定端口，发出它一生中的第一个包 SYN，然后 ESTABLISHED。 | connect(): a port is autobound, the SYN is its first packet ever, then ESTABLISHED.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: accept4() 交给服务器一个新套接字和新的存衣牌 5，带 SOCK_CLOEXEC。 | accept4() hands the server a new socket and a new ticket, 5, marked SOCK_CLOEXEC.
    int conn = accept4(srv, NULL, NULL, SOCK_CLOEXEC);
    // say: 客户端发 5 个字节，到了服务器新套接字的接收队列。 | The client sends 5 bytes into the receive queue of the server's new socket.
    send(cli, "hello", 5, 0);
    // say: 服务器没读那 5 个字节就关闭：内核发 RST 而不是 FIN，连接被重置。 | The server closes without reading those 5 bytes: the kernel sends an RST, not a FIN, and the connection is reset.
    close(conn);
    // say: 客户端也关闭：连接已被重置，不用再发 FIN。 | The client closes too: the connection was reset, so no FIN is needed.
    close(cli);
    // say: 最后关掉监听的套接字：内存回到 0。 | Last, the listening socket: the memory in use is back to 0.
    close(srv);
}
