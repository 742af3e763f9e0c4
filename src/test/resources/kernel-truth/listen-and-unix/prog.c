// SPDX-License-Identifier: Apache-2.0
/* listen() and connect() outside plain TCP: listen on UDP is EOPNOTSUPP; listen on a connected
   TCP socket is EINVAL; an AF_UNIX socket must be bound before it listens (EINVAL, there is no
   autobind as for TCP); connect() to a path that does not exist is ENOENT, to a socket file
   nobody listens on ECONNREFUSED, to a file that is not a socket ECONNREFUSED too. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>

#define PORT 8080

int main(void) {
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    listen(udp, 5);                                           /* EOPNOTSUPP */

    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int server = socket(AF_INET, SOCK_STREAM, 0);
    bind(server, (struct sockaddr *)&addr, sizeof addr);
    listen(server, 5);
    int client = socket(AF_INET, SOCK_STREAM, 0);
    connect(client, (struct sockaddr *)&addr, sizeof addr);
    listen(client, 5);                                        /* connected: EINVAL */

    int unix_server = socket(AF_UNIX, SOCK_STREAM, 0);
    listen(unix_server, 5);                                   /* unbound: EINVAL */

    struct sockaddr_un path;
    memset(&path, 0, sizeof path);
    path.sun_family = AF_UNIX;
    strcpy(path.sun_path, "missing.sock");
    int unix_client = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(unix_client, (struct sockaddr *)&path, sizeof path);  /* ENOENT */

    strcpy(path.sun_path, "bound.sock");
    bind(unix_server, (struct sockaddr *)&path, sizeof path);
    connect(unix_client, (struct sockaddr *)&path, sizeof path);  /* bound, not listening: ECONNREFUSED */

    strcpy(path.sun_path, "plain.txt");
    close(open("plain.txt", O_CREAT | O_WRONLY, 0644));
    connect(unix_client, (struct sockaddr *)&path, sizeof path);  /* not a socket: ECONNREFUSED */

    strcpy(path.sun_path, "bound.sock");
    listen(unix_server, 5);
    connect(unix_client, (struct sockaddr *)&path, sizeof path);  /* 0 */
    unlink("bound.sock");
    unlink("plain.txt");
    return 0;
}
