// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;

/**
 * How a lesson's machine starts: one process with stdin, stdout and stderr open, its
 * privileges and descriptor limit, and the size of the kernel's memory pool.
 *
 * @param pid             the first process's id
 * @param processName     its label, e.g. "app"
 * @param credentials     its privileges
 * @param descriptorLimit RLIMIT_NOFILE
 * @param memoryCapacity  the kernel memory pool in bytes
 * @param outsideWorld    true when processes the model does not see may hold ports on this machine
 *                        (a replayed log: the resolver at 127.0.0.53, a server started elsewhere);
 *                        false for a lesson, whose every process the model runs
 */
public record MachineSetup(int pid, String processName, Credentials credentials, int descriptorLimit,
                           long memoryCapacity, boolean outsideWorld) {
    /** A user's process with the default limit and plenty of memory. */
    public static final MachineSetup DEFAULT = new MachineSetup(4242, "app", Credentials.USER,
            DescriptorTable.DEFAULT_LIMIT, KernelMemory.DEFAULT_CAPACITY);

    public MachineSetup {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(credentials, "credentials");
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        if (descriptorLimit < 0) {
            throw new IllegalArgumentException("descriptor limit must not be negative: " + descriptorLimit);
        }
        if (memoryCapacity < 0) {
            throw new IllegalArgumentException("memory capacity must not be negative: " + memoryCapacity);
        }
    }

    /** A lesson's machine: every process on it is one the model runs. */
    public MachineSetup(int pid, String processName, Credentials credentials, int descriptorLimit,
                        long memoryCapacity) {
        this(pid, processName, credentials, descriptorLimit, memoryCapacity, false);
    }

    /** The same machine shared with processes the model does not see (a replayed log). */
    public MachineSetup withOutsideWorld() {
        return new MachineSetup(pid, processName, credentials, descriptorLimit, memoryCapacity, true);
    }

    public MachineSetup withDescriptorLimit(int limit) {
        return new MachineSetup(pid, processName, credentials, limit, memoryCapacity, outsideWorld);
    }

    public MachineSetup withCredentials(Credentials newCredentials) {
        return new MachineSetup(pid, processName, newCredentials, descriptorLimit, memoryCapacity, outsideWorld);
    }

    public MachineSetup withMemoryCapacity(long bytes) {
        return new MachineSetup(pid, processName, credentials, descriptorLimit, bytes, outsideWorld);
    }
}
