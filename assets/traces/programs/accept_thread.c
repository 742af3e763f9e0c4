/* A server thread blocks in accept4() while the main thread connects: strace -f prints the
 * blocked call as "<unfinished ...>" and finishes it later as "<... accept4 resumed>". */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>
static int srv;
static void *server(void *arg) {
    (void) arg;
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    int conn = accept4(srv, (struct sockaddr *) &peer, &len, SOCK_CLOEXEC);   /* blocks */
    char buf[8];
    ssize_t n = read(conn, buf, sizeof buf);
    write(conn, buf, n > 0 ? (size_t) n : 0);
    close(conn);
    return NULL;
}
int main(void) {
    srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(srv, (struct sockaddr *) &a, sizeof a);
    socklen_t len = sizeof a;
    getsockname(srv, (struct sockaddr *) &a, &len);
    listen(srv, 1);
    pthread_t t;
    pthread_create(&t, NULL, server, NULL);
    usleep(100000);                       /* let the server thread reach accept4 first */
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    connect(cli, (struct sockaddr *) &a, sizeof a);
    write(cli, "ping", 4);
    char buf[8];
    read(cli, buf, sizeof buf);
    close(cli);
    pthread_join(t, NULL);
    close(srv);
    return 0;
}
