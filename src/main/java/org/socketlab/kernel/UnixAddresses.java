// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * Who is at an AF_UNIX address, as unix_find_other (net/unix/af_unix.c) finds out for a datagram's
 * sendto() and a datagram socket's connect(): a path leads to a file (unix_find_bsd), an abstract
 * name ("@name") to a socket of the same type bound to it (unix_find_abstract).
 */
public final class UnixAddresses {
    private UnixAddresses() {
    }

    /** True for an abstract name: no file, only a name the kernel keeps ("@name" as strace prints it). */
    public static boolean isAbstract(Endpoint address) {
        String a = address.address();
        return a.startsWith("@") || a.startsWith("\0");
    }

    /** The live socket of this type bound at the address, or null. */
    public static ControlBlock boundAt(KernelState state, SocketType type, Endpoint address) {
        for (ControlBlock candidate : state.sockets().values()) {
            if (candidate.family() == AddressFamily.AF_UNIX && candidate.type() == type
                    && candidate.local().address().equals(address.address())) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Why nobody of {@code type} takes what is sent or connected to {@code address}: a socket of
     * another type bound at the path → EPROTOTYPE; a file bind() made whose socket is gone, or an
     * abstract name nobody holds → ECONNREFUSED; a path with no file → ENOENT (kern_path). The
     * model knows only the files its own bind() calls made: a replay, whose machine has files and
     * processes the trace does not show, must not ask this.
     */
    static Errno nobodyAt(KernelState state, SocketType type, Endpoint address) {
        if (isAbstract(address)) {
            return Errno.ECONNREFUSED;
        }
        for (ControlBlock other : state.sockets().values()) {
            if (other.family() == AddressFamily.AF_UNIX && other.type() != type
                    && other.local().address().equals(address.address())) {
                return Errno.EPROTOTYPE;
            }
        }
        return state.unixPaths().contains(address.address()) ? Errno.ECONNREFUSED : Errno.ENOENT;
    }
}
