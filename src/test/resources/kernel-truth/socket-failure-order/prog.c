// SPDX-License-Identifier: Apache-2.0
/* Which check refuses a bad socket() call, in the kernel's order: the flag bits of `type`
   (__sys_socket), the family and the type ranges (__sock_create), then the family's create():
   the protocol range, the (type, protocol) table, the privilege. Run as root, so the families
   and types that need CAP_NET_RAW work here (socket-unprivileged runs the same as nobody). */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/if_ether.h>
#include <unistd.h>

int main(void) {
    socket(45, SOCK_STREAM, 0);                   /* no such family registered: EAFNOSUPPORT */
    socket(46, SOCK_STREAM, 0);                   /* NPROTO: EAFNOSUPPORT before anything */
    socket(46, 11, 0);                            /* the family is checked before the type */
    socket(AF_INET, 11, 0);                       /* SOCK_MAX: EINVAL */
    socket(45, 11, 0);                            /* the type range before the family's lookup */
    socket(AF_INET, 99, 0);                       /* 99 = 0x60 | SOCK_RAW: unknown flag bits, EINVAL */
    socket(45, 99, 0);                            /* the flags are checked before the family */
    socket(AF_INET, SOCK_SEQPACKET, 0);           /* no such type for IPv4: ESOCKTNOSUPPORT */
    socket(AF_INET, SOCK_SEQPACKET, 300);         /* the protocol range comes first: EINVAL */
    socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP);     /* no (DGRAM, TCP) entry: EPROTONOSUPPORT */
    socket(AF_INET, SOCK_STREAM, IPPROTO_UDP);    /* EPROTONOSUPPORT */
    socket(AF_UNIX, SOCK_STREAM, 5);              /* unix_create: EPROTONOSUPPORT */
    socket(AF_UNIX, SOCK_RDM, 0);                 /* ESOCKTNOSUPPORT */

    int unix_raw = socket(AF_UNIX, SOCK_RAW, 0);  /* unix_create makes it a datagram socket */
    int type = 0;
    socklen_t len = sizeof type;
    getsockopt(unix_raw, SOL_SOCKET, SO_TYPE, &type, &len);
    int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    int netlink = socket(AF_NETLINK, SOCK_RAW, 0);
    int packet = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
    int old_packet = socket(AF_INET, SOCK_PACKET, htons(ETH_P_ALL)); /* __sock_create makes it PF_PACKET */
    int ping = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP); /* net.ipv4.ping_group_range decides, even for root */
    printf("unix raw %d (SO_TYPE %d), raw %d, netlink %d, packet %d, old packet %d, ping %d\n",
           unix_raw, type, raw, netlink, packet, old_packet, ping);
    return 0;
}
