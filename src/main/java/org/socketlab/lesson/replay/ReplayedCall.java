// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import org.socketlab.lesson.KernelCheck;

/**
 * One call of the trace the replay recognised, with the kernel's answer and the model's.
 *
 * @param line   the 1-based line where the call completed
 * @param pid    the traced process, or null in a log without pids
 * @param call   the call's name as strace printed it
 * @param result the value the kernel returned, or null when strace printed {@code ?}
 * @param errno  the kernel's errno name, or null on success
 * @param check  the descriptors the call created and the ones the model predicted
 */
public record ReplayedCall(int line, Integer pid, String call, Long result, String errno, KernelCheck check) {

    /** The descriptors the call created. */
    public List<Integer> fds() {
        return check.actual();
    }

    /** The descriptors the model predicted, or null where it cannot know. */
    public List<Integer> predicted() {
        return check.predicted();
    }
}
