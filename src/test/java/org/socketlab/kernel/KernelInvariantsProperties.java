// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomGenerator;
import org.socketlab.kernel.RandomPrograms.Call;

/**
 * Random programs of socket/close/bind/listen/connect/accept/send/shutdown/dup/dup2/fork/exit
 * (see {@link RandomPrograms}) run through the kernel must never break its invariants: every
 * cabinet holds exactly the numbers its calls handed out and not yet closed (kept apart from the
 * kernel, from what each call returned), the lowest free number wins, memory is accounted to the
 * byte and is all back when every process has exited, reference counts match the drawers, and a
 * failed socket()/close()/bind()/listen()/accept()/dup()/fork() leaves no trace.
 */
class KernelInvariantsProperties {

    @Provide
    Arbitrary<List<Call>> programs() {
        return RandomPrograms.programs(30);
    }

    @Property(tries = 5000)
    void randomProgramsKeepTheKernelConsistent(@ForAll("programs") List<Call> program, @ForAll boolean exitAtEnd) {
        KernelState state = KernelState.boot(RandomPrograms.SETUP);
        Handed handed = new Handed();
        handed.boot(RandomPrograms.PARENT, state);
        for (Call call : program) {
            if (!state.hasProcess(call.pid())) {
                continue;
            }
            int lowest = handed.lowestFree(call.pid());
            List<Step> steps = Kernel.execute(state, call.pid(), call.syscall());
            Step last = steps.get(steps.size() - 1);
            Syscall syscall = call.syscall();
            boolean createsDescriptor = syscall instanceof Syscall.Socket || syscall instanceof Syscall.Dup
                    || syscall instanceof Syscall.Accept;
            if (createsDescriptor && last.outcome() instanceof Outcome.Success success) {
                assertThat(success.value()).as("lowest free rule for %s in %s", call, handed).isEqualTo(lowest);
            }
            if (createsDescriptor && last.outcome() instanceof Outcome.Failure f && f.errno() == Errno.EMFILE) {
                assertThat(lowest).as("EMFILE only with every drawer below the limit taken: %s", call)
                        .isGreaterThanOrEqualTo(state.tableOf(call.pid()).limit());
            }
            if (RandomPrograms.tracelessOnFailure(syscall) && last.failed()) {
                assertThat(last.state()).as("a failed %s leaves no trace", call).isEqualTo(state);
            }
            for (Step step : steps) {
                assertConsistent(step.state(), step.stage());
            }
            handed.apply(call, last.outcome());
            state = last.state();
            handed.forgetEnded(state);
            handed.assertMatches(state, call);
            assertNoLeaks(state, call);
        }
        if (exitAtEnd) {
            for (int pid : new int[] {RandomPrograms.THREAD, RandomPrograms.CHILD, RandomPrograms.PARENT}) {
                if (state.hasProcess(pid)) {
                    state = Kernel.after(state, pid, new Syscall.Exit(0));
                    assertConsistent(state, Stage.EXIT);
                }
            }
        }
        if (state.processes().isEmpty()) {
            // What is left are connections still closing without a descriptor (FIN_WAIT2 towards a
            // peer elsewhere, TIME_WAIT socks): the kernel keeps those after the last process is gone.
            assertThat(state.sockets().values()).as("only orphans outlive every process")
                    .allMatch(ControlBlock::orphan);
            assertThat(state.files().isEmpty()).isTrue();
        }
    }

    @Example
    void theProgramsReachForksThreadsExitsAcceptsAndEveryKindOfFailure() {
        Set<String> seen = new TreeSet<>();
        RandomGenerator<List<Call>> generator = RandomPrograms.programs(30).generator(1000);
        Random random = new Random(7);
        for (int i = 0; i < 1500; i++) {
            KernelState state = KernelState.boot(RandomPrograms.SETUP);
            for (Call call : generator.next(random).value()) {
                if (state.hasProcess(call.pid())) {
                    List<Step> steps = Kernel.execute(state, call.pid(), call.syscall());
                    Step last = steps.get(steps.size() - 1);
                    seen.add(call.syscall().name() + (last.outcome() instanceof Outcome.Failure f ? " " + f.errno()
                            : last.outcome() instanceof Outcome.Success ? " ok" : " waits"));
                    state = last.state();
                }
            }
        }
        assertThat(seen).contains("socket ok", "socket EMFILE", "socket ENOMEM", "socket EAFNOSUPPORT", "close ok",
                "close EBADF", "bind ok", "bind EADDRINUSE", "listen ok", "connect ok", "accept ok", "accept4 ok",
                "accept waits", "accept EMFILE", "dup ok", "dup EBADF", "dup EMFILE", "dup2 ok", "fork ok",
                "fork EINVAL", "clone ok", "exit ok", "sendto ok", "shutdown ok");
    }

    /**
     * The numbers each process holds, worked out only from what the calls returned: a
     * descriptor-creating call adds the number it returned, a successful close() removes it,
     * fork() copies the set and a thread shares it.
     */
    private static final class Handed {
        private final Map<Integer, TreeSet<Integer>> byPid = new HashMap<>();

        void boot(int pid, KernelState state) {
            byPid.put(pid, state.tableOf(pid).descriptors().stream().map(Descriptor::number)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }

        int lowestFree(int pid) {
            int fd = 0;
            while (byPid.get(pid).contains(fd)) {
                fd++;
            }
            return fd;
        }

        void apply(Call call, Outcome outcome) {
            if (!(outcome instanceof Outcome.Success success)) {
                return;
            }
            TreeSet<Integer> mine = byPid.get(call.pid());
            Syscall s = call.syscall();
            if (s instanceof Syscall.Socket || s instanceof Syscall.Accept || s instanceof Syscall.Dup) {
                assertThat(mine.add(success.value())).as("%s returned %s, already held", call, success.value())
                        .isTrue();
            } else if (s instanceof Syscall.Dup2 d) {
                assertThat(success.value()).isEqualTo(d.newFd());
                mine.add(d.newFd());
            } else if (s instanceof Syscall.Close c) {
                assertThat(mine.remove(c.fd())).as("close(%s) succeeded on a number never handed out", c.fd()).isTrue();
            } else if (s instanceof Syscall.Fork f) {
                byPid.put(f.childPid(), f.sharesTable() ? mine : new TreeSet<>(mine));
            } else if (s instanceof Syscall.Exit) {
                byPid.remove(call.pid());
            }
        }

        /** A process a signal ended (SIGPIPE) holds nothing any more. */
        void forgetEnded(KernelState state) {
            byPid.keySet().removeIf(pid -> !state.hasProcess(pid));
        }

        void assertMatches(KernelState state, Call after) {
            assertThat(state.processes()).extracting(Process::pid).as("processes after %s", after)
                    .containsExactlyInAnyOrderElementsOf(byPid.keySet());
            byPid.forEach((pid, numbers) -> assertThat(state.tableOf(pid).descriptors())
                    .extracting(Descriptor::number).as("cabinet of %s after %s", pid, after)
                    .containsExactlyElementsOf(numbers));
        }

        @Override
        public String toString() {
            return byPid.toString();
        }
    }

    private static void assertConsistent(KernelState state, Stage stage) {
        long socketBytes = state.sockets().values().stream().mapToLong(ControlBlock::memoryBytes).sum();
        assertThat(state.memory().used()).as("memory accounted to the byte after %s", stage).isEqualTo(socketBytes);
        assertThat(state.memory().used()).isLessThanOrEqualTo(state.memory().capacity());
        Map<Integer, Integer> references = new HashMap<>();
        state.tables().values().forEach(table -> table.descriptors()
                .forEach(d -> references.merge(d.fileId(), 1, Integer::sum)));
        state.files().forEach((file, id) -> {
            assertThat(file.references()).as("references of %s", file.name()).isEqualTo(references.get(id));
            if (file.kind() == FileKind.SOCKET) {
                assertThat(state.sockets().get(file.socketId())).as("socket behind %s", file.name()).isNotNull();
            }
        });
        assertThat(references.keySet()).allMatch(id -> state.files().get(id) != null);
    }

    /** After a call has returned: every socket is held by a descriptor or a queue, or is an orphan. */
    private static void assertNoLeaks(KernelState state, Call after) {
        Object stage = after;
        Set<Integer> reachable = new HashSet<>();
        state.files().forEach((file, id) -> reachable.add(file.socketId()));
        state.sockets().values().forEach(s -> reachable.addAll(s.acceptQueue()));
        assertThat(state.sockets().values()).as("a socket no descriptor or queue holds is an orphan after %s", stage)
                .allMatch(s -> reachable.contains(s.id()) || s.orphan());
        assertThat(state.sockets().values()).as("an orphan has no descriptor after %s", stage)
                .noneMatch(s -> s.orphan() && reachable.contains(s.id()));
    }
}
