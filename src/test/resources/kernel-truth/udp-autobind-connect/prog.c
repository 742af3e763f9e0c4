// SPDX-License-Identifier: Apache-2.0
/* UDP needs no connect: sendto() on an unbound socket autobinds the port only (getsockname says
   0.0.0.0:port) and sends at once. connect() on UDP sends nothing: it picks the source address
   (getsockname now says 127.0.0.1) and makes the protocol state TCP_ESTABLISHED (/proc/net/udp
   st 01). send() without a destination on an unconnected socket is EDESTADDRREQ — and it has
   autobound the port already: inet_sendmsg binds before udp_sendmsg looks for a destination. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080

static void show_name(int fd) {
    struct sockaddr_in name;
    socklen_t len = sizeof name;
    getsockname(fd, (struct sockaddr *)&name, &len);
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &name.sin_addr, text, sizeof text);
    printf("fd %d is bound to %s:%d\n", fd, text, ntohs(name.sin_port));
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    struct sockaddr_in server_addr;
    memset(&server_addr, 0, sizeof server_addr);
    server_addr.sin_family = AF_INET;
    server_addr.sin_port = htons(PORT);
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int server = socket(AF_INET, SOCK_DGRAM, 0);
    bind(server, (struct sockaddr *)&server_addr, sizeof server_addr);

    int client = socket(AF_INET, SOCK_DGRAM, 0);
    send(client, "hi", 2, 0);                                  /* no destination: EDESTADDRREQ */
    show_name(client);                                         /* 0.0.0.0:port: the failed send bound it */
    sendto(client, "hello", 5, 0, (struct sockaddr *)&server_addr, sizeof server_addr);
    show_name(client);                                         /* the same port */
    char buf[64];
    struct sockaddr_in from;
    socklen_t len = sizeof from;
    recvfrom(server, buf, sizeof buf, 0, (struct sockaddr *)&from, &len);

    int connected = socket(AF_INET, SOCK_DGRAM, 0);
    connect(connected, (struct sockaddr *)&server_addr, sizeof server_addr);
    show_name(connected);                                      /* 127.0.0.1:port */
    struct sockaddr_in peer;
    len = sizeof peer;
    getpeername(connected, (struct sockaddr *)&peer, &len);
    send(connected, "again", 5, 0);                            /* to the connected peer */
    recv(server, buf, sizeof buf, 0);
    getpeername(client, (struct sockaddr *)&peer, &len);       /* never connected: ENOTCONN */
    return 0;
}
