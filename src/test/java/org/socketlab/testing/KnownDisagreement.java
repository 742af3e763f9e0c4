// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

/**
 * A lesson on which the model and the real kernel disagree, on purpose: the tests of
 * {@code run --kernel} and of Run it for real (F9) need one. Two datagrams, one recv: the kernel
 * gives one datagram (1 byte), the model, whose queues are byte counts, both bytes (2). The
 * simplification is listed in docs/kernel-fidelity.md.
 */
public final class KnownDisagreement {
    /** The lesson's text, a complete C program. */
    public static final String TWO_DATAGRAMS_ONE_RECV = """
            // title: two datagrams, one recv
            #include <arpa/inet.h>
            #include <netinet/in.h>
            #include <sys/socket.h>
            #include <unistd.h>

            int main(void) {
                struct sockaddr_in addr = {0};
                addr.sin_family = AF_INET;
                addr.sin_port = htons(9000);
                addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                char buf[64];
                int r = socket(AF_INET, SOCK_DGRAM, 0);
                bind(r, (struct sockaddr *)&addr, sizeof addr);
                int u = socket(AF_INET, SOCK_DGRAM, 0);
                connect(u, (struct sockaddr *)&addr, sizeof addr);
                send(u, "a", 1, 0);
                send(u, "b", 1, 0);
                recv(r, buf, sizeof buf, 0);
                close(u);
                close(r);
            }
            """;

    private KnownDisagreement() {
    }
}
