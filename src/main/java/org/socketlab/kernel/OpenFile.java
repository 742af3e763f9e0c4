// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;

/**
 * An open file ({@code struct file}): what descriptors point at. It lives while at least one
 * descriptor refers to it; for a socket, the socket is released with its last reference.
 *
 * @param id          identity within the kernel state
 * @param kind        what the file is
 * @param name        a label: "stdin", "/etc/hosts", or "socket:[id]"
 * @param socketId    the control block's id for {@link FileKind#SOCKET}, otherwise -1
 * @param references  how many descriptors (in any process) point here
 * @param nonBlocking O_NONBLOCK (from SOCK_NONBLOCK)
 */
public record OpenFile(int id, FileKind kind, String name, int socketId, int references, boolean nonBlocking) {
    public OpenFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (references < 0) {
            throw new IllegalArgumentException("negative reference count");
        }
        if ((kind == FileKind.SOCKET) != (socketId >= 0)) {
            throw new IllegalArgumentException("a socket file, and only a socket file, has a socket id");
        }
    }

    /** The same open file with O_NONBLOCK set or cleared (fcntl F_SETFL, ioctl FIONBIO). */
    OpenFile withNonBlocking(boolean on) {
        return new OpenFile(id, kind, name, socketId, references, on);
    }

    OpenFile withReferences(int count) {
        return new OpenFile(id, kind, name, socketId, count, nonBlocking);
    }
}
