// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each family says its number, its address form and what its sock costs (SocketFamily). */
class SocketFamilyTest {

    @Test
    void everyFamilyARealProgramOpensHasItsNumberAndAddressForm() {
        assertThat(SocketFamily.KNOWN).extracting(f -> f.name() + " " + f.number() + " " + f.address().struct() + " "
                + f.address().length()).containsExactly("AF_INET 2 sockaddr_in 16", "AF_INET6 10 sockaddr_in6 28",
                "AF_UNIX 1 sockaddr_un 110", "AF_NETLINK 16 sockaddr_nl 12", "AF_PACKET 17 sockaddr_ll 20",
                "AF_VSOCK 40 sockaddr_vm 16", "AF_ALG 38 sockaddr_alg 88");
        assertThat(SocketFamily.of(45)).isEqualTo(new SocketFamily.Unregistered(45));
        for (SocketFamily f : SocketFamily.KNOWN) {
            assertThat(SocketFamily.of(f.number())).isEqualTo(f);
        }
    }

    @Test
    void aSlabOfItsOwnIsMeasuredTheSharedCachesAreNot() {
        // /proc/slabinfo on Linux 6.18: TCP 2368, UNIX 1152, AF_VSOCK 1280; netlink and packet socks come from kmalloc.
        assertThat(SocketFamily.of(2).sock()).isEqualTo(new SocketFamily.SockMemory("TCP", 2368, true));
        assertThat(SocketFamily.of(40).sock()).isEqualTo(new SocketFamily.SockMemory("AF_VSOCK", 1280, true));
        assertThat(SocketFamily.of(16).sock().measured()).isFalse();
        assertThat(SocketFamily.of(17).sock().measured()).isFalse();
    }
}
