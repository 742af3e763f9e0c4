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
     * @throws java.util.NoSuchElementException when no process has that pid (for
     *         {@link Syscall.Attach}: when {@code pid} is not the attach's own)
     */
    public static List<Step> execute(KernelState state, int pid, Syscall call) {
        if (call instanceof Syscall.Attach c) {
            return ProcessCalls.attach(state, pid, c);
        }
        state.process(pid);
        if (call instanceof Syscall.Socket c) {
            return SocketCreation.run(state, pid, c);
        } else if (call instanceof Syscall.Close c) {
            return Closing.run(state, pid, c);
        } else if (call instanceof Syscall.Bind c) {
            return Binding.run(state, pid, c);
        } else if (call instanceof Syscall.Listen c) {
            return Listening.run(state, pid, c);
        } else if (call instanceof Syscall.Connect c) {
            return Connecting.run(state, pid, c);
        } else if (call instanceof Syscall.Accept c) {
            return Accepting.run(state, pid, c);
        } else if (call instanceof Syscall.Send c) {
            return Sending.run(state, pid, c);
        } else if (call instanceof Syscall.Shutdown c) {
            return ShuttingDown.run(state, pid, c);
        } else if (call instanceof Syscall.Dup c) {
            return Duplicating.dup(state, pid, c);
        } else if (call instanceof Syscall.Dup2 c) {
            return Duplicating.dup2(state, pid, c);
        } else if (call instanceof Syscall.Fork c) {
            return ProcessCalls.fork(state, pid, c);
        } else if (call instanceof Syscall.Exit c) {
            return ProcessCalls.exit(state, pid, c);
        } else if (call instanceof Syscall.Open c) {
            return Opening.open(state, pid, c);
        } else if (call instanceof Syscall.OpenedOutside c) {
            return Opening.outside(state, pid, c);
        } else if (call instanceof Syscall.SocketPair c) {
            return SocketPairing.run(state, pid, c);
        } else if (call instanceof Syscall.AcceptFromOutside c) {
            return Accepting.fromOutside(state, pid, c);
        } else {
            return ProcessCalls.setLimit(state, pid, (Syscall.SetLimit) call);
        }
    }

    /** The state after a call: the last step's state. */
    public static KernelState after(KernelState state, int pid, Syscall call) {
        List<Step> steps = execute(state, pid, call);
        return steps.get(steps.size() - 1).state();
    }
}
