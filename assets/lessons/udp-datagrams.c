// title: UDP 数据报的边界 | UDP datagrams keep their boundaries
// description: 一次 recv 取走一个完整的数据报：MSG_PEEK 只看不取，缓冲区太小就丢掉剩下的 | One recv, one datagram: MSG_PEEK leaves it, a short buffer drops the rest
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
    // say: 接收方：一个 UDP 套接字，3 号。 | The receiver: a UDP socket, number 3.
    int r = socket(AF_INET, SOCK_DGRAM, 0);
    // say: 它绑定 127.0.0.1:8080，发到这里的数据报进入它的接收队列。 | It binds 127.0.0.1:8080: datagrams sent there land in its receive queue.
    bind(r, (struct sockaddr *)&addr, sizeof addr);
    // say: 发送方：另一个 UDP 套接字，4 号。 | The sender: another UDP socket, number 4.
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    // say: connect() 只记下对方地址，什么也不发送。 | connect() only notes the peer's address; nothing is sent.
    connect(u, (struct sockaddr *)&addr, sizeof addr);
    // say: 第一个数据报：5 字节。 | The first datagram: 5 bytes.
    send(u, "hello", 5, 0);
    // say: 第二个数据报：2 字节。队列里有 7 字节，但它们是两条消息。 | The second datagram: 2 bytes. 7 bytes are queued, but they are two messages.
    send(u, "hi", 2, 0);
    // say: 缓冲区有 64 字节，recv() 仍只返回 5：一次取一个数据报，不会把两个合在一起。 | The buffer holds 64 bytes, yet recv() returns 5: one datagram at a time, never two joined.
    recv(r, buf, sizeof buf, 0);
    // say: MSG_PEEK 看下一个数据报（2 字节），但把它留在队列里。 | MSG_PEEK looks at the next datagram (2 bytes) but leaves it queued.
    recv(r, buf, sizeof buf, MSG_PEEK);
    // say: 所以这次 recv() 又得到同一个数据报：2 字节。现在队列空了。 | So this recv() gets the same datagram again: 2 bytes. Now the queue is empty.
    recv(r, buf, sizeof buf, 0);
    // say: 第三个数据报：6 字节。 | A third datagram: 6 bytes.
    send(u, "abcdef", 6, 0);
    // say: 只给 3 字节的缓冲区：复制前 3 字节，其余 3 字节被丢弃，不会留给下一次。 | A buffer of only 3 bytes: the first 3 are copied, the other 3 are thrown away, not kept for the next call.
    recv(r, buf, 3, 0);
    // say: 收拾：关掉发送方。 | Tidy up: the sender closes.
    close(u);
    // say: 最后是接收方。 | Then the receiver.
    close(r);
}
