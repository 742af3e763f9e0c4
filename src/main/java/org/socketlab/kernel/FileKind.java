// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/** What an open file is, as far as the lessons care. */
public enum FileKind {
    /** The terminal behind stdin, stdout and stderr. */
    TERMINAL,
    /** A socket: the open file leads to a {@link ControlBlock}. */
    SOCKET,
    /** A regular file or anything else a program opened. */
    FILE,
    /**
     * A netlink socket (AF_NETLINK): a channel between the process and the kernel itself, not to
     * another host. No control block of the inet or unix kind: its port id is in the label.
     */
    NETLINK,
    /** Opened by something the model did not see (e.g. a call outside a trace's filter). */
    UNKNOWN
}
