// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Optional;

/**
 * What an open file is, as far as the lessons care. The event descriptors an event loop keeps
 * beside its sockets (an epoll instance, an eventfd, a timer, a pipe's ends...) are kinds of their
 * own: the kernel makes each with its own call, and strace's {@code -yy} names each by its own
 * inode ("anon_inode:[eventpoll]", "pipe:[46404]").
 */
public enum FileKind {
    /** The terminal behind stdin, stdout and stderr. */
    TERMINAL,
    /** A socket: the open file leads to a {@link ControlBlock}. */
    SOCKET,
    /** A regular file or anything else a program opened. */
    FILE,
    /**
     * A netlink socket (AF_NETLINK): a channel between the process and the kernel itself, not to
     * another host. No control block of the inet or unix kind: its port id is in the label.
     */
    NETLINK,
    /** An epoll instance (epoll_create, epoll_create1): anon_inode:[eventpoll], an interest list and a ready list. */
    EPOLL,
    /** An eventfd (eventfd, eventfd2): anon_inode:[eventfd], a 64-bit counter. */
    EVENTFD,
    /** A timer (timerfd_create): anon_inode:[timerfd], readable once it expired. */
    TIMERFD,
    /** A signalfd (signalfd, signalfd4): anon_inode:[signalfd], blocked signals as something to read. */
    SIGNALFD,
    /** An inotify instance (inotify_init, inotify_init1): anon_inode:inotify. */
    INOTIFY,
    /** A fanotify group (fanotify_init): anon_inode:[fanotify]. */
    FANOTIFY,
    /** A descriptor that names a process (pidfd_open): "pid:4242" on Linux 6.9 and later. */
    PIDFD,
    /** A file in memory with no name in any directory (memfd_create): "/memfd:name (deleted)". */
    MEMFD,
    /** The read end of a pipe (the first descriptor pipe() returns): pipe:[inode]. */
    PIPE_READ,
    /** The write end of a pipe (the second descriptor pipe() returns): the same pipe:[inode]. */
    PIPE_WRITE,
    /**
     * An end of a pipe the log names only by its inode (pipe:[46404], as strace's -yy prints both
     * ends alike) and never shows being read, written or asked about: which end it is, the log
     * does not say.
     */
    PIPE,
    /** Opened by something the model did not see (e.g. a call outside a trace's filter). */
    UNKNOWN;

    /**
     * What the call that made a file gives it: {@code index} is the descriptor's place among those
     * it returned (pipe's fildes[0] is the read end, fildes[1] the write end). A call that opens a
     * path, or one the model knows no kind for, makes a {@link #FILE}.
     */
    public static FileKind madeBy(String call, int index) {
        return switch (call) {
            case "epoll_create", "epoll_create1" -> EPOLL;
            case "eventfd", "eventfd2" -> EVENTFD;
            case "timerfd_create" -> TIMERFD;
            case "signalfd", "signalfd4" -> SIGNALFD;
            case "inotify_init", "inotify_init1" -> INOTIFY;
            case "fanotify_init" -> FANOTIFY;
            case "pidfd_open" -> PIDFD;
            case "memfd_create" -> MEMFD;
            case "pipe", "pipe2" -> index == 0 ? PIPE_READ : PIPE_WRITE;
            default -> FILE;
        };
    }

    /**
     * The kind a path of strace's {@code -y}/{@code -yy} names, when it names one of the event
     * descriptors: "anon_inode:[eventpoll]", "anon_inode:inotify", "/memfd:x", "pid:42". A pipe's
     * path ("pipe:[46404]") does not say which end it is: {@link #PIPE}.
     */
    public static Optional<FileKind> named(String path) {
        if (path.startsWith("/memfd:")) {
            return Optional.of(MEMFD);
        }
        if (path.matches("pipe:\\[\\d+]")) {
            return Optional.of(PIPE);
        }
        if (path.matches("pid:\\d+")) {
            return Optional.of(PIDFD);
        }
        return Optional.ofNullable(switch (path) {
            case "anon_inode:[eventpoll]" -> EPOLL;
            case "anon_inode:[eventfd]" -> EVENTFD;
            case "anon_inode:[timerfd]" -> TIMERFD;
            case "anon_inode:[signalfd]" -> SIGNALFD;
            case "anon_inode:inotify", "anon_inode:[inotify]" -> INOTIFY;
            case "anon_inode:[fanotify]" -> FANOTIFY;
            case "anon_inode:[pidfd]" -> PIDFD;
            default -> null;
        });
    }

    /** True for the kinds the cabinet draws as one of the event descriptors (not a socket, file or terminal). */
    public boolean isEventDescriptor() {
        return switch (this) {
            case EPOLL, EVENTFD, TIMERFD, SIGNALFD, INOTIFY, FANOTIFY, PIDFD, MEMFD, PIPE_READ, PIPE_WRITE, PIPE -> true;
            case TERMINAL, SOCKET, FILE, NETLINK, UNKNOWN -> false;
        };
    }
}
