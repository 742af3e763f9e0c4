// SPDX-License-Identifier: Apache-2.0
/* SIGPIPE: writing to a TCP connection whose peer has gone kills the writer. The server closes
   the connection; the client's first write still succeeds (the data leaves, the closed peer
   answers with RST); the next write finds the connection broken: the kernel raises SIGPIPE,
   whose default action ends the process before write() can return -1 EPIPE. */
#include <stdio.h>
#include <string.h>
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

    close(server);                      /* the peer is gone: FIN */
    write(client, "first", 5);          /* 5: sent; the closed socket answers RST */
    struct pollfd p = {client, 0, 0};
    poll(&p, 1, 2000);                  /* wait for the RST */
    write(client, "second", 6);         /* SIGPIPE: the process dies here */
    printf("never printed\n");
    return 0;
}
