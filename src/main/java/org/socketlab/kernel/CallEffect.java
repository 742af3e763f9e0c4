// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call does, without the pictures of its steps: how many steps it takes, the state it
 * leaves, how it returns, and the descriptors it hands out. A replay needs no more to check the
 * model against a log and to count the frames (the window works a call's pictures out again
 * when it shows them), so {@link Kernel#effect} skips the intermediate states where it can.
 *
 * @param pid         the process that made the call (that of its last step)
 * @param steps       how many steps {@link Kernel#execute} gives
 * @param state       the state after the last step
 * @param outcome     the last step's outcome
 * @param firstStage  the first step's stage
 * @param descriptors the descriptors handed out, in order: a successful call's ISSUE_DESCRIPTOR,
 *                    DUPLICATE, OPEN_FILE and NETLINK_SOCKET steps' values, and the drawers a
 *                    recvmsg() fills; empty unless the call succeeded
 */
public record CallEffect(int pid, int steps, KernelState state, Outcome outcome, Stage firstStage,
                         List<Integer> descriptors) {
    public CallEffect {
        if (steps < 1) {
            throw new IllegalArgumentException("a call has at least one step");
        }
        descriptors = List.copyOf(descriptors);
    }

    /** The effect of steps {@link Kernel#execute} gave. */
    public static CallEffect of(List<Step> steps) {
        Step last = steps.get(steps.size() - 1);
        List<Integer> fds = List.of();
        if (last.outcome() instanceof Outcome.Success) {
            fds = new ArrayList<>();
            for (Step s : steps) {
                if (s.call() instanceof Syscall.ReceiveMessage && s.stage() == Stage.ISSUE_DESCRIPTOR) {
                    // recvmsg returns a byte count; the descriptors it installs are in its steps' drawers.
                    for (Change ch : s.changes()) {
                        if (ch instanceof Change.DescriptorChanged d) {
                            fds.add(d.fd());
                        }
                    }
                    continue;
                }
                if ((s.stage() == Stage.ISSUE_DESCRIPTOR || s.stage() == Stage.DUPLICATE
                        || s.stage() == Stage.OPEN_FILE || s.stage() == Stage.NETLINK_SOCKET)
                        && s.outcome() instanceof Outcome.Success ok) {
                    fds.add(ok.value());
                }
            }
        }
        return new CallEffect(last.pid(), steps.size(), last.state(), last.outcome(), steps.get(0).stage(), fds);
    }
}
