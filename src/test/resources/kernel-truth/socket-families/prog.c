// SPDX-License-Identifier: Apache-2.0
/* Each family's create() rules, as this kernel has them (SocketFamily): AF_PACKET asks for
   CAP_NET_RAW before the type (packet_create), then takes only SOCK_RAW and SOCK_DGRAM;
   AF_VSOCK checks the protocol, then the type, and a datagram socket needs a datagram transport
   at once (vsock_create, vsock_assign_transport: none on this machine, ENODEV); AF_ALG is not
   built into this kernel (EAFNOSUPPORT). Run as root; as nobody the packet calls are EPERM. */
#include <stdio.h>
#include <sys/socket.h>
#include <linux/if_ether.h>
#include <arpa/inet.h>
#include <unistd.h>

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif
#ifndef AF_ALG
#define AF_ALG 38
#endif

int main(void) {
    int packet = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));   /* root: a packet socket */
    int cooked = socket(AF_PACKET, SOCK_DGRAM, 0);                /* root: a cooked packet socket */
    int stream = socket(AF_PACKET, SOCK_STREAM, 0);               /* root: ESOCKTNOSUPPORT; user: EPERM first */
    int vstream = socket(AF_VSOCK, SOCK_STREAM, 0);               /* anyone */
    int vdgram = socket(AF_VSOCK, SOCK_DGRAM, 0);                 /* no datagram transport: ENODEV */
    int vseq = socket(AF_VSOCK, SOCK_SEQPACKET, 0);               /* anyone */
    int vraw = socket(AF_VSOCK, SOCK_RAW, 0);                     /* ESOCKTNOSUPPORT */
    int vproto = socket(AF_VSOCK, SOCK_STREAM, 1);                /* the protocol first: EPROTONOSUPPORT */
    int alg = socket(AF_ALG, SOCK_SEQPACKET, 0);                  /* not in this kernel: EAFNOSUPPORT */
    printf("%d %d %d %d %d %d %d %d %d\n", packet, cooked, stream, vstream, vdgram, vseq, vraw, vproto, alg);
    return 0;
}
