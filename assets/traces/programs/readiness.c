// SPDX-License-Identifier: Apache-2.0
/* Readiness as poll(), select() and epoll_wait() report it, on sockets whose whole story is in
   this program: a fresh TCP socket (POLLOUT|POLLHUP: tcp_poll's TCP_CLOSE), an empty listener
   (nothing: the call times out at once with timeout 0), a non-blocking connect on loopback
   (EINPROGRESS, then POLLOUT: the handshake was over before connect() returned), the listener
   with that connection queued (POLLIN), the accepted socket with nothing queued (only POLLOUT),
   with bytes queued (POLLIN), after the peer's FIN (POLLIN|POLLRDHUP), a refused connect
   (POLLOUT|POLLERR|POLLHUP; after SO_ERROR took the error, POLLOUT|POLLHUP), select() with the
   same sockets, epoll_wait() on registered sockets (level-triggered), a UDP socket before and
   after a datagram, and an AF_UNIX socketpair. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080
#define CLOSED_PORT 8081

static struct sockaddr_in address(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

static int poll1(int fd, short events) {
    struct pollfd p = {fd, events, 0};
    return poll(&p, 1, 0);
}

int main(void) {
    struct sockaddr_in addr = address(PORT);
    int fresh = socket(AF_INET, SOCK_STREAM, 0);
    poll1(fresh, POLLIN | POLLOUT);                              /* POLLOUT|POLLHUP */

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);
    poll1(listener, POLLIN);                                     /* 0: nothing queued */

    int client = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);      /* EINPROGRESS */
    struct pollfd both[2] = {{listener, POLLIN, 0}, {client, POLLOUT, 0}};
    poll(both, 2, 2000);                                         /* 2: POLLIN, POLLOUT */

    int server = accept(listener, NULL, NULL);
    poll1(listener, POLLIN);                                     /* 0: the queue is empty again */
    poll1(server, POLLIN | POLLRDHUP);                           /* 0: nothing to read */
    poll1(server, POLLIN | POLLOUT);                             /* POLLOUT */
    send(client, "hello", 5, 0);
    poll1(server, POLLIN | POLLRDHUP);                           /* POLLIN */

    fd_set readable, writable;
    FD_ZERO(&readable);
    FD_ZERO(&writable);
    FD_SET(listener, &readable);
    FD_SET(server, &readable);
    FD_SET(client, &writable);
    struct timeval none = {0, 0};
    select(server + 1, &readable, &writable, NULL, &none);       /* 2: in [server], out [client] */

    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = server};
    epoll_ctl(ep, EPOLL_CTL_ADD, server, &ev);
    struct epoll_event lev = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &lev);
    struct epoll_event got[4];
    epoll_wait(ep, got, 4, 0);                                   /* 1: server EPOLLIN */

    char buf[16];
    recv(server, buf, sizeof buf, 0);                            /* 5 */
    epoll_wait(ep, got, 4, 0);                                   /* 0: nothing ready */
    shutdown(client, SHUT_WR);                                   /* the FIN */
    epoll_wait(ep, got, 4, 0);                                   /* 1: server EPOLLIN|EPOLLRDHUP */
    poll1(server, POLLIN | POLLRDHUP);                           /* POLLIN|POLLRDHUP */
    recv(server, buf, sizeof buf, 0);                            /* 0 */
    poll1(server, POLLIN);                                       /* still POLLIN: the FIN stays */

    struct sockaddr_in closed = address(CLOSED_PORT);
    int refused = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* EINPROGRESS */
    poll1(refused, POLLOUT);                                     /* POLLOUT|POLLERR|POLLHUP */
    int error = -1;
    socklen_t len = sizeof error;
    getsockopt(refused, SOL_SOCKET, SO_ERROR, &error, &len);     /* ECONNREFUSED */
    poll1(refused, POLLIN | POLLOUT);                            /* POLLOUT|POLLHUP */

    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in uaddr = address(CLOSED_PORT);
    bind(udp, (struct sockaddr *)&uaddr, sizeof uaddr);
    poll1(udp, POLLIN);                                          /* 0 */
    sendto(udp, "x", 1, 0, (struct sockaddr *)&uaddr, sizeof uaddr);
    poll1(udp, POLLIN | POLLOUT);                                /* POLLIN|POLLOUT */

    int pair[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
    poll1(pair[0], POLLIN | POLLOUT);                            /* POLLOUT */
    write(pair[1], "y", 1);
    poll1(pair[0], POLLIN | POLLOUT);                            /* POLLIN|POLLOUT */
    close(pair[1]);
    poll1(pair[0], POLLIN | POLLRDHUP);                          /* POLLIN|POLLRDHUP|POLLHUP */
    return 0;
}
