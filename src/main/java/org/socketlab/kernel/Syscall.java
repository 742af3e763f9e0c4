// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * A system call a process makes, with its arguments as the raw numbers C passes, so that
 * wrong arguments can fail the way Linux fails them.
 */
public sealed interface Syscall {
    /** The call's name as strace prints it. */
    String name();

    /** socket(family, type | flags, protocol). */
    record Socket(int family, int type, int protocol) implements Syscall {
        public Socket(AddressFamily family, SocketType type, int protocol) {
            this(family.number(), type.number(), protocol);
        }

        @Override
        public String name() {
            return "socket";
        }
    }

    /** close(fd). */
    record Close(int fd) implements Syscall {
        @Override
        public String name() {
            return "close";
        }
    }
}
