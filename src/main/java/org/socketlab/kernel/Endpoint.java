// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;

/**
 * One end of a conversation: an address and a port (or a path for AF_UNIX). A fresh socket's
 * ends are {@linkplain #unset(AddressFamily) unset}: 0.0.0.0:0, [::]:0, or no path.
 *
 * @param family  the address family the address belongs to
 * @param address the address text: "0.0.0.0", "::", "127.0.0.1", or a path for AF_UNIX
 * @param port    the port, 0 when none (always 0 for AF_UNIX)
 */
public record Endpoint(AddressFamily family, String address, int port) {

    public Endpoint {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The unset endpoint of a fresh socket of this family. */
    public static Endpoint unset(AddressFamily family) {
        return switch (family) {
            case AF_INET -> new Endpoint(family, "0.0.0.0", 0);
            case AF_INET6 -> new Endpoint(family, "::", 0);
            case AF_UNIX -> new Endpoint(family, "", 0);
        };
    }

    /** True for the wildcard address with port 0: nothing has been bound or connected. */
    public boolean isUnset() {
        return equals(unset(family));
    }

    /** The endpoint as a program would print it: "127.0.0.1:80", "[::1]:80", "/tmp/s". */
    @Override
    public String toString() {
        return switch (family) {
            case AF_INET -> address + ":" + port;
            case AF_INET6 -> "[" + address + "]:" + port;
            case AF_UNIX -> address.isEmpty() ? "(unnamed)" : address;
        };
    }
}
