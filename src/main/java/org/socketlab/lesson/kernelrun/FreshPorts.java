// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a C program fresh ports so that repeated and parallel runs never collide (a port a run
 * used can sit in TIME_WAIT for 60 s).
 *
 * <p>The rule for what counts as a port, in the program's text:
 * <ul>
 *   <li>the decimal literal of {@code htons(8080)} — the way a student writes a port;</li>
 *   <li>the value of a {@code #define} whose name ends in {@code PORT}
 *       ({@code #define PORT 8080}, {@code #define SERVER_PORT 9000});</li>
 * </ul>
 * and only when it is 1024 or more: a port below 1024 is privileged and means something
 * ({@code htons(80)} tests EACCES), and {@code htons(0)} asks the kernel for an ephemeral port.
 * Each distinct literal gets its own fresh port, the same one everywhere it appears.
 *
 * <p>A fresh port is one the OS just handed out: a TCP listener on the wildcard address (which on
 * Linux covers IPv4 and IPv6) bound to port 0, read back, and a UDP socket bound to the same
 * port to prove it free there too; all are held until every port of the program is chosen, so
 * two literals never get the same port, and closed before the program runs. A listener that
 * never connected leaves no TIME_WAIT behind.
 */
public final class FreshPorts {
    private static final Pattern HTONS = Pattern.compile("htons\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern DEFINE = Pattern.compile("(?m)^(\\s*#\\s*define\\s+\\w*PORT\\s+)(\\d+)\\b");
    /** The first port that is not privileged (net.ipv4.ip_unprivileged_port_start). */
    static final int FIRST_UNPRIVILEGED = 1024;
    private static final int TRIES = 50;

    /** The literal ports of a program and the fresh ports that replace them. */
    public record Mapping(Map<Integer, Integer> ports) {
        public Mapping {
            ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        }

        /** The fresh port for a literal one; a port the program did not have stays as it is. */
        public int fresh(int literal) {
            return ports.getOrDefault(literal, literal);
        }

        /**
         * The same rewriting applied to another text (the model's lesson of the same program,
         * an expectation): {@code htons(8080)} and {@code #define PORT 8080} become the fresh port.
         */
        public String apply(String text) {
            return rewrite(text, this);
        }
    }

    private FreshPorts() {
    }

    /** The literal ports of a C program, by the rule above, in order of first appearance. */
    public static List<Integer> literals(String source) {
        TreeSet<Integer> seen = new TreeSet<>();
        List<Integer> ordered = new ArrayList<>();
        for (Pattern p : List.of(DEFINE, HTONS)) {
            Matcher m = p.matcher(source);
            while (m.find()) {
                int port = parse(m.group(m.groupCount()));
                if (port >= FIRST_UNPRIVILEGED && port <= 65535 && seen.add(port)) {
                    ordered.add(port);
                }
            }
        }
        return ordered;
    }

    /** Chooses a fresh port for each literal port of the program. */
    public static Mapping choose(String source) {
        List<Integer> literals = literals(source);
        List<AutoCloseable> held = new ArrayList<>();
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        try {
            for (int literal : literals) {
                ports.put(literal, reserve(held));
            }
        } finally {
            for (AutoCloseable c : held) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a reservation that does not close cleanly is still released by the OS
                }
            }
        }
        return new Mapping(ports);
    }

    private static int reserve(List<AutoCloseable> held) {
        IOException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                ServerSocket tcp = new ServerSocket();
                held.add(tcp);
                tcp.bind(new InetSocketAddress(0));
                int port = tcp.getLocalPort();
                DatagramSocket udp = new DatagramSocket(null);
                held.add(udp);
                udp.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                last = e; // the UDP port was taken: try another
            }
        }
        throw new UncheckedIOException("no free port after " + TRIES + " tries", last);
    }

    /** The text with each literal port of {@code htons(8080)} made the expectation word PORT. */
    public static String anyPort(String text) {
        Matcher m = HTONS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int literal = parse(m.group(1));
            boolean port = literal >= FIRST_UNPRIVILEGED && literal <= 65535;
            m.appendReplacement(out, Matcher.quoteReplacement(port ? "htons(PORT)" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String rewrite(String text, Mapping mapping) {
        String defined = replace(DEFINE.matcher(text), mapping, true);
        return replace(HTONS.matcher(defined), mapping, false);
    }

    private static String replace(Matcher m, Mapping mapping, boolean keepPrefix) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int literal = parse(m.group(m.groupCount()));
            String replacement = keepPrefix
                    ? m.group(1) + mapping.fresh(literal)
                    : "htons(" + mapping.fresh(literal) + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int parse(String digits) {
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }
}
