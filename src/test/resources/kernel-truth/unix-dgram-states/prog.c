// SPDX-License-Identifier: Apache-2.0
/* The sk_state of AF_UNIX SOCK_DGRAM sockets, as /proc/net/unix shows it after each call: a
   socketpair is TCP_ESTABLISHED on both sides; the peer's close leaves the survivor ESTABLISHED
   until its next send is refused (ECONNREFUSED, TCP_CLOSE); a fresh, a bound and a sending socket
   are TCP_CLOSE; connect() makes both the connecting socket and the one bound at the path
   ESTABLISHED; connect(AF_UNSPEC) takes both back to TCP_CLOSE; connecting elsewhere leaves the old
   peer TCP_CLOSE; the connecting socket's close leaves the bound one ESTABLISHED. AF_UNSPEC on an
   AF_UNIX stream or seqpacket socket is EINVAL. */
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "unix_states.h"

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    show_unix("pair sv[0]", sv[0]);
    show_unix("pair sv[1]", sv[1]);
    close(sv[1]);
    show_unix("peer closed, sv[0]", sv[0]);
    send(sv[0], "x", 1, MSG_NOSIGNAL);                 /* ECONNREFUSED */
    show_unix("refused, sv[0]", sv[0]);
    close(sv[0]);

    struct sockaddr_un a = {0};
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "a.sock");
    struct sockaddr_un b = {0};
    b.sun_family = AF_UNIX;
    strcpy(b.sun_path, "b.sock");
    unlink("a.sock");
    unlink("b.sock");
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    show_unix("fresh s", s);
    bind(s, (struct sockaddr *)&a, sizeof a);
    show_unix("bound s", s);
    int t = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(t, (struct sockaddr *)&b, sizeof b);
    int c = socket(AF_UNIX, SOCK_DGRAM, 0);
    sendto(c, "one", 3, 0, (struct sockaddr *)&a, sizeof a);
    show_unix("sendto, c", c);
    show_unix("sendto, s", s);
    connect(c, (struct sockaddr *)&a, sizeof a);
    show_unix("connect, c", c);
    show_unix("connect, s", s);
    struct sockaddr unspec = {0};
    unspec.sa_family = AF_UNSPEC;
    connect(c, &unspec, sizeof unspec);
    show_unix("AF_UNSPEC, c", c);
    show_unix("AF_UNSPEC, s", s);
    connect(c, (struct sockaddr *)&a, sizeof a);
    connect(c, (struct sockaddr *)&b, sizeof b);
    show_unix("elsewhere, c", c);
    show_unix("elsewhere, s", s);
    show_unix("elsewhere, t", t);
    close(c);
    show_unix("c closed, t", t);
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    connect(d, (struct sockaddr *)&a, sizeof a);
    close(s);
    show_unix("s closed, d", d);
    send(d, "x", 1, MSG_NOSIGNAL);                     /* ECONNREFUSED */
    show_unix("refused, d", d);
    close(d);
    close(t);
    /* AF_UNSPEC on a datagram socket with no peer: nothing to undo, 0; on a stream or seqpacket
       socket the address is checked first: EINVAL. */
    int lone = socket(AF_UNIX, SOCK_DGRAM, 0);
    connect(lone, &unspec, sizeof unspec);
    int stream = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(stream, &unspec, sizeof unspec);
    int seq = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    connect(seq, &unspec, sizeof unspec);
    close(lone);
    close(stream);
    close(seq);
    unlink("a.sock");
    unlink("b.sock");
}
