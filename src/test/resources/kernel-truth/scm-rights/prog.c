// SPDX-License-Identifier: Apache-2.0
/* Passing a descriptor over an AF_UNIX socketpair (SCM_RIGHTS): the sender closes its own copy
   before the receiver takes it, and the socket lives on while in flight; recvmsg installs it in
   the receiver's table at the lowest free number, marked close-on-exec with MSG_CMSG_CLOEXEC.
   socketpair() takes the two lowest free numbers. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <unistd.h>

static void pass(int channel, int fd) {
    char data = 'x';
    struct iovec iov = {&data, 1};
    char control[CMSG_SPACE(sizeof(int))];
    memset(control, 0, sizeof control);
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    sendmsg(channel, &msg, 0);
}

static int take(int channel, int flags) {
    char data;
    struct iovec iov = {&data, 1};
    char control[CMSG_SPACE(sizeof(int))];
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    recvmsg(channel, &msg, flags);
    int fd;
    memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&msg)), sizeof(int));
    return fd;
}

int main(void) {
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);       /* 3 and 4 */
    int tcp = socket(AF_INET, SOCK_STREAM, 0);     /* 5 */
    int udp = socket(AF_INET, SOCK_DGRAM, 0);      /* 6 */
    pass(sv[0], tcp);
    pass(sv[0], udp);
    close(tcp);                                    /* in flight: still alive */
    close(udp);
    int got = take(sv[1], 0);                      /* 5: the lowest free */
    int got_cloexec = take(sv[1], MSG_CMSG_CLOEXEC); /* 6, marked close-on-exec */
    fcntl(got, F_GETFD);
    fcntl(got_cloexec, F_GETFD);
    printf("%d %d\n", got, got_cloexec);
    return 0;
}
