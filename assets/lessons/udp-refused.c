// title: UDP 与 ECONNREFUSED | UDP and ECONNREFUSED
// description: 已连接的 UDP 套接字从 ICMP 端口不可达得知对方端口没人：下一次调用得到 ECONNREFUSED，只报告一次 | A connected UDP socket learns from ICMP port unreachable that nobody has the port: its next call gets ECONNREFUSED, once
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
    // say: 一个 UDP 套接字：3 号。 | A UDP socket: number 3.
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    // say: UDP 的 connect() 什么也不发送：它只记下对方 127.0.0.1:8080。这个端口没有人占着。 | connect() on UDP sends nothing: it only records the peer, 127.0.0.1:8080. Nobody has that port.
    connect(fd, (struct sockaddr *)&addr, sizeof addr);
    // say: send() 返回 4：数据报发出去了。回来的是 ICMP 端口不可达，ECONNREFUSED 留在 sk_err 里。 | send() returns 4: the datagram has left. What comes back is an ICMP port unreachable, and ECONNREFUSED waits in sk_err.
    send(fd, "ping", 4, 0);
    // say: 下一次 send() 报告那个错误：-1 ECONNREFUSED，这次什么也没发。 | The next send() reports that error: -1 ECONNREFUSED, and nothing leaves this time.
    send(fd, "ping", 4, 0);
    // say: 错误只报告一次：这次又发出去了，返回 4，然后又被拒绝。 | The error is reported once: this one leaves again, returns 4, and is refused again.
    send(fd, "ping", 4, 0);
    // say: recv() 也报告它：数据报套接字先报告错误，再看队列。 | recv() reports it too: a datagram socket reports the error before it looks at its queue.
    recv(fd, buf, sizeof buf, 0);
    // say: 再发一个，错误又留下来。 | One more datagram, and the error waits again.
    send(fd, "ping", 4, 0);
    // say: getsockopt(SO_ERROR) 取走错误而不失败：返回 0，值是 ECONNREFUSED（111）。 | getsockopt(SO_ERROR) takes the error without failing: it returns 0, and the value is ECONNREFUSED (111).
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    // say: 另一个 UDP 套接字，不连接：4 号。 | Another UDP socket, not connected: number 4.
    int loose = socket(AF_INET, SOCK_DGRAM, 0);
    // say: 发往同一个没人的端口：返回 4。 | To the same port nobody has: it returns 4.
    sendto(loose, "ping", 4, 0, (struct sockaddr *)&addr, sizeof addr);
    // say: 又是 4：没有连接的套接字从不被告知（__udp4_lib_err 只给已连接的套接字留错误）。 | 4 again: an unconnected socket is never told (__udp4_lib_err keeps the error only for a connected socket).
    sendto(loose, "ping", 4, 0, (struct sockaddr *)&addr, sizeof addr);
    // say: 收拾：关掉两个套接字。 | Tidy up: both sockets close.
    close(loose);
    // say: 最后一个。 | The last one.
    close(fd);
}
