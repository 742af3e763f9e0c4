// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * Finds the socket behind a descriptor the way every socket call starts (sockfd_lookup):
 * EBADF for a drawer that is empty, ENOTSOCK for one that holds something else.
 */
final class SocketLookup {
    /** The socket found, or why not. */
    record Found(Descriptor descriptor, OpenFile file, ControlBlock socket, Errno errno) {
        boolean ok() {
            return errno == null;
        }
    }

    private SocketLookup() {
    }

    static Found find(KernelState state, int pid, int fd) {
        Descriptor d = fd < 0 ? null : state.tableOf(pid).get(fd);
        if (d == null) {
            return new Found(null, null, null, Errno.EBADF);
        }
        OpenFile file = state.files().get(d.fileId());
        if (file.kind() != FileKind.SOCKET) {
            return new Found(d, file, null, Errno.ENOTSOCK);
        }
        return new Found(d, file, state.sockets().get(file.socketId()), null);
    }

    /** The one-step answer to a lookup that failed: nothing changes. */
    static List<Step> failure(KernelState state, int pid, Syscall call, Stage stage, int fd, Errno errno) {
        String key = errno == Errno.EBADF ? "lookup.EBADF" : "lookup.ENOTSOCK";
        return List.of(new Step(pid, call, stage, state, List.of(), Narration.of(key, call.name(), fd),
                new Outcome.Failure(errno)));
    }

    /** A one-step failure with its own narration: nothing changes. */
    static List<Step> refuse(KernelState state, int pid, Syscall call, Stage stage, Errno errno, String key,
                             Object... args) {
        return List.of(new Step(pid, call, stage, state, List.of(), Narration.of(key, args),
                new Outcome.Failure(errno)));
    }

    /** Takes the next ephemeral port of a parity; returns the state with the counter moved on. */
    static int[] takePort(KernelState state, int parity) {
        int port = Network.nextPort(state.nextPort(), parity);
        for (int tries = 0; tries < Network.LAST_EPHEMERAL_PORT; tries++) {
            int candidate = port;
            boolean used = state.sockets().values().stream()
                    .anyMatch(s -> s.local().port() == candidate && s.family() != AddressFamily.AF_UNIX);
            if (!used) {
                return new int[] {port, port + 1};
            }
            port = Network.nextPort(port + 2, parity);
        }
        return new int[] {-1, state.nextPort()};
    }
}
