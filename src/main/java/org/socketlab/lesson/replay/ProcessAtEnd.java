// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Locale;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.TcpState;

/**
 * A traced process's descriptors when the log ends, or when the process exited (exit closes
 * them all, so the table just before it is the interesting one).
 *
 * @param pid        the process, or null in a log without pids
 * @param exitStatus the status it exited with (128 + signal when killed), or null if the log
 *                   does not show it end
 * @param open       the open descriptors, ascending
 * @param threads    the other threads of this process (clone with CLONE_THREAD), in the order the
 *                   log shows them; the process itself is its thread-group leader. They share its
 *                   descriptor table, so they are listed here, not as processes.
 */
public record ProcessAtEnd(Integer pid, Integer exitStatus, List<OpenDescriptor> open, List<Integer> threads) {
    public ProcessAtEnd {
        open = List.copyOf(open);
        threads = List.copyOf(threads);
    }

    /** A process with no other thread. */
    public ProcessAtEnd(Integer pid, Integer exitStatus, List<OpenDescriptor> open) {
        this(pid, exitStatus, open, List.of());
    }

    /** The same process with these threads. */
    ProcessAtEnd withThreads(List<Integer> others) {
        return new ProcessAtEnd(pid, exitStatus, open, others);
    }

    /**
     * One open descriptor.
     *
     * @param fd     the number
     * @param kind   "socket", "std" (the terminal), "file", "unknown" (opened out of sight), or an event
     *               descriptor's kind: "epoll", "eventfd", "timerfd", "signalfd", "inotify", "fanotify",
     *               "pidfd", "memfd", "pipe-read", "pipe-write", "pipe" (an end the log does not say the side of)
     * @param family the socket's address family ("AF_INET"), or null
     * @param type   the socket's type ("SOCK_STREAM"), or null
     * @param state  the socket's protocol state ("TCP_LISTEN"), or null
     * @param name   what the file is: a path, "stdout", "pipe:[17276]", "socket:[6846]", or "?"
     * @param mayBe  for a TCP connection whose peer is outside the trace, the state it is in if that
     *               peer closed after the log's last word on it ("TCP_CLOSE_WAIT" beside "TCP_ESTABLISHED":
     *               the log cannot show a FIN nobody read); else null
     */
    public record OpenDescriptor(int fd, String kind, String family, String type, String state, String name,
                                 String mayBe) {
        /** A descriptor whose state the log settles. */
        public OpenDescriptor(int fd, String kind, String family, String type, String state, String name) {
            this(fd, kind, family, type, state, name, null);
        }
    }

    /** An open descriptor as the model holds it (a file opened out of sight is "unknown"). */
    static OpenDescriptor describe(KernelState state, Descriptor d) {
        OpenFile file = state.files().get(d.fileId());
        return switch (file.kind()) {
            case TERMINAL -> new OpenDescriptor(d.number(), "std", null, null, null, file.name());
            case FILE -> new OpenDescriptor(d.number(), "file", null, null, null, file.name());
            case SOCKET -> {
                ControlBlock s = state.sockets().get(file.socketId());
                TcpState unseen = s.ifPeerClosedUnseen();
                yield new OpenDescriptor(d.number(), "socket", s.family().name(), s.type().name(),
                        s.tcpState().name(), file.name(), unseen == null ? null : unseen.name());
            }
            case NETLINK -> new OpenDescriptor(d.number(), "socket", "AF_NETLINK", null, null, file.name());
            case UNKNOWN -> new OpenDescriptor(d.number(), "unknown", null, null, null, file.name());
            case EPOLL, EVENTFD, TIMERFD, SIGNALFD, INOTIFY, FANOTIFY, PIDFD, MEMFD, PIPE_READ, PIPE_WRITE, PIPE ->
                    new OpenDescriptor(d.number(), file.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            null, null, null, file.name());
        };
    }
}
