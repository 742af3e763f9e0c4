// SPDX-License-Identifier: Apache-2.0
/* A TCP connection's data and its orderly end, client and server in one program over loopback.
   Bytes sent queue in the receiver until read: recv takes what is asked and leaves the rest;
   with nothing queued a non-blocking recv is EAGAIN. The client closes first: its FIN makes the
   server's read return 0 (end of file) and puts the server in CLOSE_WAIT while the client waits
   in FIN_WAIT2; when the server closes too, the client's side goes to TIME_WAIT (60 s) and the
   server's disappears. The TCP table (/proc/net/tcp) is shown at each step. The server's ACK of
   the client's FIN is a delayed ACK, so the client sits in FIN_WAIT1 for up to 40 ms before
   FIN_WAIT2: the program waits for that change, and for each packet to arrive before it looks
   (on a busy machine loopback packets can be handled a moment after the call that sent them). */
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "tcp_states.h"

#define PORT 8080

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
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
    show_tcp("connected", PORT);

    send(client, "hello, server", 13, 0);          /* 13 bytes wait in the server's queue */
    struct pollfd ready = {server, POLLIN, 0};
    poll(&ready, 1, 2000);                          /* they have arrived */
    show_tcp("after send", PORT);
    char buf[64];
    recv(server, buf, 5, 0);                        /* "hello": 5 of 13 */
    read(server, buf, sizeof buf);                  /* ", server": the other 8 */
    recv(server, buf, sizeof buf, MSG_DONTWAIT);    /* nothing queued: EAGAIN */
    write(server, "hi", 2);
    read(client, buf, sizeof buf);                  /* "hi" */

    struct sockaddr_in mine;
    socklen_t len = sizeof mine;
    getsockname(client, (struct sockaddr *)&mine, &len);
    int client_port = ntohs(mine.sin_port);
    close(client);                                  /* the client closes first: FIN */
    wait_for_tcp_state(PORT, client_port, "CLOSE_WAIT");  /* the FIN has arrived */
    show_tcp("client closed", PORT);               /* FIN_WAIT1 until the server's ACK comes */
    wait_for_tcp_state(client_port, PORT, "FIN_WAIT2");   /* the ACK is delayed (40 ms) */
    show_tcp("FIN acknowledged", PORT);
    read(server, buf, sizeof buf);                  /* 0: end of file */
    read(server, buf, sizeof buf);                  /* 0 again, as often as asked */
    close(server);                                  /* the server's FIN */
    wait_for_tcp_state(client_port, PORT, "TIME_WAIT");
    show_tcp("server closed", PORT);
    close(listener);
    return 0;
}
