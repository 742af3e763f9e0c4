// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socketlab.kernel.LinuxSymbols;
import org.socketlab.kernel.Protocol;
import org.socketlab.kernel.SocketFlag;
import org.socketlab.kernel.SocketType;

/**
 * The symbolic constants a lesson may use. Their Linux x86-64 values come from the one table,
 * {@link LinuxSymbols}; this class only says which of them a lesson may write: every family
 * (so that a lesson can ask for what the model rejects, AF_NETLINK → EAFNOSUPPORT), the types,
 * flags and protocols the model knows, and the usual extras.
 */
final class Constants {
    private static final Map<String, Integer> VALUES = new LinkedHashMap<>();

    static {
        for (String name : LinuxSymbols.names()) {
            if (name.startsWith("AF_") || name.startsWith("PF_")) {
                add(name);
            }
        }
        for (SocketType t : SocketType.values()) {
            add(t.name());
        }
        for (SocketFlag f : SocketFlag.values()) {
            add(f.name());
        }
        for (Protocol p : Protocol.values()) {
            add(p.name());
        }
        for (String name : List.of("IPPROTO_IPV6", "IPPROTO_SCTP", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "MSG_OOB",
                "MSG_PEEK", "MSG_TRUNC", "MSG_DONTWAIT", "MSG_NOSIGNAL", "SOMAXCONN", "SOL_SOCKET", "SO_REUSEADDR", "SO_ERROR", "SO_LINGER",
                "SIGPIPE", "SIG_DFL", "SIG_IGN", "RLIMIT_NOFILE", "F_DUPFD", "F_GETFD", "F_SETFD", "F_GETFL",
                "F_SETFL", "F_DUPFD_CLOEXEC", "FD_CLOEXEC", "O_RDONLY", "O_WRONLY", "O_RDWR", "O_NONBLOCK",
                "O_CLOEXEC", "FIONBIO", "FIONREAD", "FIONCLEX", "FIOCLEX", "STDIN_FILENO", "STDOUT_FILENO", "STDERR_FILENO",
                "EXIT_SUCCESS", "EXIT_FAILURE", "NULL", "INADDR_ANY", "INADDR_LOOPBACK")) {
            add(name);
        }
    }

    private Constants() {
    }

    private static void add(String name) {
        VALUES.put(name, Math.toIntExact(LinuxSymbols.valueOf(name).orElseThrow()));
    }

    /** The value of a constant, e.g. 2 for "AF_INET". */
    static Optional<Integer> valueOf(String name) {
        return Optional.ofNullable(VALUES.get(name));
    }

    /** Every name, AF_* first (so that ties in suggestions favour the common ones). */
    static Set<String> names() {
        return Collections.unmodifiableSet(VALUES.keySet());
    }
}
