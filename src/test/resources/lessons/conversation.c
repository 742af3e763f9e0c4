// title: 一次本机对话 | A conversation on one machine
// description: 绑定、监听、连接、接受，然后 UDP 直接发送 | Bind, listen, connect, accept; then UDP just sends
// limit: 16
// memory: 64 KiB
// privileges: user
// process: demo
// pid: 1000

/* What comes after socket(): a server and a client on 127.0.0.1. */
int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP); // say: 服务器的套接字 | The server's socket
bind(srv, "127.0.0.1:8080");         // say: 填上本地地址 | Fill in the local address
listen(srv, SOMAXCONN);               // say: 从 CLOSE 到 LISTEN | From CLOSE to LISTEN

// say: 客户端 | The client
int cli = socket(AF_INET, SOCK_STREAM, 0);
connect(cli, "127.0.0.1:8080");       // say: SYN、SYN-ACK、ACK：连上了 | SYN, SYN-ACK, ACK: connected
int conn = accept4(srv, NULL, NULL, SOCK_NONBLOCK);
send(cli, "hi");
shutdown(cli, SHUT_WR);
close(conn);
close(cli);
close(srv);

int udp = socket(AF_INET6, SOCK_DGRAM, 0);
sendto(udp, "ping\n", "[::1]:9000");  // say: UDP 不用连接，直接发 | UDP needs no connection: it just sends
close(udp);
