// title: TCP 与 UDP | TCP vs UDP
// description: 两者都从“未连接、没有地址”开始；UDP 马上就能发，TCP 要先连接 | Both start unconnected with no address; UDP can send at once, TCP must connect first
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(9000);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // say: TCP 套接字：未连接（TCP_CLOSE），没有地址；socket() 不发任何包。 | A TCP socket: unconnected (TCP_CLOSE), no address; socket() sends no packet.
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    // say: UDP 套接字的起点一模一样：未连接，没有地址。 | A UDP socket starts the same way: unconnected, no address.
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    // say: UDP 不用连接：内核自动绑定一个临时端口（32768–60999），数据报立刻发出。 | No connection needed: UDP autobinds a port from 32768–60999 and the datagram leaves.
    sendto(udp, "hello", 5, 0, (struct sockaddr *)&addr, sizeof addr);
    // say: 没有连接的 TCP 不知道发给谁：EPIPE。没有 MSG_NOSIGNAL 的话，随之而来的 SIGPIPE 会结束程序。 | Unconnected TCP has nobody to send to: EPIPE. Without MSG_NOSIGNAL the SIGPIPE that comes with it would end the program.
    send(tcp, "hello", 5, MSG_NOSIGNAL);
    // say: 要连接，得有人在听：本机的一个监听套接字。 | To connect, someone must listen: a listening socket on this machine.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    // say: 它绑定 127.0.0.1 上的同一个端口号：TCP 和 UDP 的端口互不相干。 | It binds the same port number on 127.0.0.1: TCP ports and UDP ports are separate.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: listen()：连接可以排队了。 | listen(): connections can queue up.
    listen(srv, 1);
    // say: TCP 只有靠 connect() 才活过来：端口、SYN、握手。 | TCP comes alive only through connect(): a port, the SYN, the handshake.
    connect(tcp, (struct sockaddr *)&addr, sizeof addr);
    // say: 连接建立后，同样的 send() 就成功了：对端已经知道了。 | Once connected, the same send() works: the peer is known.
    send(tcp, "hello", 5, MSG_NOSIGNAL);
    // say: 关闭：抽屉空出来，内存还回去。 | Close: the drawer empties and the memory goes back.
    close(tcp);
    // say: UDP 套接字也一样。 | The same for the UDP socket.
    close(udp);
    // say: 监听套接字最后关闭：还在队列里、没人 accept 的连接被重置。 | The listener closes last: the connection still queued, never accepted, is reset.
    close(srv);
}
