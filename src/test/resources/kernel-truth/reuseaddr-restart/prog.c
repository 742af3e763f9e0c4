// SPDX-License-Identifier: Apache-2.0
/* "Address already in use" after a restart, and which sockets SO_REUSEADDR must be on.
   A server on FIRST_PORT serves one client and closes the connection first, so the connection's
   server side sits in TIME_WAIT on FIRST_PORT. A new server socket then binds FIRST_PORT again:
   without SO_REUSEADDR, and with it. The same on SECOND_PORT, where the first server had set
   SO_REUSEADDR too. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "tcp_states.h"

#define FIRST_PORT 8080
#define SECOND_PORT 8081

static struct sockaddr_in address(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

/* One server life: listen, accept one client, close the connection first, then the listener. */
static void serve_once(int port, int reuse) {
    struct sockaddr_in addr = address(port);
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    if (reuse) {
        setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    }
    bind(server, (struct sockaddr *)&addr, sizeof addr);
    listen(server, 5);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    int conn = accept(server, NULL, NULL);
    close(conn);                      /* the server closes first: FIN */
    char buf[16];
    read(client, buf, sizeof buf);    /* 0: the client sees the FIN */
    struct sockaddr_in mine;
    socklen_t len = sizeof mine;
    getsockname(client, (struct sockaddr *)&mine, &len);
    close(client);                    /* the client's FIN: the server side goes TIME_WAIT */
    close(server);
    wait_for_tcp_state(port, ntohs(mine.sin_port), "TIME_WAIT");
    show_tcp("after the first server", port);
}

/* The restarted server: a new socket binds the same port. */
static void restart(int port, int reuse) {
    struct sockaddr_in addr = address(port);
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    if (reuse) {
        setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    }
    if (bind(server, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("bind");
    } else {
        printf("restart on %d with SO_REUSEADDR=%d: bound\n", port, reuse);
        listen(server, 5);
    }
    close(server);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    serve_once(FIRST_PORT, 0);
    restart(FIRST_PORT, 0);
    restart(FIRST_PORT, 1);
    serve_once(SECOND_PORT, 1);
    restart(SECOND_PORT, 0);
    restart(SECOND_PORT, 1);
    return 0;
}
