// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Protocol;
import org.socketlab.kernel.SocketFlag;
import org.socketlab.kernel.SocketType;

/**
 * The symbolic constants a lesson may use, with their Linux x86-64 values. The kernel's enums
 * supply the families, types, flags and protocols it models; the rest are here so that a lesson
 * can ask for what the model rejects (AF_NETLINK → EAFNOSUPPORT) or pass the usual extras.
 */
final class Constants {
    private static final Map<String, Integer> VALUES = new LinkedHashMap<>();

    static {
        for (AddressFamily f : AddressFamily.values()) {
            family(f.name().substring(3), f.number());
        }
        family("LOCAL", 1);
        family("UNSPEC", 0);
        family("AX25", 3);
        family("IPX", 4);
        family("APPLETALK", 5);
        family("NETLINK", 16);
        family("PACKET", 17);
        family("CAN", 29);
        family("BLUETOOTH", 31);
        family("ALG", 38);
        family("VSOCK", 40);
        family("XDP", 44);
        for (SocketType t : SocketType.values()) {
            VALUES.put(t.name(), t.number());
        }
        for (SocketFlag f : SocketFlag.values()) {
            VALUES.put(f.name(), f.bit());
        }
        for (Protocol p : Protocol.values()) {
            VALUES.put(p.name(), p.number());
        }
        VALUES.put("IPPROTO_IPV6", 41);
        VALUES.put("IPPROTO_SCTP", 132);
        VALUES.put("SHUT_RD", 0);
        VALUES.put("SHUT_WR", 1);
        VALUES.put("SHUT_RDWR", 2);
        VALUES.put("MSG_OOB", 0x1);
        VALUES.put("MSG_DONTWAIT", 0x40);
        VALUES.put("MSG_NOSIGNAL", 0x4000);
        VALUES.put("SOMAXCONN", 4096);
        VALUES.put("SOL_SOCKET", 1);
        VALUES.put("SO_REUSEADDR", 2);
        VALUES.put("SO_ERROR", 4);
        VALUES.put("SO_LINGER", 13);
        VALUES.put("SIGPIPE", 13);
        VALUES.put("SIG_DFL", 0);
        VALUES.put("SIG_IGN", 1);
        VALUES.put("RLIMIT_NOFILE", 7);
        VALUES.put("F_DUPFD", 0);
        VALUES.put("F_GETFD", 1);
        VALUES.put("F_SETFD", 2);
        VALUES.put("F_GETFL", 3);
        VALUES.put("F_SETFL", 4);
        VALUES.put("F_DUPFD_CLOEXEC", 1030);
        VALUES.put("FD_CLOEXEC", 1);
        VALUES.put("O_RDONLY", 0);
        VALUES.put("O_WRONLY", 1);
        VALUES.put("O_RDWR", 2);
        VALUES.put("O_NONBLOCK", 0x800);
        VALUES.put("O_CLOEXEC", 0x80000);
        VALUES.put("FIONBIO", 0x5421);
        VALUES.put("FIONCLEX", 0x5450);
        VALUES.put("FIOCLEX", 0x5451);
        VALUES.put("STDIN_FILENO", 0);
        VALUES.put("STDOUT_FILENO", 1);
        VALUES.put("STDERR_FILENO", 2);
        VALUES.put("EXIT_SUCCESS", 0);
        VALUES.put("EXIT_FAILURE", 1);
        VALUES.put("NULL", 0);
        VALUES.put("INADDR_ANY", 0);
        VALUES.put("INADDR_LOOPBACK", 0x7f000001);
    }

    private Constants() {
    }

    private static void family(String suffix, int number) {
        VALUES.put("AF_" + suffix, number);
        VALUES.put("PF_" + suffix, number);
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
