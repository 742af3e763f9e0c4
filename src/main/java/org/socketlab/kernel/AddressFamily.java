// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Optional;

/**
 * The address families the model implements, with their Linux numbers. Any other number
 * passed to socket() is a family the model treats as unavailable (EAFNOSUPPORT).
 */
public enum AddressFamily {
    AF_UNIX(1),
    AF_INET(2),
    AF_INET6(10);

    /** NPROTO on Linux: family numbers at or above it are rejected before anything else. */
    public static final int NPROTO = 46;

    private final int number;

    AddressFamily(int number) {
        this.number = number;
    }

    /** The value passed to socket(), e.g. 2 for AF_INET. */
    public int number() {
        return number;
    }

    /** The family with this number, if the model implements it. */
    public static Optional<AddressFamily> of(int number) {
        for (AddressFamily f : values()) {
            if (f.number == number) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
