// SPDX-License-Identifier: Apache-2.0
// Descriptor passing: a parent sends a TCP listener and a UDP socket to its child over a
// socketpair (sendmsg with SCM_RIGHTS) and closes its own copies, so that for a moment the two
// sockets live only in the messages in flight; then it tells the child (a byte on a pipe) to
// receive them. recvmsg installs each at the child's lowest free number, the second with
// MSG_CMSG_CLOEXEC. The child uses the listener, then execs itself: execve() closes the
// close-on-exec descriptors and keeps the others. The new image checks them with
// fcntl(F_GETFD), prints READY, waits for a line on stdin and exits without closing anything
// (the parent waits for it, then closes its ends).
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
        // The client (3) and the listener (4) survived execve; the MSG_CMSG_CLOEXEC socket (5)
        // and the connection accepted with SOCK_CLOEXEC (7) did not.
        printf("after exec: fd 3 %s, 4 %s, 5 %s, 6 %s, 7 %s; READY\n", fcntl(3, F_GETFD) >= 0 ? "open" : "closed",
               fcntl(4, F_GETFD) >= 0 ? "open" : "closed", fcntl(5, F_GETFD) >= 0 ? "open" : "closed",
               fcntl(6, F_GETFD) >= 0 ? "open" : "closed", fcntl(7, F_GETFD) >= 0 ? "open" : "closed");
        fflush(stdout);
        char line[8];
        if (fgets(line, sizeof line, stdin) == NULL) { /* end of input: exit all the same */ }
        _exit(0);
    }
    int go[2], sv[2];
    if (pipe2(go, O_CLOEXEC) < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {  // 3, 4 and 5, 6
        perror("pipe2/socketpair");
        return 1;
    }
    pid_t child = fork();
    if (child == 0) {
        close(go[1]);                                   // child: 0 1 2 3 6
        close(sv[0]);
        char c;
        if (read(go[0], &c, 1) != 1) { _exit(1); }      // until the parent has closed its copies
        int listener = receive_fd(sv[1], 0);            // lowest free: 4
        int udp = receive_fd(sv[1], MSG_CMSG_CLOEXEC);  // lowest free: 5, close-on-exec
        close(go[0]);                                   // 3 is free again
        struct sockaddr_in a;
        socklen_t len = sizeof a;
        getsockname(listener, (struct sockaddr *) &a, &len);
        int client = socket(AF_INET, SOCK_STREAM, 0);   // 3
        connect(client, (struct sockaddr *) &a, sizeof a);
        int conn = accept4(listener, NULL, NULL, SOCK_CLOEXEC);  // 7, close-on-exec
        char buf[8];
        if (write(client, "hi", 2) != 2 || read(conn, buf, sizeof buf) != 2) { _exit(1); }
        printf("child: listener %d, udp %d, client %d, accepted %d\n", listener, udp, client, conn);
        fflush(stdout);
        close(sv[1]);                                   // 6
        execl("/proc/self/exe", "scm_rights", "after-exec", (char *) NULL);
        perror("execl");
        _exit(1);
    }
    close(go[0]);                                       // parent: 0 1 2 4 5
    close(sv[1]);
    int listener = socket(AF_INET, SOCK_STREAM, 0);     // 3
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(listener, (struct sockaddr *) &a, sizeof a);
    listen(listener, 8);
    int udp = socket(AF_INET, SOCK_DGRAM, 0);           // 6
    send_fd(sv[0], listener);
    send_fd(sv[0], udp);
    close(listener);   // now both sockets live only in the messages in flight
    close(udp);
    if (write(go[1], "g", 1) != 1) { return 1; }
    int status;
    waitpid(child, &status, 0);
    close(sv[0]);
    close(go[1]);
    return WEXITSTATUS(status);
}
