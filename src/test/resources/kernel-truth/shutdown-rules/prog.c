// SPDX-License-Identifier: Apache-2.0
/* shutdown() looks at the protocol state (inet_shutdown): a TCP socket in TCP_CLOSE answers
   ENOTCONN; a listener takes SHUT_WR as 0 and goes on listening, while SHUT_RD or SHUT_RDWR
   stop it listening (0, and the next connect is refused). An unconnected UDP socket is
   TCP_CLOSE too (ENOTCONN); a connected one is not (0). shutdown never closes the descriptor. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "tcp_states.h"

#define WRITE_SHUT_PORT 8080
#define READ_SHUT_PORT 8081

static struct sockaddr_in address(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

static int listener(int port) {
    struct sockaddr_in addr = address(port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);
    listen(fd, 5);
    return fd;
}

static void try_connect(int port) {
    struct sockaddr_in addr = address(port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("connect");
    }
    close(fd);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int fresh = socket(AF_INET, SOCK_STREAM, 0);
    shutdown(fresh, SHUT_RDWR);                 /* TCP_CLOSE: ENOTCONN */
    shutdown(fresh, 7);                         /* how out of range: EINVAL */

    int wr = listener(WRITE_SHUT_PORT);
    shutdown(wr, SHUT_WR);                      /* 0, nothing happens */
    show_tcp("listener after SHUT_WR", WRITE_SHUT_PORT);
    try_connect(WRITE_SHUT_PORT);                       /* still listening: 0 */

    int rd = listener(READ_SHUT_PORT);
    shutdown(rd, SHUT_RD);                      /* 0, and it stops listening */
    show_tcp("listener after SHUT_RD", READ_SHUT_PORT);
    try_connect(READ_SHUT_PORT);                       /* ECONNREFUSED */
    listen(rd, 5);                              /* it can listen again */
    try_connect(READ_SHUT_PORT);

    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    shutdown(udp, SHUT_WR);                     /* TCP_CLOSE: ENOTCONN */
    struct sockaddr_in peer = address(WRITE_SHUT_PORT);
    connect(udp, (struct sockaddr *)&peer, sizeof peer);
    shutdown(udp, SHUT_WR);                     /* connected UDP: 0 */
    send(udp, "x", 1, MSG_NOSIGNAL);            /* EPIPE: the writing side is shut */
    return 0;
}
