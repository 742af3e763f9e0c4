// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The one table of the Linux x86-64 values behind the symbols that lessons write and strace
 * prints: address families (with their old PF_ spellings), socket types and flags and IP
 * protocols (from the model's enums), shutdown and message flags, socket options, fcntl and
 * open flags, rlimit resources and RLIM_INFINITY, clone flags, signals and the usual extras
 * (NULL, INADDR_ANY, AT_FDCWD...). The lesson language and the strace reader both read it.
 */
public final class LinuxSymbols {
    private static final Map<String, Long> VALUES = new LinkedHashMap<>();

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
            put(t.name(), t.number());
        }
        for (SocketFlag f : SocketFlag.values()) {
            put(f.name(), f.bit());
        }
        for (Protocol p : Protocol.values()) {
            put(p.name(), p.number());
        }
        put("IPPROTO_IPV6", 41);
        put("IPPROTO_SCTP", 132);
        put("IPPROTO_MPTCP", 262);
        put("SHUT_RD", 0);
        put("SHUT_WR", 1);
        put("SHUT_RDWR", 2);
        put("MSG_OOB", 0x1);
        put("MSG_PEEK", 0x2);
        put("MSG_TRUNC", 0x20);
        put("MSG_DONTWAIT", 0x40);
        put("MSG_NOSIGNAL", 0x4000);
        put("SOMAXCONN", 4096);
        put("SOL_SOCKET", 1);
        put("SOL_IP", 0);
        put("SOL_TCP", 6);
        put("SOL_UDP", 17);
        put("SOL_IPV6", 41);
        put("IPV6_V6ONLY", 26);
        put("SO_REUSEADDR", 2);
        put("SO_ERROR", 4);
        put("SO_LINGER", 13);
        put("SIG_DFL", 0);
        put("SIG_IGN", 1);
        String[] rlimits = {"RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE",
            "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
            "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO",
            "RLIMIT_RTTIME"};
        for (int i = 0; i < rlimits.length; i++) {
            put(rlimits[i], i);
        }
        put("RLIM_INFINITY", -1);
        put("RLIM64_INFINITY", -1);
        String[] clone = {"CLONE_VM", "CLONE_FS", "CLONE_FILES", "CLONE_SIGHAND", "CLONE_PIDFD",
            "CLONE_PTRACE", "CLONE_VFORK", "CLONE_PARENT", "CLONE_THREAD", "CLONE_NEWNS",
            "CLONE_SYSVSEM", "CLONE_SETTLS", "CLONE_PARENT_SETTID", "CLONE_CHILD_CLEARTID",
            "CLONE_DETACHED", "CLONE_UNTRACED", "CLONE_CHILD_SETTID", "CLONE_NEWCGROUP",
            "CLONE_NEWUTS", "CLONE_NEWIPC", "CLONE_NEWUSER", "CLONE_NEWPID", "CLONE_NEWNET",
            "CLONE_IO"};
        for (int i = 0; i < clone.length; i++) {
            put(clone[i], 0x100L << i);
        }
        String[] signals = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
            "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
            "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
            "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
        for (int i = 0; i < signals.length; i++) {
            put(signals[i], i + 1);
        }
        put("F_DUPFD", 0);
        put("F_GETFD", 1);
        put("F_SETFD", 2);
        put("F_GETFL", 3);
        put("F_SETFL", 4);
        put("F_DUPFD_CLOEXEC", 1030);
        put("FD_CLOEXEC", 1);
        put("O_RDONLY", 0);
        put("O_WRONLY", 1);
        put("O_RDWR", 2);
        put("O_NONBLOCK", 0x800);
        put("O_CLOEXEC", 0x80000);
        put("FIONBIO", 0x5421);
        put("FIONREAD", 0x541B);
        put("FIONCLEX", 0x5450);
        put("FIOCLEX", 0x5451);
        put("STDIN_FILENO", 0);
        put("STDOUT_FILENO", 1);
        put("STDERR_FILENO", 2);
        put("EXIT_SUCCESS", 0);
        put("EXIT_FAILURE", 1);
        put("NULL", 0);
        put("INADDR_ANY", 0);
        put("INADDR_LOOPBACK", 0x7f000001);
        put("AT_FDCWD", -100);
        // Ethernet protocol numbers an AF_PACKET socket names (include/uapi/linux/if_ether.h).
        put("ETH_P_ALL", 0x0003);
        put("ETH_P_IP", 0x0800);
        put("ETH_P_ARP", 0x0806);
        put("ETH_P_IPV6", 0x86DD);
    }

    private LinuxSymbols() {
    }

    private static void family(String suffix, long number) {
        put("AF_" + suffix, number);
        put("PF_" + suffix, number);
    }

    private static void put(String name, long value) {
        Long before = VALUES.put(name, value);
        if (before != null && before != value) {
            throw new IllegalStateException(name + " is both " + before + " and " + value);
        }
    }

    /** The number behind a symbol, e.g. 2 for AF_INET and for PF_INET, -1 for RLIM64_INFINITY. */
    public static OptionalLong valueOf(String name) {
        Long v = VALUES.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** {@link #valueOf}, null for an unknown symbol: for a replay reading every call's flags. */
    public static Long value(String name) {
        return VALUES.get(name);
    }

    /** Every symbol, in the order above (AF_* and PF_* first). */
    public static Set<String> names() {
        return Collections.unmodifiableSet(VALUES.keySet());
    }

    /** The AF_ name of an address family number, e.g. "AF_INET6" for 10 and "AF_UNIX" for 1; empty if unknown. */
    public static Optional<String> familyName(long number) {
        return VALUES.entrySet().stream()
                .filter(e -> e.getKey().startsWith("AF_") && e.getValue() == number)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
