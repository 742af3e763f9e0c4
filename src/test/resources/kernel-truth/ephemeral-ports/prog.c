// SPDX-License-Identifier: Apache-2.0
/* Ports the kernel picks (net.ipv4.ip_local_port_range, 32768-60999 by default): connect()
   autobinds an even port (__inet_hash_connect), bind() to port 0 and listen() on an unbound
   socket take odd ones (inet_csk_find_open_port leaves the even ones for connect). socket()
   itself binds nothing: getsockname says port 0. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

static void show(const char *what, int fd) {
    struct sockaddr_in name;
    socklen_t len = sizeof name;
    getsockname(fd, (struct sockaddr *)&name, &len);
    int port = ntohs(name.sin_port);
    printf("%s: %s port%s\n", what, port == 0 ? "no" : port % 2 == 0 ? "an even" : "an odd",
           port >= 32768 && port <= 60999 ? " in 32768-60999" : "");
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    int fresh = socket(AF_INET, SOCK_STREAM, 0);
    show("socket()", fresh);

    struct sockaddr_in any;
    memset(&any, 0, sizeof any);
    any.sin_family = AF_INET;
    any.sin_port = htons(0);
    any.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fresh, (struct sockaddr *)&any, sizeof any);
    show("bind(port 0)", fresh);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    listen(listener, 5);
    show("listen() unbound", listener);

    struct sockaddr_in to;
    socklen_t len = sizeof to;
    getsockname(listener, (struct sockaddr *)&to, &len);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&to, sizeof to);
    show("connect()", client);
    return 0;
}
