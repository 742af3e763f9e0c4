// SPDX-License-Identifier: Apache-2.0
// A copy of the project's shared traces/programs/churn.c, kept here so tools/bench/make-big-logs.sh
// can make its logs from a checkout alone.
/* A busy program for big traces: rounds of opening sockets of different kinds and closing
 * them out of order (so the table stays fragmented), and every 50th round a leak burst that
 * runs into the descriptor limit (EMFILE) before everything is closed again.
 * usage: churn [ROUNDS]   e.g. strace -o big.strace -e trace=socket,close,prlimit64 ./churn 25000
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <unistd.h>
int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 1000;
    struct rlimit r = {16, 16};
    setrlimit(RLIMIT_NOFILE, &r);
    int kinds[3][2] = {{AF_INET, SOCK_STREAM}, {AF_INET, SOCK_DGRAM}, {AF_INET6, SOCK_STREAM}};
    int held[64], n = 0;
    for (int i = 0; i < rounds; i++) {
        if (i % 50 == 49) {                       /* leak burst until the table is full */
            int fd;
            while ((fd = socket(AF_INET, SOCK_STREAM, 0)) >= 0) held[n++] = fd;
            while (n > 0) close(held[--n]);
            continue;
        }
        for (int k = 0; k < 3; k++) {
            int fd = socket(kinds[(i + k) % 3][0], kinds[(i + k) % 3][1], 0);
            if (fd >= 0) held[n++] = fd;
        }
        int keep = 0;                             /* close every second one, oldest first */
        for (int j = 0; j < n; j++) {
            if ((i + j) % 2 == 0) close(held[j]); else held[keep++] = held[j];
        }
        n = keep;
    }
    return 0;
}
