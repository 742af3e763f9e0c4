// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;
import java.util.Optional;

/**
 * A socket address read from one of strace's sockaddr structs:
 * {@code {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}},
 * {@code {sa_family=AF_INET6, sin6_port=htons(443), ..., inet_pton(AF_INET6, "::1", &sin6_addr), ...}},
 * {@code {sa_family=AF_UNIX, sun_path="/run/x"}} (abstract names come back as "@name"), and
 * their {@code -X raw}/{@code -X verbose} forms, where ports and addresses are raw bytes.
 *
 * @param family  the family, spelled the modern way ("AF_INET" also for PF_INET), or the
 *                printed text when it has no name
 * @param address the address text ("127.0.0.1", "::1", a path), null when the struct has none
 *                (an unnamed AF_UNIX socket, or a family this reader does not decode)
 * @param port    the port, null for families without ports or when it is not printed
 */
public record SockAddr(String family, String address, Integer port) {

    /** Reads a sockaddr struct; empty when the argument is not a struct with {@code sa_family}. */
    public static Optional<SockAddr> of(Arg arg) {
        if (!(arg instanceof Arg.Struct s)) {
            return Optional.empty();
        }
        Optional<Arg> fam = s.field("sa_family");
        if (fam.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = fam.get().flagNames();
        String family = names.size() == 1
                ? StraceSymbols.canonical(names.get(0))
                : fam.get().asLong().stream().mapToObj(StraceSymbols::familyName).flatMap(Optional::stream)
                        .findFirst().orElse(fam.get().render());
        String address = null;
        Integer port = null;
        switch (family) {
            case "AF_INET" -> {
                port = port(s.field("sin_port"));
                address = s.field("sin_addr").flatMap(SockAddr::addressText).orElse(null);
            }
            case "AF_INET6" -> {
                port = port(s.field("sin6_port"));
                address = s.field("sin6_addr").flatMap(SockAddr::addressText)
                        .or(() -> s.positional().stream()
                                .map(SockAddr::addressText)
                                .flatMap(Optional::stream)
                                .findFirst())
                        .orElse(null);
            }
            case "AF_UNIX" -> address = s.field("sun_path").map(p -> p instanceof Arg.Str str
                    ? (str.abstractNamespace() ? "@" : "") + str.utf8()
                    : p.render()).orElse(null);
            default -> {
                // other families keep their fields in the struct; only the family is named here
            }
        }
        return Optional.of(new SockAddr(family, address, port));
    }

    private static Integer port(Optional<Arg> field) {
        if (field.isEmpty()) {
            return null;
        }
        Arg p = field.get();
        if (p instanceof Arg.Str s && s.value().length() == 2) {
            return (s.value().charAt(0) & 0xff) << 8 | (s.value().charAt(1) & 0xff);
        }
        if (p instanceof Arg.Func f && (f.name().equals("htons") || f.name().equals("ntohs"))
                && f.args().size() == 1) {
            p = f.args().get(0);
        }
        return p.asInt().isPresent() ? p.asInt().getAsInt() : null;
    }

    /** The address inside {@code inet_addr("...")}, {@code inet_pton(AF_x, "...", ...)} or a bare string. */
    private static Optional<String> addressText(Arg a) {
        if (a instanceof Arg.Str s) {
            return Optional.of(s.value().length() == 4 ? ipv4(s.value())
                    : s.value().length() == 16 ? ipv6(s.value()) : s.value());
        }
        if (a instanceof Arg.Func f) {
            for (Arg x : f.args()) {
                if (x instanceof Arg.Str s && (f.name().equals("inet_addr") || f.name().equals("inet_pton"))) {
                    return Optional.of(s.value());
                }
            }
        }
        return Optional.empty();
    }

    /** Four raw bytes ({@code -X raw}: {@code sin_addr="\x7f\x00\x00\x01"}) as "127.0.0.1". */
    private static String ipv4(String b) {
        return (b.charAt(0) & 0xff) + "." + (b.charAt(1) & 0xff) + "." + (b.charAt(2) & 0xff) + "." + (b.charAt(3) & 0xff);
    }

    /** Sixteen raw bytes as an IPv6 address with the longest run of zero groups shortened: "::1". */
    private static String ipv6(String b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b.charAt(2 * i) & 0xff) << 8 | (b.charAt(2 * i + 1) & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
