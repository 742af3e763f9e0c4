// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.Objects;
import org.socketlab.kernel.Credentials;
import org.socketlab.kernel.MachineSetup;

/**
 * How the machine of a lesson starts, as its header directives say ({@code limit:},
 * {@code memory:}, {@code privileges:}, {@code ping-group:}, {@code process:}, {@code pid:});
 * anything a lesson leaves out is taken from {@link MachineSetup#DEFAULT}.
 *
 * @param descriptorLimit RLIMIT_NOFILE of the first process, 0 to {@link #MAX_LIMIT}
 * @param memoryCapacity  the kernel memory pool in bytes, 0 to {@link #MAX_MEMORY}
 * @param credentials     the first process's privileges (inherited by its children)
 * @param processName     the first process's name, 1 to 15 characters
 * @param pid             the first process's id, 1 to {@link #MAX_PID}
 */
public record HeaderSettings(int descriptorLimit, long memoryCapacity, Credentials credentials, String processName,
                       int pid, boolean predict) {
    /** fs.nr_open's default: RLIMIT_NOFILE cannot be raised above it. */
    public static final int MAX_LIMIT = 1_048_576;
    /** The largest memory pool a lesson may ask for (1 GiB). */
    public static final long MAX_MEMORY = 1L << 30;
    /** PID_MAX_LIMIT on 64-bit Linux. */
    public static final int MAX_PID = 4_194_304;
    /** TASK_COMM_LEN - 1: Linux keeps this many characters of a process name. */
    public static final int MAX_NAME = 15;

    /** The settings of a lesson whose header says nothing about the machine. */
    public static final HeaderSettings DEFAULT = new HeaderSettings(MachineSetup.DEFAULT.descriptorLimit(),
            MachineSetup.DEFAULT.memoryCapacity(), MachineSetup.DEFAULT.credentials(),
            MachineSetup.DEFAULT.processName(), MachineSetup.DEFAULT.pid(), false);

    /** HeaderSettings of a lesson that does not turn predict mode on. */
    public HeaderSettings(int descriptorLimit, long memoryCapacity, Credentials credentials, String processName, int pid) {
        this(descriptorLimit, memoryCapacity, credentials, processName, pid, false);
    }

    public HeaderSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(processName, "processName");
        if (descriptorLimit < 0 || descriptorLimit > MAX_LIMIT) {
            throw new IllegalArgumentException("descriptor limit out of range: " + descriptorLimit);
        }
        if (memoryCapacity < 0 || memoryCapacity > MAX_MEMORY) {
            throw new IllegalArgumentException("memory out of range: " + memoryCapacity);
        }
        if (processName.isEmpty() || processName.length() > MAX_NAME) {
            throw new IllegalArgumentException("bad process name: " + processName);
        }
        if (pid < 1 || pid > MAX_PID) {
            throw new IllegalArgumentException("pid out of range: " + pid);
        }
    }

    /** The kernel's description of the same machine, to boot a {@code KernelState} from. */
    public MachineSetup toMachineSetup() {
        return new MachineSetup(pid, processName, credentials, descriptorLimit, memoryCapacity);
    }
}
