// SPDX-License-Identifier: Apache-2.0
// AF_UNIX SOCK_DGRAM and SOCK_SEQPACKET as themselves: a closed peer, listen/accept, sendto a path.
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
    char buf[64];
    int sv[2];
    int sq[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[1], "back", 4, 0);
    close(sv[1]);
    recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);
    recv(sv[0], buf, sizeof buf, MSG_DONTWAIT);
    send(sv[0], "late", 4, MSG_NOSIGNAL);
    send(sv[0], "late", 4, MSG_NOSIGNAL);
    listen(sv[0], 5);
    close(sv[0]);
    socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sq);
    send(sq[1], "back", 4, 0);
    close(sq[1]);
    recv(sq[0], buf, sizeof buf, MSG_DONTWAIT);
    recv(sq[0], buf, sizeof buf, MSG_DONTWAIT);
    recv(sq[0], buf, sizeof buf, 0);
    send(sq[0], "late", 4, MSG_NOSIGNAL);
    close(sq[0]);
    struct sockaddr_un a = {0};
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "d.sock");
    unlink("d.sock");
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(d, (struct sockaddr *)&a, sizeof a);
    listen(d, 5);
    int c = socket(AF_UNIX, SOCK_DGRAM, 0);
    sendto(c, "one", 3, 0, (struct sockaddr *)&a, sizeof a);
    sendto(c, "two!", 4, 0, (struct sockaddr *)&a, sizeof a);
    send(c, "x", 1, MSG_NOSIGNAL);
    recvfrom(d, buf, sizeof buf, 0, NULL, NULL);
    recv(d, buf, 2, 0);
    recv(d, buf, sizeof buf, MSG_DONTWAIT);
    connect(c, (struct sockaddr *)&a, sizeof a);
    send(c, "c", 1, 0);
    close(d);
    send(c, "c", 1, MSG_NOSIGNAL);
    send(c, "c", 1, MSG_NOSIGNAL);
    recv(c, buf, sizeof buf, MSG_DONTWAIT);
    close(c);
    unlink("d.sock");
    struct sockaddr_un p = {0};
    p.sun_family = AF_UNIX;
    strcpy(p.sun_path, "p.sock");
    unlink("p.sock");
    int l = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    bind(l, (struct sockaddr *)&p, sizeof p);
    listen(l, 5);
    int k = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    send(k, "x", 1, MSG_NOSIGNAL);
    recv(k, buf, sizeof buf, MSG_DONTWAIT);
    connect(k, (struct sockaddr *)&p, sizeof p);
    int s = accept(l, NULL, NULL);
    send(k, "one", 3, 0);
    send(k, "two", 3, 0);
    recv(s, buf, sizeof buf, 0);
    recv(s, buf, sizeof buf, 0);
    send(k, "to", 2, 0);
    close(s);
    recv(k, buf, sizeof buf, 0);
    recv(k, buf, sizeof buf, 0);
    close(k);
    close(l);
    unlink("p.sock");
}
