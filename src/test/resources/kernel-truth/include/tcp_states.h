// SPDX-License-Identifier: Apache-2.0
/*
 * show_tcp(when, port): what the kernel's TCP table (/proc/net/tcp, proc(5)) says right now about
 * every IPv4 TCP socket whose local or remote port is `port`, one line each on standard output:
 *
 *     after close: 127.0.0.1:41234 -> 127.0.0.1:8080 TIME_WAIT recv-q=0
 *
 * The kernel-truth programs call it to prove a state (TIME_WAIT has no descriptor to ask).
 *
 * wait_for_tcp_state(local, remote, state): waits (5 ms at a time, 2 s at most) until the
 * connection local port -> remote port is in `state` ("FIN_WAIT2"), for a change that waits on
 * a timer such as a delayed ACK; returns 0 when it is, -1 when it never was.
 */
#ifndef TCP_STATES_H
#define TCP_STATES_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static inline const char *tcp_state_name(unsigned st) {
    static const char *names[] = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
                                  "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
                                  "NEW_SYN_RECV"};
    return st < sizeof names / sizeof names[0] ? names[st] : "?";
}

static inline void show_tcp(const char *when, unsigned port) {
    FILE *f = fopen("/proc/net/tcp", "r");
    char line[256];
    int shown = 0;
    if (f == NULL) {
        perror("/proc/net/tcp");
        return;
    }
    fgets(line, sizeof line, f); /* the header */
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned la, lp, ra, rp, st, txq, rxq;
        if (sscanf(line, "%*d: %8X:%4X %8X:%4X %2X %8X:%8X", &la, &lp, &ra, &rp, &st, &txq, &rxq) != 7) {
            continue;
        }
        if (lp != port && rp != port) {
            continue;
        }
        /* The addresses are in network order, printed as a little-endian number. */
        printf("%s: %u.%u.%u.%u:%u -> %u.%u.%u.%u:%u %s recv-q=%u\n", when,
               la & 0xff, la >> 8 & 0xff, la >> 16 & 0xff, la >> 24, lp,
               ra & 0xff, ra >> 8 & 0xff, ra >> 16 & 0xff, ra >> 24, rp, tcp_state_name(st), rxq);
        shown++;
    }
    if (shown == 0) {
        printf("%s: no TCP socket on port %u\n", when, port);
    }
    fclose(f);
    fflush(stdout);
}

static inline int wait_for_tcp_state(unsigned local, unsigned remote, const char *state) {
    for (int tries = 0; tries < 400; tries++) {
        FILE *f = fopen("/proc/net/tcp", "r");
        char line[256];
        int found = 0;
        fgets(line, sizeof line, f);
        while (!found && fgets(line, sizeof line, f) != NULL) {
            unsigned lp, rp, st;
            if (sscanf(line, "%*d: %*8X:%4X %*8X:%4X %2X", &lp, &rp, &st) == 3 && lp == local && rp == remote
                && strcmp(tcp_state_name(st), state) == 0) {
                found = 1;
            }
        }
        fclose(f);
        if (found) {
            return 0;
        }
        usleep(5000);
    }
    return -1;
}

#endif
