// SPDX-License-Identifier: Apache-2.0
/* Three ways a TCP connection ends with a reset (RST) instead of FINs:
   1. close() with unread data in the receive queue (tcp_close): the peer's next recv fails
      with ECONNRESET, neither side goes through TIME_WAIT, and the peer's next send is EPIPE;
   2. SO_LINGER {on, 0 s}: close() aborts the connection even with nothing unread;
   3. closing a listener resets the connections still waiting in its accept queue. */
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "tcp_states.h"

#define UNREAD_PORT 8080
#define LINGER_PORT 8081
#define QUEUE_PORT 8082

static struct sockaddr_in address(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

/* A listener on port with one connected client; the accepted socket is returned in *server. */
static int connected_pair(int port, int *listener, int *server) {
    struct sockaddr_in addr = address(port);
    *listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(*listener, (struct sockaddr *)&addr, sizeof addr);
    listen(*listener, 5);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    *server = server == NULL ? -1 : accept(*listener, NULL, NULL);
    return client;
}

/* Waits until the reset has arrived: poll reports POLLERR/POLLHUP even when not asked for. */
static void wait_for_reset(int fd) {
    struct pollfd p = {fd, 0, 0};
    poll(&p, 1, 2000);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    char buf[64];
    int listener, server;

    /* 1. unread data */
    int client = connected_pair(UNREAD_PORT, &listener, &server);
    send(client, "never read", 10, 0);
    struct pollfd arrived = {server, POLLIN, 0};
    poll(&arrived, 1, 2000);                        /* the 10 bytes are in the server's queue */
    show_tcp("data waiting", UNREAD_PORT);
    close(server);                                  /* 10 bytes unread: RST */
    wait_for_reset(client);
    show_tcp("after close with unread data", UNREAD_PORT);
    recv(client, buf, sizeof buf, 0);               /* ECONNRESET */
    recv(client, buf, sizeof buf, 0);               /* 0: the error was reported once */
    send(client, "x", 1, MSG_NOSIGNAL);             /* EPIPE */
    close(client);
    close(listener);

    /* 2. SO_LINGER with a zero timeout */
    client = connected_pair(LINGER_PORT, &listener, &server);
    struct linger abort_on_close = {1, 0};
    setsockopt(server, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
    close(server);                                  /* nothing unread, still RST */
    wait_for_reset(client);
    show_tcp("after close with SO_LINGER 0", LINGER_PORT);
    read(client, buf, sizeof buf);                  /* ECONNRESET */
    close(client);
    close(listener);

    /* 3. a listener closed with a connection still in its accept queue */
    int waiting = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = address(QUEUE_PORT);
    listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);
    connect(waiting, (struct sockaddr *)&addr, sizeof addr);    /* established, never accepted */
    struct pollfd queued = {listener, POLLIN, 0};
    poll(&queued, 1, 2000);                         /* the connection is in the accept queue */
    show_tcp("queued", QUEUE_PORT);
    close(listener);
    wait_for_reset(waiting);
    recv(waiting, buf, sizeof buf, 0);              /* ECONNRESET */
    show_tcp("listener closed", QUEUE_PORT);
    return 0;
}
