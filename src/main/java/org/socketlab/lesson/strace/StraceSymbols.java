// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Protocol;
import org.socketlab.kernel.SocketFlag;
import org.socketlab.kernel.SocketType;

/**
 * The numbers behind the symbols strace prints in the calls the lessons replay: address
 * families (also the old PF_ spellings), socket types and flags, IP protocols (from the
 * kernel model's enums), rlimit resources and RLIM_INFINITY, clone flags and signals.
 */
public final class StraceSymbols {
    private static final Map<String, Long> VALUES = new HashMap<>();

    static {
        for (AddressFamily f : AddressFamily.values()) {
            put(f.name(), f.number());
        }
        put("AF_UNSPEC", 0);
        put("AF_LOCAL", 1);
        put("AF_NETLINK", 16);
        put("AF_PACKET", 17);
        put("AF_BLUETOOTH", 31);
        put("AF_ALG", 38);
        put("AF_VSOCK", 40);
        for (String name : VALUES.keySet().toArray(new String[0])) {
            put("PF_" + name.substring(3), VALUES.get(name));
        }
        for (SocketType t : SocketType.values()) {
            put(t.name(), t.number());
        }
        for (SocketFlag f : SocketFlag.values()) {
            put(f.name(), f.bit());
        }
        for (Protocol p : Protocol.values()) {
            put(p.name(), p.number());
        }
        put("IPPROTO_SCTP", 132);
        put("IPPROTO_MPTCP", 262);
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
        put("AT_FDCWD", -100);
        // Ethernet protocol numbers an AF_PACKET socket names (include/uapi/linux/if_ether.h).
        put("ETH_P_ALL", 0x0003);
        put("ETH_P_IP", 0x0800);
        put("ETH_P_ARP", 0x0806);
        put("ETH_P_IPV6", 0x86DD);
    }

    private StraceSymbols() {
    }

    private static void put(String name, long value) {
        VALUES.put(name, value);
    }

    /** The number behind a symbol, e.g. 2 for AF_INET and for PF_INET, -1 for RLIM64_INFINITY. */
    public static OptionalLong valueOf(String name) {
        Long v = VALUES.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The AF_ name of an address family number, e.g. "AF_INET6" for 10; empty if unknown. */
    public static java.util.Optional<String> familyName(long number) {
        if (number == 1) {
            return java.util.Optional.of("AF_UNIX");
        }
        return VALUES.entrySet().stream()
                .filter(e -> e.getKey().startsWith("AF_") && e.getValue() == number)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** The modern spelling of a family name: PF_INET → AF_INET, AF_LOCAL/PF_LOCAL → AF_UNIX. */
    public static String canonical(String name) {
        String n = name.startsWith("PF_") ? "AF_" + name.substring(3) : name;
        return n.equals("AF_LOCAL") ? "AF_UNIX" : n;
    }
}
