// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;

/**
 * Reads the address strings of bind(), connect() and sendto(): {@code "127.0.0.1:8080"},
 * {@code "[::1]:8080"}, or an AF_UNIX path ({@code "/tmp/s"}, {@code "./s"}, abstract {@code "@s"}).
 * Names are never looked up: a lesson runs offline and means the address it shows.
 */
final class Addresses {
    /** sun_path holds 108 bytes including the terminating NUL. */
    static final int UNIX_PATH_MAX = 107;
    static final String FORMS = "write \"127.0.0.1:8080\" (IPv4), \"[::1]:8080\" (IPv6) or \"/tmp/lesson.sock\" (AF_UNIX)";

    private Addresses() {
    }

    static Endpoint parse(String text) throws Complaint {
        if (text.isEmpty()) {
            throw new Complaint("the address is empty", FORMS);
        }
        if (text.startsWith("/") || text.startsWith("./") || text.startsWith("../") || text.startsWith("@")) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > UNIX_PATH_MAX) {
                throw new Complaint("this AF_UNIX path is " + bytes + " bytes long; at most " + UNIX_PATH_MAX + " fit",
                        "sun_path holds 108 bytes, including the NUL that ends the path");
            }
            return new Endpoint(AddressFamily.AF_UNIX, text, 0);
        }
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new Complaint("missing ']' after the IPv6 address", "e.g. \"[::1]:8080\"");
            }
            String host = text.substring(1, close);
            if (!isIpv6(host)) {
                throw new Complaint("'" + host + "' is not an IPv6 address", "e.g. \"[::1]:8080\" or \"[2001:db8::1]:443\"");
            }
            return new Endpoint(AddressFamily.AF_INET6, host.toLowerCase(Locale.ROOT), port(text, close + 1));
        }
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        if (host.indexOf(':') >= 0) {
            throw new Complaint("an IPv6 address needs brackets around it", "e.g. \"[::1]:8080\"");
        }
        if (!host.isEmpty() && !host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            throw new Complaint("Socket Lab does not look up host names like '" + host + "'",
                    "write the address itself: \"127.0.0.1:8080\" or \"[::1]:8080\"; an AF_UNIX path starts with /");
        }
        if (!isIpv4(host)) {
            throw new Complaint("'" + host + "' is not an IPv4 address",
                    "four numbers from 0 to 255 with dots between them, e.g. \"127.0.0.1:8080\"");
        }
        if (colon < 0) {
            throw new Complaint("the address has no port", "write the port after a colon: \"" + text + ":8080\"");
        }
        return new Endpoint(AddressFamily.AF_INET, host, port(text, colon));
    }

    private static int port(String text, int colon) throws Complaint {
        if (colon >= text.length() || text.charAt(colon) != ':') {
            throw new Complaint("the address has no port", "write the port after a colon, e.g. \"[::1]:8080\"");
        }
        String digits = text.substring(colon + 1);
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) > 65535) {
            throw new Complaint("'" + digits + "' is not a port", "a port is a number from 0 to 65535 (0: any free port)");
        }
        return Integer.parseInt(digits);
    }

    /** Four decimal parts from 0 to 255, without leading zeros (as inet_pton wants them). */
    static boolean isIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || p.length() > 1 && p.charAt(0) == '0'
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Eight groups of up to four hex digits, one "::" for a run of zeros, an IPv4 tail allowed. */
    static boolean isIpv6(String host) {
        int doubleColon = host.indexOf("::");
        if (doubleColon >= 0 && host.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon >= 0
                ? new String[] {host.substring(0, doubleColon), host.substring(doubleColon + 2)}
                : new String[] {host};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (parts[i].isEmpty() || parts[i].length() > 4
                        || !parts[i].chars().allMatch(Addresses::isHexDigit)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
