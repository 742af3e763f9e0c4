// SPDX-License-Identifier: Apache-2.0
/* socket() as an ordinary user (the test runs it as nobody): SOCK_RAW and AF_PACKET need
   CAP_NET_RAW (EPERM), AF_NETLINK does not; the protocol range and the (type, protocol) table
   are checked before the privilege. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/if_ether.h>
#include <unistd.h>

int main(void) {
    printf("uid %d\n", (int) getuid());
    int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);        /* EPERM */
    int raw6 = socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);    /* EPERM */
    int raw_range = socket(AF_INET, SOCK_RAW, 300);           /* EINVAL: the range comes first */
    int packet = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)); /* EPERM */
    int old_packet = socket(AF_INET, SOCK_PACKET, htons(ETH_P_ALL)); /* a packet socket: EPERM */
    int netlink = socket(AF_NETLINK, SOCK_RAW, 0);            /* NETLINK_ROUTE: anyone */
    int ping = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);     /* ping_group_range */
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    printf("%d %d %d %d %d %d %d %d\n", raw, raw6, raw_range, packet, old_packet, netlink, ping, tcp);
    return 0;
}
