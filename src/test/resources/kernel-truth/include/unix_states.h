// SPDX-License-Identifier: Apache-2.0
/*
 * show_unix(when, fd): what the kernel's AF_UNIX table (/proc/net/unix, proc(5)) says right now
 * about the socket of descriptor `fd`, one line on standard output:
 *
 *     pair sv[0] (fd 3): St 03 TCP_ESTABLISHED
 *
 * unix_seq_show (net/unix/af_unix.c) prints St = SS_CONNECTED (03) when sk_state is
 * TCP_ESTABLISHED and SS_UNCONNECTED (01) otherwise; a SOCK_DGRAM socket's sk_state is only ever
 * TCP_CLOSE or TCP_ESTABLISHED, so for one St names its sk_state. The socket is found by its inode
 * (fstat's st_ino, the table's Inode column).
 */
#ifndef UNIX_STATES_H
#define UNIX_STATES_H

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static inline void show_unix(const char *when, int fd) {
    struct stat st;
    char line[512];
    int shown = 0;
    if (fstat(fd, &st) != 0) {
        printf("%s: descriptor %d is not open\n", when, fd);
        return;
    }
    FILE *f = fopen("/proc/net/unix", "r");
    if (f == NULL) {
        perror("/proc/net/unix");
        return;
    }
    fgets(line, sizeof line, f); /* the header */
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned flags, type, state;
        unsigned long inode;
        char *rest = strchr(line, ':');
        if (rest == NULL || sscanf(rest + 1, " %*x %*x %x %x %x %lu", &flags, &type, &state, &inode) != 4
            || inode != (unsigned long)st.st_ino) {
            continue;
        }
        printf("%s (fd %d): St %02X %s\n", when, fd, state, state == 3 ? "TCP_ESTABLISHED" : "TCP_CLOSE");
        shown++;
    }
    if (shown == 0) {
        printf("%s: no AF_UNIX socket with inode %lu\n", when, (unsigned long)st.st_ino);
    }
    fclose(f);
    fflush(stdout);
}

#endif
