// SPDX-License-Identifier: Apache-2.0
/* bind()'s checks for an IPv4 socket, in the kernel's order (inet_bind_sk, __inet_bind):
   address length, family, address on this machine, privileged port, already bound / not
   TCP_CLOSE, port in use. A socket that is already bound and is given a foreign address learns
   about the address first, not that it is bound. Run as root (bind-unprivileged runs as
   nobody for EACCES). */
#include <stdio.h>
#include <string.h>
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

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    bind(fd, (struct sockaddr *)&addr, 8);                   /* shorter than sockaddr_in: EINVAL */
    addr.sin_family = AF_INET6;
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* EAFNOSUPPORT */
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, "192.0.2.1", &addr.sin_addr);         /* TEST-NET-1, not ours: EADDRNOTAVAIL */
    bind(fd, (struct sockaddr *)&addr, sizeof addr);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* 0 */
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* again: EINVAL */
    inet_pton(AF_INET, "192.0.2.1", &addr.sin_addr);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* bound, foreign address: EADDRNOTAVAIL */
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    int other = socket(AF_INET, SOCK_STREAM, 0);
    bind(other, (struct sockaddr *)&addr, sizeof addr);      /* same port, same address: EADDRINUSE */
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    bind(other, (struct sockaddr *)&addr, sizeof addr);      /* the wildcard overlaps: EADDRINUSE */
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    bind(udp, (struct sockaddr *)&addr, sizeof addr);        /* UDP ports are another space: 0 */

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    listen(listener, 5);                                     /* autobinds an ephemeral port */
    struct sockaddr_in got;
    socklen_t len = sizeof got;
    getsockname(listener, (struct sockaddr *)&got, &len);
    addr.sin_port = htons(0);
    bind(listener, (struct sockaddr *)&addr, sizeof addr);   /* not TCP_CLOSE any more: EINVAL */

    addr.sin_family = AF_UNSPEC;                             /* AF_UNSPEC with INADDR_ANY is taken as AF_INET */
    int unspec = socket(AF_INET, SOCK_STREAM, 0);
    bind(unspec, (struct sockaddr *)&addr, sizeof addr);
    printf("listener autobound to %d\n", ntohs(got.sin_port));
    return 0;
}
