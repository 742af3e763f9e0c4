// SPDX-License-Identifier: Apache-2.0
/* bind() below port 1024 without CAP_NET_BIND_SERVICE (the test runs this as nobody): EACCES,
   checked before "already bound", after "not this machine's address". */
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
    addr.sin_port = htons(80);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* port 80: EACCES */
    inet_pton(AF_INET, "192.0.2.1", &addr.sin_addr);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* foreign address first: EADDRNOTAVAIL */
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(PORT);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* 0 */
    addr.sin_port = htons(80);
    bind(fd, (struct sockaddr *)&addr, sizeof addr);         /* bound, and port 80: EACCES, not EINVAL */
    printf("uid %d\n", (int) getuid());
    return 0;
}
