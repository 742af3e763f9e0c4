// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.socketlab.lesson.source.Calls.Kind.ADDRESS;
import static org.socketlab.lesson.source.Calls.Kind.ARGV;
import static org.socketlab.lesson.source.Calls.Kind.ARRAY;
import static org.socketlab.lesson.source.Calls.Kind.BUFFER;
import static org.socketlab.lesson.source.Calls.Kind.DATA;
import static org.socketlab.lesson.source.Calls.Kind.ENVP;
import static org.socketlab.lesson.source.Calls.Kind.INT;
import static org.socketlab.lesson.source.Calls.Kind.LIMIT;
import static org.socketlab.lesson.source.Calls.Kind.NULL;
import static org.socketlab.lesson.source.Calls.Kind.OUT;
import static org.socketlab.lesson.source.Calls.Kind.PATH;
import static org.socketlab.lesson.source.Calls.Kind.THREAD;
import static org.socketlab.lesson.source.Calls.Kind.VALUE;

import java.util.List;
import java.util.Optional;
import org.socketlab.kernel.SyscallKind;

/**
 * The calls a lesson can make. Each {@link Statement} holds its arguments in this canonical
 * order, whatever short form the lesson used (see docs/lesson-format.md): {@code send(fd, "hi")}
 * arrives as {@code send(fd, "hi", 2, 0)}, {@code accept(fd, NULL, NULL)} as {@code accept(fd)},
 * {@code return 0;} as {@code exit(0)}. Each call is described once: the system call it is, its
 * name, its written forms and the usage hint a mistake shows; {@code LessonCompiler} turns it
 * into the kernel's {@code Syscall} in an exhaustive switch.
 */
public enum Call {
    /** socket(family, type, protocol): the three stages, then a descriptor or -1. */
    SOCKET(SyscallKind.SOCKET, "socket", "socket(AF_INET, SOCK_STREAM, 0)", params("family", "type", "protocol"),
            form(INT, INT, INT)),
    /** socketpair(family, type, protocol, sv): two connected AF_UNIX sockets, their numbers in sv[0] and sv[1]. */
    SOCKETPAIR(SyscallKind.SOCKETPAIR, "socketpair", "socketpair(AF_UNIX, SOCK_STREAM, 0, sv) with int sv[2];",
            params("family", "type", "protocol", "sv"), form(INT, INT, INT, ARRAY)),
    /** close(fd): frees the slot; the last reference frees the socket. */
    CLOSE(SyscallKind.CLOSE, "close", "close(fd)", params("fd"), form(INT)),
    /** bind(fd, address): sets the local address. */
    BIND(SyscallKind.BIND, "bind", "bind(fd, \"127.0.0.1:8080\")", params("fd", "address"), form(INT, ADDRESS)),
    /** listen(fd, backlog): TCP_CLOSE to TCP_LISTEN. */
    LISTEN(SyscallKind.LISTEN, "listen", "listen(fd, 8)", params("fd", "backlog"), form(INT, INT)),
    /** connect(fd, address): autobinds and, for TCP, sends the SYN. */
    CONNECT(SyscallKind.CONNECT, "connect", "connect(fd, \"127.0.0.1:8080\")", params("fd", "address"),
            form(INT, ADDRESS)),
    /** accept(fd): a new descriptor for the next queued connection. */
    ACCEPT(SyscallKind.ACCEPT, "accept", "accept(fd) or accept(fd, NULL, NULL)", params("fd"), form(INT),
            form(INT, NULL, NULL)),
    /** accept4(fd, flags): accept with SOCK_NONBLOCK / SOCK_CLOEXEC on the new descriptor. */
    ACCEPT4(SyscallKind.ACCEPT, "accept4", "accept4(fd, SOCK_NONBLOCK) or accept4(fd, NULL, NULL, SOCK_NONBLOCK)",
            params("fd", "flags"), form(INT, INT), form(INT, NULL, NULL, INT)),
    /** send(fd, data, length, flags): the first length bytes of data. */
    SEND(SyscallKind.SEND, "send", "send(fd, \"data\") or send(fd, \"data\", 4, 0)",
            params("fd", "data", "length", "flags"), form(INT, DATA), form(INT, DATA, INT, INT)),
    /** sendto(fd, data, length, flags, address): a datagram to an address. */
    SENDTO(SyscallKind.SEND, "sendto",
            "sendto(fd, \"data\", \"127.0.0.1:9000\") or sendto(fd, \"data\", 4, 0, \"127.0.0.1:9000\")",
            params("fd", "data", "length", "flags", "address"), form(INT, DATA, ADDRESS),
            form(INT, DATA, INT, INT, ADDRESS)),
    /** write(fd, data, length): send() without flags. */
    WRITE(SyscallKind.WRITE, "write", "write(fd, \"data\", 4)", params("fd", "data", "length"), form(INT, DATA, INT)),
    /** recv(fd, buf, length, flags): up to length queued bytes into a char buffer. */
    RECV(SyscallKind.RECV, "recv", "recv(fd, buf, sizeof buf, 0) with char buf[64];",
            params("fd", "buffer", "length", "flags"), form(INT, BUFFER, INT, INT)),
    /** recvfrom(fd, buf, length, flags, NULL, NULL): recv() that could say who sent. */
    RECVFROM(SyscallKind.RECV, "recvfrom", "recvfrom(fd, buf, sizeof buf, 0, NULL, NULL) with char buf[64];",
            params("fd", "buffer", "length", "flags"), form(INT, BUFFER, INT, INT, NULL, NULL)),
    /** read(fd, buf, length): recv() without flags. */
    READ(SyscallKind.READ, "read", "read(fd, buf, sizeof buf) with char buf[64];",
            params("fd", "buffer", "length"), form(INT, BUFFER, INT)),
    /** setsockopt(fd, level, option, &value, sizeof value): SO_REUSEADDR with an int, SO_LINGER with a struct linger. */
    SETSOCKOPT(SyscallKind.SETSOCKOPT, "setsockopt",
            "setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) with int one = 1;",
            params("fd", "level", "option", "value", "length"), form(INT, INT, INT, VALUE, INT)),
    /** getsockopt(fd, level, option, &value, &length): SO_ERROR reports and clears the pending error. */
    GETSOCKOPT(SyscallKind.GETSOCKOPT, "getsockopt",
            "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) with int err; socklen_t len = sizeof err;",
            params("fd", "level", "option", "value", "length"), form(INT, INT, INT, OUT, OUT)),
    /** signal(signal, handler): SIG_IGN or SIG_DFL for SIGPIPE. */
    SIGNAL(SyscallKind.SIGNAL, "signal", "signal(SIGPIPE, SIG_IGN)", params("signal", "handler"), form(INT, INT)),
    /** setrlimit(RLIMIT_NOFILE, &limit): the descriptor limit, from a struct rlimit. */
    SETRLIMIT(SyscallKind.RLIMIT, "setrlimit",
            "setrlimit(RLIMIT_NOFILE, &lim) with struct rlimit lim = {8, 8};", params("resource", "limit"),
            form(INT, LIMIT)),
    /** shutdown(fd, how): SHUT_RD, SHUT_WR or SHUT_RDWR. */
    SHUTDOWN(SyscallKind.SHUTDOWN, "shutdown", "shutdown(fd, SHUT_WR)", params("fd", "how"), form(INT, INT)),
    /** dup(fd): the lowest free slot, pointing at the same open file. */
    DUP(SyscallKind.DUP, "dup", "dup(fd)", params("fd"), form(INT)),
    /** dup2(oldfd, newfd): slot newfd (closed first if open), pointing at oldfd's file. */
    DUP2(SyscallKind.DUP2, "dup2", "dup2(fd, 10)", params("oldfd", "newfd"), form(INT, INT)),
    /** fcntl(fd, cmd, arg): FD_CLOEXEC (F_GETFD/F_SETFD), O_NONBLOCK (F_GETFL/F_SETFL), F_DUPFD(_CLOEXEC). */
    FCNTL(SyscallKind.FCNTL, "fcntl", "fcntl(fd, F_SETFL, O_NONBLOCK) or fcntl(fd, F_GETFL)",
            params("fd", "cmd", "arg"), form(INT, INT), form(INT, INT, INT)),
    /**
     * ioctl(fd, request, value): FIONBIO (non-blocking), FIOCLEX / FIONCLEX (close-on-exec); a request
     * that fills in an int, as FIONREAD does, takes {@code &n}.
     */
    IOCTL(SyscallKind.IOCTL, "ioctl", "ioctl(fd, FIONBIO, 1) or ioctl(fd, FIOCLEX)",
            params("fd", "request", "value"), form(INT, INT), form(INT, INT, INT), form(INT, INT, OUT)),
    /** fork(): a child process with a copy of the descriptor table. */
    FORK(SyscallKind.FORK, "fork", "fork()", params(), form()),
    /**
     * pthread_create(&t, NULL, worker, arg): a thread of the same process (clone3 with CLONE_FILES and
     * CLONE_THREAD), sharing its descriptor table; it runs the thread function {@code worker}, whose
     * statements follow this one. {@code StatementParser} reads it (the function is the lesson's own);
     * the arguments are the handle, the function (with the variable that reads {@code *(int *)arg}) and
     * what {@code arg} points at (NULL: 0).
     */
    PTHREAD_CREATE(SyscallKind.FORK, "pthread_create",
            "pthread_create(&t, NULL, worker, NULL) with pthread_t t; and static void *worker(void *arg) { ... } "
                    + "before main()", params("thread", "start", "arg"), form(THREAD, NULL, THREAD, THREAD)),
    /** exit(status), also written {@code return status;}: the process ends and its descriptors close. */
    EXIT(SyscallKind.EXIT, "exit", "exit(0)", params("status"), form(INT)),
    /**
     * execl(path, arg0, ..., (char *)NULL): another program, its arguments listed one by one; the
     * form stands for "a path, then any number of strings, then NULL" (see {@code CallParser}).
     */
    EXECL(SyscallKind.EXECVE, "execl", "execl(\"/bin/ls\", \"ls\", \"/proc/self/fd\", (char *)NULL)",
            params("path", "argv"), form(PATH, ARGV)),
    /** execv(path, argv): another program, its arguments in a {@code char *argv[]} ending with NULL. */
    EXECV(SyscallKind.EXECVE, "execv", "execv(\"/bin/ls\", args) with char *args[] = {\"ls\", NULL};",
            params("path", "argv"), form(PATH, ARGV)),
    /** execve(path, argv, envp): execv() with an environment (NULL, or another array of strings). */
    EXECVE(SyscallKind.EXECVE, "execve", "execve(\"/bin/ls\", args, NULL) with char *args[] = {\"ls\", NULL};",
            params("path", "argv"), form(PATH, ARGV, ENVP));

    private final SyscallKind kind;
    private final String cName;
    private final String usage;
    private final List<String> parameters;
    private final List<List<Calls.Kind>> forms;

    @SafeVarargs
    Call(SyscallKind kind, String cName, String usage, List<String> parameters, List<Calls.Kind>... forms) {
        if (!kind.cNames().contains(cName)) {
            throw new IllegalArgumentException(cName + " is not a name of " + kind);
        }
        this.kind = kind;
        this.cName = cName;
        this.usage = usage;
        this.parameters = parameters;
        this.forms = List.of(forms);
    }

    private static List<String> params(String... names) {
        return List.of(names);
    }

    private static List<Calls.Kind> form(Calls.Kind... kinds) {
        return List.of(kinds);
    }

    /** The system call the kernel model runs for it. */
    public SyscallKind kind() {
        return kind;
    }

    /** The name as written in C, e.g. "accept4". */
    public String cName() {
        return cName;
    }

    /** How the call is written, for hints: "send(fd, \"data\") or send(fd, \"data\", 4, 0)". */
    String usage() {
        return usage;
    }

    /** The argument kinds of each written form, shortest first. */
    List<List<Calls.Kind>> forms() {
        return forms;
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
