// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.List;
import java.util.Optional;

/**
 * The calls a lesson can make. Each {@link Statement} holds its arguments in this canonical
 * order, whatever short form the lesson used (see docs/lesson-format.md): {@code send(fd, "hi")}
 * arrives as {@code send(fd, "hi", 2, 0)}, {@code accept(fd, NULL, NULL)} as {@code accept(fd)},
 * {@code return 0;} as {@code exit(0)}.
 */
public enum Call {
    /** socket(family, type, protocol): the three stages, then a descriptor or -1. */
    SOCKET("socket", "family", "type", "protocol"),
    /** close(fd): frees the slot; the last reference frees the socket. */
    CLOSE("close", "fd"),
    /** bind(fd, address): sets the local address. */
    BIND("bind", "fd", "address"),
    /** listen(fd, backlog): TCP_CLOSE to TCP_LISTEN. */
    LISTEN("listen", "fd", "backlog"),
    /** connect(fd, address): autobinds and, for TCP, sends the SYN. */
    CONNECT("connect", "fd", "address"),
    /** accept(fd): a new descriptor for the next queued connection. */
    ACCEPT("accept", "fd"),
    /** accept4(fd, flags): accept with SOCK_NONBLOCK / SOCK_CLOEXEC on the new descriptor. */
    ACCEPT4("accept4", "fd", "flags"),
    /** send(fd, data, length, flags): the first length bytes of data. */
    SEND("send", "fd", "data", "length", "flags"),
    /** sendto(fd, data, length, flags, address): a datagram to an address. */
    SENDTO("sendto", "fd", "data", "length", "flags", "address"),
    /** shutdown(fd, how): SHUT_RD, SHUT_WR or SHUT_RDWR. */
    SHUTDOWN("shutdown", "fd", "how"),
    /** dup(fd): the lowest free slot, pointing at the same open file. */
    DUP("dup", "fd"),
    /** dup2(oldfd, newfd): slot newfd (closed first if open), pointing at oldfd's file. */
    DUP2("dup2", "oldfd", "newfd"),
    /** fork(): a child process with a copy of the descriptor table. */
    FORK("fork"),
    /** exit(status), also written {@code return status;}: the process ends and its descriptors close. */
    EXIT("exit", "status");

    private final String cName;
    private final List<String> parameters;

    Call(String cName, String... parameters) {
        this.cName = cName;
        this.parameters = List.of(parameters);
    }

    /** The name as written in C, e.g. "accept4". */
    public String cName() {
        return cName;
    }

    /** The canonical parameters, in the order {@link Statement#arguments()} holds them. */
    public List<String> parameters() {
        return parameters;
    }

    /** The call with this C name, if a lesson may make it. */
    public static Optional<Call> named(String name) {
        for (Call call : values()) {
            if (call.cName.equals(name)) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }
}
