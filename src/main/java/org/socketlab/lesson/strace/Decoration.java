// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code -y}/{@code -yy} printed after a descriptor, between the angle brackets:
 * {@code socket:[6846]}, {@code TCP:[127.0.0.1:37533->127.0.0.1:50900]}, {@code UDP:[0.0.0.0:0]},
 * {@code UNIX-STREAM:[17086->17085,"/run/x"]}, {@code /etc/ld.so.cache},
 * {@code anon_inode:[eventpoll]}, {@code pipe:[1234]}, {@code /dev/null<char 1:3>}.
 *
 * @param text the text as printed (escapes such as {@code \76} for '>' left in)
 */
public record Decoration(String text) {

    public Decoration {
        Objects.requireNonNull(text, "text");
    }

    /**
     * The kind in front of {@code :[...]} ("TCP", "TCPv6", "UDP", "UNIX-STREAM", "socket",
     * "pipe", "anon_inode", "NETLINK"...), "path" for a file path, otherwise the whole text.
     */
    public String kind() {
        int b = text.indexOf(":[");
        if (b > 0 && isWord(text, 0, b)) {
            return text.substring(0, b);
        }
        return text.startsWith("/") ? "path" : text;
    }

    /** What is inside the brackets of {@code KIND:[...]}, or null for a path. */
    public String detail() {
        int b = text.indexOf(":[");
        if (b > 0 && isWord(text, 0, b) && text.endsWith("]")) {
            return text.substring(b + 2, text.length() - 1);
        }
        return null;
    }

    /** True when the descriptor is a socket ({@code -y} prints "socket", {@code -yy} the protocol). */
    public boolean isSocket() {
        String k = kind();
        if (k.equals("socket")) {
            return true;
        }
        for (String p : SOCKET_KINDS) {
            if (k.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SOCKET_KINDS = {
        "TCP", "UDP", "UNIX", "RAW", "NETLINK", "PACKET", "SCTP", "DCCP", "MPTCP", "PING",
        "L2TP", "VSOCK", "UDPLITE", "XDP", "BLUETOOTH", "SMC", "AX25", "QIPCRTR", "TIPC"
    };

    /** The inode number when the detail starts with one ({@code socket:[6846]}, {@code pipe:[1234]}). */
    public OptionalLong inode() {
        String d = detail();
        if (d == null) {
            return OptionalLong.empty();
        }
        int i = 0;
        while (i < d.length() && Character.isDigit(d.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18 || (i < d.length() && d.charAt(i) != ',' && d.charAt(i) != '-')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(d.substring(0, i)));
    }

    /** The local "address:port" of an IP socket decorated by {@code -yy}, once it has one. */
    public Optional<String> localAddress() {
        String d = ipDetail();
        if (d == null) {
            return Optional.empty();
        }
        int arrow = d.indexOf("->");
        return Optional.of(arrow < 0 ? d : d.substring(0, arrow));
    }

    /** The remote "address:port" of a connected IP socket decorated by {@code -yy}. */
    public Optional<String> remoteAddress() {
        String d = ipDetail();
        int arrow = d == null ? -1 : d.indexOf("->");
        return arrow < 0 ? Optional.empty() : Optional.of(d.substring(arrow + 2));
    }

    private String ipDetail() {
        String k = kind();
        String d = detail();
        boolean ip = k.startsWith("TCP") || k.startsWith("UDP") || k.startsWith("RAW")
                || k.startsWith("SCTP") || k.startsWith("DCCP") || k.startsWith("MPTCP")
                || k.startsWith("PING");
        return ip && d != null && d.indexOf(':') >= 0 ? d : null;
    }

    /**
     * The file path behind the descriptor with strace's escapes decoded and its bytes read as
     * UTF-8, e.g. {@code /tmp/a>b.txt} for {@code /tmp/a\76b.txt}; a device suffix such as
     * {@code <char 1:3>} is left off.
     */
    public Optional<String> path() {
        if (!text.startsWith("/")) {
            return Optional.empty();
        }
        String p = text;
        int nested = p.indexOf('<');
        if (nested > 0 && p.endsWith(">")) {
            p = p.substring(0, nested);
        }
        return Optional.of(Escapes.utf8(Escapes.decode(p, 0, p.length())));
    }

    private static boolean isWord(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
