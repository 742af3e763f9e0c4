// SPDX-License-Identifier: Apache-2.0
// Descriptor passing: a parent sends a TCP listener and a UDP socket to its child over a
// socketpair (sendmsg with SCM_RIGHTS) and closes its own copies while they are in flight;
// the child receives them at its lowest free numbers, the second with MSG_CMSG_CLOEXEC,
// uses the listener, then execs itself: execve() closes the close-on-exec descriptors and
// keeps the others. The new image checks them with fcntl(F_GETFD), prints READY, waits for a
// line on stdin and exits without closing anything (the parent waits for it, then closes).
// Build: gcc -O2 -Wall -o scm_rights scm_rights.c
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

static void send_fd(int via, int fd) {
    char byte = 'F';
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
    memset(&u, 0, sizeof u);
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    if (sendmsg(via, &msg, 0) != 1) { perror("sendmsg"); exit(1); }
}

static int receive_fd(int via, int flags) {
    char byte;
    struct iovec iov = {.iov_base = &byte, .iov_len = 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } u;
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof u.buf};
    if (recvmsg(via, &msg, flags) != 1) { perror("recvmsg"); exit(1); }
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof(int));
    return fd;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "after-exec") == 0) {
        // The listener (3) and the client (6) survived execve; the MSG_CMSG_CLOEXEC one (5) and
        // the connection accepted with SOCK_CLOEXEC (7) did not.
        printf("after exec: fd 3 %s, 5 %s, 6 %s, 7 %s; READY\n", fcntl(3, F_GETFD) >= 0 ? "open" : "closed",
               fcntl(5, F_GETFD) >= 0 ? "open" : "closed", fcntl(6, F_GETFD) >= 0 ? "open" : "closed",
               fcntl(7, F_GETFD) >= 0 ? "open" : "closed");
        fflush(stdout);
        char line[8];
        if (fgets(line, sizeof line, stdin) == NULL) { /* end of input: exit all the same */ }
        _exit(0);
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) { perror("socketpair"); return 1; }
    pid_t child = fork();
    if (child == 0) {
        close(sv[0]);                                   // child: 0 1 2 4
        int listener = receive_fd(sv[1], 0);            // lowest free: 3
        int udp = receive_fd(sv[1], MSG_CMSG_CLOEXEC);  // lowest free: 5
        struct sockaddr_in a;
        socklen_t len = sizeof a;
        getsockname(listener, (struct sockaddr *) &a, &len);
        int client = socket(AF_INET, SOCK_STREAM, 0);   // 6
        connect(client, (struct sockaddr *) &a, sizeof a);
        int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);  // 7, close-on-exec
        write(client, "hi", 2);
        char buf[8];
        read(conn, buf, sizeof buf);
        printf("child: listener %d, udp %d, client %d, accepted %d\n", listener, udp, client, conn);
        fflush(stdout);
        close(sv[1]);
        execl("/proc/self/exe", "scm_rights", "after-exec", (char *) NULL);
        perror("execl");
        _exit(1);
    }
    close(sv[1]);                                       // parent: 0 1 2 3
    int listener = socket(AF_INET, SOCK_STREAM, 0);     // 4
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(listener, (struct sockaddr *) &a, sizeof a);
    listen(listener, 8);
    int udp = socket(AF_INET, SOCK_DGRAM, 0);           // 5
    send_fd(sv[0], listener);
    send_fd(sv[0], udp);
    close(listener);   // in flight: the sockets live on in the message
    close(udp);
    int status;
    waitpid(child, &status, 0);
    close(sv[0]);
    return WEXITSTATUS(status);
}
