// title: 一条连接的一生 | The life of a connection
// description: 握手、数据、recv、FIN、TIME_WAIT、CLOSE_WAIT，以及重启时的“地址已被占用” | Handshake, data, recv, FIN, TIME_WAIT, CLOSE_WAIT, and the restart that meets "Address already in use"
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
    int one = 1;
    // say: 服务器的套接字：3 号。 | The server's socket: number 3.
    int srv = socket(AF_INET, SOCK_STREAM, 0);
    // say: 绑定 127.0.0.1:8080。 | It binds 127.0.0.1:8080.
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    // say: listen()：TCP_LISTEN，连接可以排队了。 | listen(): TCP_LISTEN, connections can queue up.
    listen(srv, 8);
    // say: 客户端的套接字：4 号。 | The client's socket: number 4.
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    // say: 三次握手：SYN、SYN-ACK、ACK。两边都是 ESTABLISHED，服务器这一端在 accept 队列里等着。 | The three-way handshake: SYN, SYN-ACK, ACK. Both ends are ESTABLISHED; the server's end waits in the accept queue.
    connect(cli, (struct sockaddr *)&addr, sizeof addr);
    // say: accept() 把排队的连接交给服务器：5 号。 | accept() hands the queued connection to the server: number 5.
    int conn = accept(srv, NULL, NULL);
    // say: 客户端发 5 个字节，进了服务器那一端的接收队列。 | The client sends 5 bytes; they wait in the receive queue of the server's end.
    send(cli, "hello", 5, 0);
    // say: recv() 把队列里的 5 个字节取走，队列空了。 | recv() takes the 5 queued bytes; the queue is empty.
    recv(conn, buf, sizeof buf, 0);
    // say: 服务器用 write() 回答 2 个字节。 | The server answers 2 bytes with write().
    write(conn, "hi", 2);
    // say: 客户端用 read() 读到这 2 个字节。 | The client read()s those 2 bytes.
    read(cli, buf, sizeof buf);
    // say: 服务器先关闭：发出 FIN，进入 FIN_WAIT。客户端那一端成了 CLOSE_WAIT：对方说完了，自己还没关。 | The server closes first: its FIN goes out, FIN_WAIT. The client's end is now CLOSE_WAIT: the peer has finished, it has not closed yet.
    close(conn);
    // say: 读到 FIN 之后 read() 返回 0：文件结束。 | After the FIN, read() returns 0: end of file.
    read(cli, buf, sizeof buf);
    // say: 客户端也关闭，发出它的 FIN。先关的服务器那一端进入 TIME_WAIT：一个 256 字节的小 timewait sock，要等 60 秒。 | The client closes too and sends its FIN. The server's end, which closed first, goes to TIME_WAIT: a small 256-byte timewait sock that stays 60 s.
    close(cli);
    // say: 服务器停下：关掉监听的套接字。 | The server stops: the listening socket closes.
    close(srv);
    // say: 服务器重启：新的套接字，又是 3 号。 | The server restarts: a new socket, number 3 again.
    int again = socket(AF_INET, SOCK_STREAM, 0);
    // say: TIME_WAIT 还占着 127.0.0.1:8080：EADDRINUSE，“Address already in use”。 | The TIME_WAIT still holds 127.0.0.1:8080: EADDRINUSE, "Address already in use".
    bind(again, (struct sockaddr *)&addr, sizeof addr);
    // say: 给新套接字设 SO_REUSEADDR。 | SO_REUSEADDR on the new socket.
    setsockopt(again, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    // say: 还是 EADDRINUSE：旧连接没有 SO_REUSEADDR，两边都要有才行。 | Still EADDRINUSE: the old connection did not have SO_REUSEADDR, and both sides need it.
    bind(again, (struct sockaddr *)&addr, sizeof addr);
    // say: 放弃这个端口，关掉。 | Give up on this port and close.
    close(again);
}
