// SPDX-License-Identifier: Apache-2.0
/* Urgent data on a TCP connection, client and server in one program over loopback. Before any
   urgent byte, poll() asked for POLLPRI finds it clear; once the client sends one with MSG_OOB,
   tcp_poll (net/ipv4/tcp.c: tp->urg_data & TCP_URG_VALID) adds POLLPRI, and select()'s exception
   set names the socket. Reading the byte with MSG_OOB clears it again. The model keeps no urgent
   pointer, so it must never say POLLPRI is clear: the replay answers "cannot know" for it. Each
   wait after a send has a timeout, so that the byte has arrived when it looks. */
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

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

    struct pollfd urgent = {server, POLLPRI, 0};
    poll(&urgent, 1, 0);                            /* nothing urgent yet: 0 (Timeout) */
    send(client, "!", 1, MSG_OOB);                  /* one urgent byte */
    urgent.revents = 0;
    poll(&urgent, 1, 2000);                         /* POLLPRI */
    fd_set exceptions;
    FD_ZERO(&exceptions);
    FD_SET(server, &exceptions);
    struct timeval now = {0, 0};
    select(server + 1, NULL, NULL, &exceptions, &now); /* the exception set names it */
    char c;
    recv(server, &c, 1, MSG_OOB);                   /* "!": the urgent byte, read apart */
    urgent.revents = 0;
    poll(&urgent, 1, 0);                            /* clear again: 0 (Timeout) */
    close(server);
    close(client);
    close(listener);
    return 0;
}
