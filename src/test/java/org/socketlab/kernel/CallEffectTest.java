// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Kernel#effect}, which a replay uses to check and count a call without the pictures of its
 * steps, says what {@link Kernel#execute}'s steps say: as many steps, the same last state and outcome,
 * the same first stage and descriptors, whichever way socket() ends, and for every call of random programs.
 */
class CallEffectTest {
    private static final int PID = MachineSetup.DEFAULT.pid();

    private static CallEffect effect(KernelState s, Syscall call) {
        return Kernel.effect(s, PID, call);
    }

    private static CallEffect fromSteps(KernelState s, Syscall call) {
        return CallEffect.of(Kernel.execute(s, PID, call));
    }

    @ParameterizedTest(name = "socket({0}, {1}, {2}) on a machine of {3} bytes, limit {4}, {5}: {6}")
    @CsvSource({
            "2, 1, 0, 1000000, 1024, user, Success[value=3]",
            "10, 2, 0, 1000000, 1024, user, Success[value=3]",
            "1, 5, 0, 1000000, 1024, user, Success[value=3]",
            "2, 526337, 0, 1000000, 1024, user, Success[value=3]",
            "2, 1, 0, 1000000, 3, user, Failure[errno=EMFILE]",
            "2, 1, 0, 10, 1024, user, Failure[errno=ENOMEM]",
            "2, 1, 0, 3300, 1024, user, Failure[errno=ENOMEM]",
            "2, 2, 1, 1000000, 1024, user, Failure[errno=EACCES]",
            "2, 3, 1, 1000000, 1024, user, Failure[errno=EPERM]",
            "2, 3, 1, 1000000, 1024, root, Success[value=3]",
            "2, 1, 17, 1000000, 1024, user, Failure[errno=EPROTONOSUPPORT]",
            "2, 64, 0, 1000000, 1024, user, Failure[errno=EINVAL]",
            "99, 1, 0, 1000000, 1024, user, Failure[errno=EAFNOSUPPORT]",
            "16, 3, 0, 1000000, 1024, user, Failure[errno=EAFNOSUPPORT]",
    })
    void socketsEffectIsWhatItsStepsSay(int family, int type, int protocol, long memory, int limit, String who,
                                        String outcome) {
        MachineSetup setup = MachineSetup.DEFAULT.withMemoryCapacity(memory).withDescriptorLimit(limit)
                .withCredentials(who.equals("root") ? Credentials.ROOT : Credentials.USER);
        KernelState s = KernelState.boot(setup);
        Syscall call = new Syscall.Socket(family, type, protocol);

        CallEffect effect = effect(s, call);

        assertThat(effect).isEqualTo(fromSteps(s, call));
        assertThat(effect.outcome()).hasToString(outcome);
    }

    /** Random programs (sockets, closes of files shared or not, connections, forks, threads): every call agrees. */
    @Property(tries = 1000)
    void everyCallOfARandomProgramHasTheEffectItsStepsSay(@ForAll("programs") List<RandomPrograms.Call> program) {
        KernelState state = KernelState.boot(RandomPrograms.SETUP);
        for (RandomPrograms.Call call : program) {
            if (!state.hasProcess(call.pid())) {
                continue;
            }
            CallEffect effect = Kernel.effect(state, call.pid(), call.syscall());
            assertThat(effect).as("%s in %s", call, state)
                    .isEqualTo(CallEffect.of(Kernel.execute(state, call.pid(), call.syscall())));
            state = effect.state();
        }
    }

    @Provide
    Arbitrary<List<RandomPrograms.Call>> programs() {
        return RandomPrograms.programs(40);
    }

    @Test
    void aLongRunOfSocketsAndClosesEndsInTheSameStatesEitherWay() {
        KernelState byEffect = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(12));
        KernelState bySteps = byEffect;
        List<Outcome> outcomes = new ArrayList<>();
        int[][] kinds = {{2, 1, 0}, {2, 2, 0}, {10, 1, 0}, {1, 1, 0}, {1, 2, 0}, {2, 0x80001, 6}};
        for (int i = 0; i < 60; i++) {
            int[] k = kinds[i % kinds.length];
            Syscall call = i % 4 == 3 ? new Syscall.Close(3 + i % 7) : new Syscall.Socket(k[0], k[1], k[2]);
            CallEffect effect = effect(byEffect, call);
            CallEffect steps = fromSteps(bySteps, call);
            assertThat(effect).isEqualTo(steps);
            outcomes.add(effect.outcome());
            byEffect = effect.state();
            bySteps = steps.state();
        }
        assertThat(outcomes).contains(new Outcome.Failure(Errno.EMFILE), new Outcome.Failure(Errno.EBADF),
                new Outcome.Success(11));
    }
}
