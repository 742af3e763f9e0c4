// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;

/**
 * A process (or thread) as the model sees it: a pid, the descriptor table it uses, and its
 * privileges. Threads of one process carry the same {@code tableId}.
 *
 * @param pid         the process id
 * @param tableId     which {@link DescriptorTable} it uses
 * @param name        a label for the application actor, e.g. "client"
 * @param credentials its privileges
 * @param ignoresSigpipe SIGPIPE is ignored or handled (signal(SIGPIPE, SIG_IGN)): a send on a broken
 *                       connection returns EPIPE instead of ending the process
 */
public record Process(int pid, int tableId, String name, Credentials credentials, boolean ignoresSigpipe) {
    public Process {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** A process with SIGPIPE's default action (it ends the process), as every program starts. */
    public Process(int pid, int tableId, String name, Credentials credentials) {
        this(pid, tableId, name, credentials, false);
    }

    Process withIgnoresSigpipe(boolean ignores) {
        return new Process(pid, tableId, name, credentials, ignores);
    }
}
