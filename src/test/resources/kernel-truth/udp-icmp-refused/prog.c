// SPDX-License-Identifier: Apache-2.0
/* A datagram to a port nobody listens on comes back as an ICMP port unreachable. A connected
   UDP socket turns it into ECONNREFUSED on its next call (the error waits in sk_err); an
   unconnected one is not told (the error is only reported for connected sockets, or with
   IP_RECVERR). */
#include <stdio.h>
#include <string.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define CLOSED_PORT 8080

int main(void) {
    struct sockaddr_in nobody;
    memset(&nobody, 0, sizeof nobody);
    nobody.sin_family = AF_INET;
    nobody.sin_port = htons(CLOSED_PORT);
    nobody.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    int loose = socket(AF_INET, SOCK_DGRAM, 0);
    sendto(loose, "ping", 4, 0, (struct sockaddr *)&nobody, sizeof nobody);   /* 4 */
    sendto(loose, "ping", 4, 0, (struct sockaddr *)&nobody, sizeof nobody);   /* 4: not told */

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    connect(fd, (struct sockaddr *)&nobody, sizeof nobody);
    send(fd, "ping", 4, 0);                     /* 4: the datagram leaves */
    struct pollfd p = {fd, POLLIN, 0};
    poll(&p, 1, 1000);                          /* POLLERR: the ICMP error has arrived */
    send(fd, "ping", 4, 0);                     /* -1 ECONNREFUSED: the waiting error */
    send(fd, "ping", 4, 0);                     /* 4: the error was reported once */
    poll(&p, 1, 1000);
    char buf[16];
    recv(fd, buf, sizeof buf, 0);               /* -1 ECONNREFUSED on a receive, too */
    return 0;
}
