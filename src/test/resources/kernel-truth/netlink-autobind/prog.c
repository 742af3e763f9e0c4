// SPDX-License-Identifier: Apache-2.0
// A netlink socket is a channel to the kernel, not to another host: socket(AF_NETLINK,
// SOCK_RAW, NETLINK_ROUTE), bind() with nl_pid 0 (the kernel picks the port id: the process's
// id, netlink_autobind), getsockname() to read it, one RTM_GETLINK dump request and its answer.
// A second autobound socket of the same protocol cannot get the process id again.
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_pid = 0, .nl_groups = 0};
    bind(fd, (struct sockaddr *)&nl, sizeof nl);
    socklen_t len = sizeof nl;
    getsockname(fd, (struct sockaddr *)&nl, &len);
    struct {
        struct nlmsghdr h;
        struct ifinfomsg i;
    } req = {.h = {.nlmsg_len = sizeof req, .nlmsg_type = RTM_GETLINK,
                   .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1},
             .i = {.ifi_family = AF_UNSPEC}};
    struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
    sendto(fd, &req, sizeof req, 0, (struct sockaddr *)&kernel, sizeof kernel);
    char buf[32768];
    recv(fd, buf, sizeof buf, 0);
    int second = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    struct sockaddr_nl nl2 = {.nl_family = AF_NETLINK};
    bind(second, (struct sockaddr *)&nl2, sizeof nl2);
    len = sizeof nl2;
    getsockname(second, (struct sockaddr *)&nl2, &len);
    close(second);
    close(fd);
    return 0;
}
