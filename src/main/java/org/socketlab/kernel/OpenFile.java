// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
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
 * @param watches     an epoll instance's interest list, in the order epoll_ctl() added them; empty for
 *                    any other file
 * @param watchers    how many interest-list entries watch this file (the kernel's {@code file->f_ep}):
 *                    when its last reference goes, only a watched file has entries to remove
 */
public record OpenFile(int id, FileKind kind, String name, int socketId, int references, boolean nonBlocking,
                       List<EpollWatch> watches, int watchers) {
    public OpenFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        watches = List.copyOf(watches);
        if (!watches.isEmpty() && kind != FileKind.EPOLL) {
            throw new IllegalArgumentException("only an epoll instance watches other files");
        }
        if (references < 0 || watchers < 0) {
            throw new IllegalArgumentException("negative reference or watcher count");
        }
        if ((kind == FileKind.SOCKET) != (socketId >= 0)) {
            throw new IllegalArgumentException("a socket file, and only a socket file, has a socket id");
        }
    }

    /** An open file that watches nothing. */
    public OpenFile(int id, FileKind kind, String name, int socketId, int references, boolean nonBlocking) {
        this(id, kind, name, socketId, references, nonBlocking, List.of(), 0);
    }

    /** The same open file with O_NONBLOCK set or cleared (fcntl F_SETFL, ioctl FIONBIO). */
    OpenFile withNonBlocking(boolean on) {
        return new OpenFile(id, kind, name, socketId, references, on, watches, watchers);
    }

    OpenFile withReferences(int count) {
        return new OpenFile(id, kind, name, socketId, count, nonBlocking, watches, watchers);
    }

    /** The same epoll instance with another interest list. */
    OpenFile withWatches(List<EpollWatch> list) {
        return new OpenFile(id, kind, name, socketId, references, nonBlocking, list, watchers);
    }

    /** The same file watched by {@code change} more (or fewer) interest-list entries. */
    OpenFile withWatchers(int change) {
        return new OpenFile(id, kind, name, socketId, references, nonBlocking, watches, watchers + change);
    }
}
