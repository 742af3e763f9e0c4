// SPDX-License-Identifier: Apache-2.0
// Message boundaries: each send on a datagram or seqpacket socket queues one message, each
// receive takes exactly one (udp_recvmsg, unix_dgram_recvmsg, unix_seqpacket_recvmsg over
// __skb_try_recv_datagram). Streams are not here: they keep byte counts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(9000);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char buf[64];

    // UDP: five datagrams, one of them empty.
    int r = socket(AF_INET, SOCK_DGRAM, 0);
    bind(r, (struct sockaddr *)&addr, sizeof addr);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    connect(u, (struct sockaddr *)&addr, sizeof addr);
    send(u, "hello", 5, 0);
    send(u, "xy", 2, 0);
    send(u, "", 0, 0);
    send(u, "abcdef", 6, 0);
    send(u, "12345678", 8, 0);
    send(u, "last", 4, 0);
    recv(r, buf, sizeof buf, MSG_PEEK);         // 5, and "hello" stays queued
    recv(r, buf, sizeof buf, 0);                // 5: one datagram, not 13 bytes
    recv(r, buf, 1, 0);                         // 1: "x", the "y" is discarded
    recv(r, buf, sizeof buf, 0);                // 0: the empty datagram
    recv(r, buf, 2, MSG_TRUNC);                 // 6: the full length, 2 copied
    struct iovec iov = {buf, 3};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    recvmsg(r, &msg, 0);                        // 3, msg_flags=MSG_TRUNC
    read(r, buf, 0);                            // 0, and "last" stays: read(0) asks nobody
    recv(r, buf, 0, 0);                         // 0, and "last" is gone: recv(0) takes it
    recv(r, buf, sizeof buf, MSG_DONTWAIT);     // EAGAIN
    close(u);
    close(r);

    // AF_UNIX SOCK_DGRAM and SOCK_SEQPACKET pairs: the same rules.
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    write(sv[0], "hello", 5);
    send(sv[0], "xy", 2, 0);
    send(sv[0], "", 0, 0);
    read(sv[1], buf, sizeof buf);               // 5
    recv(sv[1], buf, 1, 0);                     // 1
    recv(sv[1], buf, sizeof buf, 0);            // 0
    recv(sv[1], buf, sizeof buf, MSG_DONTWAIT); // EAGAIN
    close(sv[0]);
    close(sv[1]);

    socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv);
    write(sv[0], "hello", 5);
    send(sv[0], "xy", 2, 0);
    send(sv[0], "", 0, 0);
    send(sv[0], "abc", 3, 0);
    recv(sv[1], buf, sizeof buf, MSG_PEEK);     // 5
    read(sv[1], buf, sizeof buf);               // 5
    recv(sv[1], buf, 1, 0);                     // 1
    recv(sv[1], buf, sizeof buf, MSG_DONTWAIT); // 0: the empty message
    recv(sv[1], buf, 1, MSG_TRUNC);             // 3
    recv(sv[1], buf, sizeof buf, MSG_DONTWAIT); // EAGAIN
    close(sv[0]);
    close(sv[1]);
    return 0;
}
