// SPDX-License-Identifier: Apache-2.0
/* socket()'s protocol argument: 262 is MPTCP, a real socket; 256 and 258 are numbers inet_create
   does not know for a stream socket; 263 (IPPROTO_MAX) and above, and negative ones, fail the
   range check. */
#include <stdio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

int main(void) {
    int mptcp = socket(AF_INET, SOCK_STREAM, 262); /* IPPROTO_MPTCP */
    int protocol = 0;
    socklen_t len = sizeof protocol;
    getsockopt(mptcp, SOL_SOCKET, SO_PROTOCOL, &protocol, &len);
    printf("socket(AF_INET, SOCK_STREAM, 262) = %d, SO_PROTOCOL %d\n", mptcp, protocol);

    int mptcp6 = socket(AF_INET6, SOCK_STREAM, 262);
    int mptcp_dgram = socket(AF_INET, SOCK_DGRAM, 262);  /* MPTCP is only a stream */
    int p256 = socket(AF_INET, SOCK_STREAM, 256);
    int p258 = socket(AF_INET, SOCK_STREAM, 258);
    int p263 = socket(AF_INET, SOCK_STREAM, 263);        /* IPPROTO_MAX */
    int p300 = socket(AF_INET, SOCK_STREAM, 300);
    int negative = socket(AF_INET, SOCK_STREAM, -1);
    printf("%d %d %d %d %d %d %d\n", mptcp6, mptcp_dgram, p256, p258, p263, p300, negative);
    close(mptcp);
    close(mptcp6);
    return 0;
}
