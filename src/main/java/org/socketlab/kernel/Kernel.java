// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;

/**
 * The simulated protocol stack's entry point: a system call, made by one process in one
 * state, becomes the list of steps the kernel goes through. Pure: the same state and call
 * always give the same steps, and nothing is modified.
 */
public final class Kernel {
    private Kernel() {
    }

    /**
     * Runs a call. The last step carries the call's outcome; a failing call's last step has
     * the state the call started from — a failed call leaks nothing.
     *
     * @throws java.util.NoSuchElementException when no process has that pid
     */
    public static List<Step> execute(KernelState state, int pid, Syscall call) {
        state.process(pid);
        if (call instanceof Syscall.Socket socket) {
            return SocketCreation.run(state, pid, socket);
        }
        if (call instanceof Syscall.Close close) {
            return Closing.run(state, pid, close);
        }
        throw new IllegalArgumentException("unsupported call " + call);
    }

    /** The state after a call: the last step's state. */
    public static KernelState after(KernelState state, int pid, Syscall call) {
        List<Step> steps = execute(state, pid, call);
        return steps.get(steps.size() - 1).state();
    }
}
