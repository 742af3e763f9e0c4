// SPDX-License-Identifier: Apache-2.0
/* SIGPIPE kept away: with MSG_NOSIGNAL on the call, or SIGPIPE ignored, a write to a broken
   connection returns -1 EPIPE and the process lives on. Also a send on a TCP socket that never
   connected is EPIPE (and would raise SIGPIPE too), a send after shutdown(SHUT_WR) as well. */
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080

int main(void) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);
    listen(listener, 5);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    int server = accept(listener, NULL, NULL);

    close(server);
    write(client, "first", 5);                      /* 5, answered by RST */
    struct pollfd p = {client, 0, 0};
    poll(&p, 1, 2000);
    send(client, "second", 6, MSG_NOSIGNAL);        /* -1 EPIPE, no signal */

    signal(SIGPIPE, SIG_IGN);
    write(client, "third", 5);                      /* -1 EPIPE: the signal is ignored */

    int never = socket(AF_INET, SOCK_STREAM, 0);
    send(never, "x", 1, 0);                         /* never connected: EPIPE */

    int other = socket(AF_INET, SOCK_STREAM, 0);
    connect(other, (struct sockaddr *)&addr, sizeof addr);
    shutdown(other, SHUT_WR);
    send(other, "x", 1, 0);                         /* after SHUT_WR: EPIPE */
    printf("still alive\n");
    return 0;
}
