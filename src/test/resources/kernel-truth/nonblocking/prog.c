// SPDX-License-Identifier: Apache-2.0
/* Non-blocking sockets: SOCK_NONBLOCK, fcntl(F_SETFL, O_NONBLOCK) or ioctl(FIONBIO). connect()
   returns -1 EINPROGRESS at once (the SYN is out, the socket is in SYN_SENT); poll says
   writable when the handshake ends and getsockopt(SO_ERROR) says how it ended: 0, or
   ECONNREFUSED for a port nobody listens on. connect() again after the handshake ended is how
   the socket learns it (__inet_stream_connect): 0 the first time (SS_CONNECTING becomes
   SS_CONNECTED), EISCONN after that; after a refusal whose error SO_ERROR already took, it is
   ECONNABORTED, and the next connect is a new try. accept and recv with nothing ready: EAGAIN. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
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

static void wait_and_ask(int fd) {
    struct pollfd p = {fd, POLLOUT, 0};
    poll(&p, 1, 2000);
    int error = -1;
    socklen_t len = sizeof error;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
}

int main(void) {
    struct sockaddr_in addr = address(PORT);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);
    int flags = fcntl(listener, F_GETFL);
    fcntl(listener, F_SETFL, flags | O_NONBLOCK);
    accept(listener, NULL, NULL);                                /* nothing queued: EAGAIN */

    int client = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);      /* EINPROGRESS */
    wait_and_ask(client);                                        /* writable, SO_ERROR 0 */
    connect(client, (struct sockaddr *)&addr, sizeof addr);      /* 0: now SS_CONNECTED */
    connect(client, (struct sockaddr *)&addr, sizeof addr);      /* EISCONN */
    int server = accept(listener, NULL, NULL);
    char buf[16];
    recv(client, buf, sizeof buf, 0);                            /* nothing sent yet: EAGAIN */
    int on = 1;
    ioctl(server, FIONBIO, &on);
    read(server, buf, sizeof buf);                               /* EAGAIN */

    struct sockaddr_in closed = address(CLOSED_PORT);
    int refused = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* EINPROGRESS */
    wait_and_ask(refused);                                       /* SO_ERROR ECONNREFUSED */
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* ECONNABORTED */
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* a new try: EINPROGRESS */
    return 0;
}
