// SPDX-License-Identifier: Apache-2.0
/* connect() called again, as event loops do. A listener with backlog 0 takes one connection into
   its accept queue and drops the SYN of the next (tcp_conn_request: sk_acceptq_is_full), so a
   non-blocking connect to it stays in SYN_SENT: connect again is EALREADY, and SO_ERROR is 0
   while the SYN waits for an answer. A non-blocking connect to a closed port whose error nobody
   took with SO_ERROR: connect again reports it (ECONNREFUSED), and the next is a new try. A
   non-blocking connect that completed can send before connect is called again (tcp_sendmsg looks
   at sk_state, not at SS_CONNECTING). */
#include <string.h>
#include <poll.h>
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

int main(void) {
    struct sockaddr_in addr = address(PORT);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 0);

    int first = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(first, (struct sockaddr *)&addr, sizeof addr);       /* EINPROGRESS, ESTABLISHED at once */
    send(first, "hi", 2, MSG_NOSIGNAL);                          /* 2: the handshake is over */

    int second = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(second, (struct sockaddr *)&addr, sizeof addr);      /* EINPROGRESS: the SYN is dropped */
    connect(second, (struct sockaddr *)&addr, sizeof addr);      /* EALREADY: still SYN_SENT */
    int error = -1;
    socklen_t len = sizeof error;
    getsockopt(second, SOL_SOCKET, SO_ERROR, &error, &len);      /* 0: nothing went wrong yet */
    close(second);

    struct sockaddr_in closed = address(CLOSED_PORT);
    int refused = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* EINPROGRESS */
    struct pollfd p = {refused, POLLOUT, 0};
    poll(&p, 1, 2000);
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* ECONNREFUSED: sk_err, now cleared */
    connect(refused, (struct sockaddr *)&closed, sizeof closed); /* a new try: EINPROGRESS */
    return 0;
}
