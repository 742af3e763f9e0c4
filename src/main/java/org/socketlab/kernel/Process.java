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
 */
public record Process(int pid, int tableId, String name, Credentials credentials) {
    public Process {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(credentials, "credentials");
    }
}
