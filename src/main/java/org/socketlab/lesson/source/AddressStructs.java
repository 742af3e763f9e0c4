// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;

/**
 * The {@code struct sockaddr_in}, {@code sockaddr_in6} and {@code sockaddr_un} variables of a lesson
 * written as a real C program. A lesson has no loops, so what each field holds at a call is known from
 * the text alone: the fields are filled in as the parser reads the statements that set them, in the
 * order they are written, and a bind(), connect() or sendto() takes the address they hold at that point.
 */
final class AddressStructs {
    /** The address structures a lesson may declare, with their sizes on Linux x86-64. */
    enum Type {
        /** An IPv4 address and port. */
        SOCKADDR_IN("sockaddr_in", 16, AddressFamily.AF_INET, "sin_"),
        /** An IPv6 address and port. */
        SOCKADDR_IN6("sockaddr_in6", 28, AddressFamily.AF_INET6, "sin6_"),
        /** An AF_UNIX path. */
        SOCKADDR_UN("sockaddr_un", 110, AddressFamily.AF_UNIX, "sun_");

        final String cName;
        final int size;
        final AddressFamily family;
        final String prefix;

        Type(String cName, int size, AddressFamily family, String prefix) {
            this.cName = cName;
            this.size = size;
            this.family = family;
            this.prefix = prefix;
        }

        static Optional<Type> named(String name) {
            for (Type t : values()) {
                if (t.cName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** What one variable's fields hold: null for a field never set (garbage, in C) unless zeroed. */
    static final class Fields {
        final Type type;
        private boolean zeroed;
        private Integer family;
        private Integer port;
        private String host;
        private String path;

        Fields(Type type, boolean zeroed) {
            this.type = type;
            this.zeroed = zeroed;
        }

        void zero() {
            zeroed = true;
            family = null;
            port = null;
            host = null;
            path = null;
        }

        void family(int value) {
            family = value;
        }

        void port(int value) {
            port = value;
        }

        void host(String value) {
            host = value;
        }

        void path(String value) {
            path = value;
        }
    }

    private final Map<String, Fields> structs = new HashMap<>();

    void declare(String name, Type type, boolean zeroed) {
        structs.put(name, new Fields(type, zeroed));
    }

    Optional<Fields> named(String name) {
        return Optional.ofNullable(structs.get(name));
    }

    /** The address a variable holds now, as the kernel will read it; a complaint when a field is unset. */
    static Endpoint endpoint(String name, Fields f) throws Complaint {
        String familyField = name + "." + f.type.prefix + "family";
        int family = value(f.family, f.zeroed, familyField);
        if (family != f.type.family.number()) {
            throw new Complaint(familyField + " is " + family + ", not " + f.type.family + " as a struct "
                    + f.type.cName + " needs", "set " + familyField + " = " + f.type.family + "; before the call");
        }
        return switch (f.type) {
            case SOCKADDR_IN -> new Endpoint(AddressFamily.AF_INET, hostOf(f, "0.0.0.0", name + ".sin_addr"),
                    value(f.port, f.zeroed, name + ".sin_port"));
            case SOCKADDR_IN6 -> new Endpoint(AddressFamily.AF_INET6, hostOf(f, "::", name + ".sin6_addr"),
                    value(f.port, f.zeroed, name + ".sin6_port"));
            case SOCKADDR_UN -> {
                String path = f.path != null ? f.path : f.zeroed ? "" : null;
                if (path == null || path.isEmpty()) {
                    throw new Complaint(name + ".sun_path holds no path",
                            "fill it in before the call: strcpy(" + name + ".sun_path, \"./lesson.sock\");");
                }
                yield new Endpoint(AddressFamily.AF_UNIX, path, 0);
            }
        };
    }

    private static String hostOf(Fields f, String zero, String field) throws Complaint {
        if (f.host != null) {
            return f.host;
        }
        if (f.zeroed) {
            return zero;
        }
        throw unset(field);
    }

    private static int value(Integer v, boolean zeroed, String field) throws Complaint {
        if (v != null) {
            return v;
        }
        if (zeroed) {
            return 0;
        }
        throw unset(field);
    }

    private static Complaint unset(String field) {
        String name = field.substring(0, field.indexOf('.'));
        return new Complaint(field + " is never set, so it holds whatever was on the stack",
                "set it before the call, or declare the address zeroed: struct ... " + name + " = {0};");
    }

    /** Checks an AF_UNIX path the way the kernel will: it must fit sun_path with its NUL. */
    static String unixPath(String path) throws Complaint {
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Addresses.UNIX_PATH_MAX) {
            throw new Complaint("this AF_UNIX path is " + bytes + " bytes long; at most " + Addresses.UNIX_PATH_MAX
                    + " fit", "sun_path holds 108 bytes, including the NUL that ends the path");
        }
        return path;
    }

    /** The IPv4 address a 32-bit number in host order stands for: 0x7f000001 is 127.0.0.1. */
    static String ipv4(long hostOrder) {
        return ((hostOrder >> 24) & 0xFF) + "." + ((hostOrder >> 16) & 0xFF) + "." + ((hostOrder >> 8) & 0xFF) + "."
                + (hostOrder & 0xFF);
    }

    /** A 32-bit number stored without htonl(): its bytes land in the opposite order. */
    static long swap32(long v) {
        return Integer.toUnsignedLong(Integer.reverseBytes((int) v));
    }

    /** A 16-bit number stored without htons(): its bytes land in the opposite order (8080 becomes 36895). */
    static int swap16(int v) {
        return ((v & 0xFF) << 8) | ((v >> 8) & 0xFF);
    }
}
