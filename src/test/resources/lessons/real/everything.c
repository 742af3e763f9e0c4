// title: 测试 | test
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <signal.h>

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int srv = socket(AF_INET, SOCK_STREAM, 0); // say: 服务器 | server
    bind(srv, (struct sockaddr *)&addr, sizeof addr);
    listen(srv, 8);
    struct sockaddr_in6 a6;
    memset(&a6, 0, sizeof(a6));
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons(9000);
    inet_pton(AF_INET6, "::1", &a6.sin6_addr);
    int cli = socket(AF_INET, SOCK_STREAM, 0);
    connect(cli, (struct sockaddr *)&addr, sizeof(struct sockaddr_in));
    struct sockaddr_in peer;
    socklen_t len = sizeof peer;
    int conn = accept(srv, (struct sockaddr *)&peer, &len);
    char buf[64];
    send(cli, "hello", 5, 0);
    printf("sent %d\n", 5);
    usleep(1000);
    sleep(0);
    struct sockaddr_un un = {0};
    un.sun_family = AF_UNIX;
    strcpy(un.sun_path, "./lesson.sock");
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(u, (struct sockaddr *)&un, sizeof un);
    int d = socket(AF_INET6, SOCK_DGRAM, 0);
    sendto(d, "ping", 4, 0, (struct sockaddr *)&a6, sizeof a6);
    close(conn);
    close(cli);
    close(srv);
    return 0;
}
