// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import org.socketlab.kernel.FileKind;

/**
 * One drawer of the descriptor cabinet as the picture shows it.
 *
 * @param fd       the drawer's number
 * @param kind     what the drawer holds, or null when it is empty
 * @param label    "stdin", "socket:[6841]", or "" when empty
 * @param socketId the control block's id when it holds a socket, else -1
 * @param changed  the current step filled or emptied it
 * @param usable   the drawer is below the descriptor limit
 * @param watching for an epoll instance, its interest list as strace names it ("4 (EPOLLIN), 5 (EPOLLOUT)",
 *                 "" when it watches nothing); null for any other drawer
 */
public record Drawer(int fd, FileKind kind, String label, int socketId, boolean changed, boolean usable,
                     String watching) {
    /** A drawer that is not an epoll instance. */
    public Drawer(int fd, FileKind kind, String label, int socketId, boolean changed, boolean usable) {
        this(fd, kind, label, socketId, changed, usable, null);
    }

    /** True when nothing is in the drawer. */
    public boolean isEmpty() {
        return kind == null;
    }
}
