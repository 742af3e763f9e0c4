// SPDX-License-Identifier: Apache-2.0
/* IPv6 sockets and IPv4 ports: with the default IPV6_V6ONLY = 0 (net.ipv6.bindv6only) a socket
   bound to [::]:p also holds 0.0.0.0:p, so an IPv4 bind of p fails, and the other way round.
   With IPV6_V6ONLY = 1 the two are separate. An IPv4-mapped address (::ffff:127.0.0.1) binds
   an IPv6 socket to an IPv4 address. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080
#define OTHER_PORT 8081
#define MAPPED_PORT 8082

static struct sockaddr_in v4(int port) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    return addr;
}

static struct sockaddr_in6 v6(int port, const char *address) {
    struct sockaddr_in6 addr;
    memset(&addr, 0, sizeof addr);
    addr.sin6_family = AF_INET6;
    addr.sin6_port = htons(port);
    inet_pton(AF_INET6, address, &addr.sin6_addr);
    return addr;
}

int main(void) {
    /* [::]:PORT first, then 0.0.0.0:PORT */
    struct sockaddr_in6 any6 = v6(PORT, "::");
    struct sockaddr_in any4 = v4(PORT);
    int six = socket(AF_INET6, SOCK_STREAM, 0);
    bind(six, (struct sockaddr *)&any6, sizeof any6);
    int four = socket(AF_INET, SOCK_STREAM, 0);
    bind(four, (struct sockaddr *)&any4, sizeof any4);        /* EADDRINUSE */

    /* 0.0.0.0:OTHER_PORT first, then [::]:OTHER_PORT, then the same with IPV6_V6ONLY */
    struct sockaddr_in other4 = v4(OTHER_PORT);
    struct sockaddr_in6 other6 = v6(OTHER_PORT, "::");
    int first = socket(AF_INET, SOCK_STREAM, 0);
    bind(first, (struct sockaddr *)&other4, sizeof other4);
    int second = socket(AF_INET6, SOCK_STREAM, 0);
    bind(second, (struct sockaddr *)&other6, sizeof other6);  /* EADDRINUSE */
    int only = 1;
    setsockopt(second, IPPROTO_IPV6, IPV6_V6ONLY, &only, sizeof only);
    bind(second, (struct sockaddr *)&other6, sizeof other6);  /* 0: IPv6 only */

    /* An IPv4-mapped address binds the IPv6 socket to 127.0.0.1 */
    struct sockaddr_in6 mapped = v6(MAPPED_PORT, "::ffff:127.0.0.1");
    int m = socket(AF_INET6, SOCK_STREAM, 0);
    bind(m, (struct sockaddr *)&mapped, sizeof mapped);
    listen(m, 5);
    struct sockaddr_in to = v4(MAPPED_PORT);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&to, sizeof to);       /* an IPv4 client reaches it */
    int conn = accept(m, NULL, NULL);
    printf("accepted %d\n", conn);
    return 0;
}
