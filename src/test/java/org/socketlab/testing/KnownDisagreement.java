// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

/**
 * A lesson on which the model and the real kernel disagree, on purpose: the tests of
 * {@code run --kernel} and of Run it for real (F9) need one. Two datagrams, one recv (the model
 * agrees: one datagram, 1 byte), then {@code ioctl(FIONREAD)}: the kernel answers 0 and writes the
 * bytes waiting, the model, which knows only FIONBIO, FIOCLEX and FIONCLEX, answers -1 ENOTTY. The
 * simplification is listed in docs/kernel-fidelity.md.
 */
public final class KnownDisagreement {
    /** The lesson's text, a complete C program. */
    public static final String FIONREAD_UNKNOWN = """
            // title: two datagrams, then FIONREAD
            #include <arpa/inet.h>
            #include <netinet/in.h>
            #include <sys/ioctl.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(void) {
                struct sockaddr_in addr = {0};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(9000);
                addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                char buf[64];
                int waiting;
                int r = socket(AF_INET, SOCK_DGRAM, 0);
                bind(r, (struct sockaddr *)&addr, sizeof addr);
                int u = socket(AF_INET, SOCK_DGRAM, 0);
                connect(u, (struct sockaddr *)&addr, sizeof addr);
                send(u, "a", 1, 0);
                send(u, "b", 1, 0);
                recv(r, buf, sizeof buf, 0);
                ioctl(r, FIONREAD, &waiting);
                close(u);
                close(r);
            }
            """;

    /** The line of the call on which they differ. */
    public static final int LINE = 22;

    private KnownDisagreement() {
    }
}
