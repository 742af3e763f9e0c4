// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random programs of socket/close/bind/listen/connect/accept/send/dup/fork/exit run through the
 * kernel must never break its invariants: the lowest free number wins, memory is accounted to
 * the byte, reference counts match the drawers, and a failed socket()/close()/dup() leaves no
 * trace. {@code -Djqwik.tries.default} raises the number of programs.
 */
class KernelInvariantsProperties {
    private static final int PARENT = MachineSetup.DEFAULT.pid();
    private static final int CHILD = 5000;
    private static final int PORT = 8080;

    /** One random call: which process makes it and what it is. */
    record Call(int pid, Syscall syscall) {
    }

    @Provide
    Arbitrary<List<Call>> programs() {
        // Mostly the numbers sockets get (3 to 6), sometimes std streams or nonsense.
        Arbitrary<Integer> fd = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(3, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1, 9)));
        // Mostly the one port servers listen on, so connections really happen.
        Arbitrary<Endpoint> address = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(new Endpoint(AddressFamily.AF_INET, "127.0.0.1", PORT))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET, "0.0.0.0", 0))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET, "93.184.216.34", 80))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET6, "::1", PORT))));
        Arbitrary<Syscall> socket = Combinators.combine(Arbitraries.of(2, 2, 2, 10, 1, 17), Arbitraries.of(1, 1, 1, 2, 3, 5,
                1 | 0x800, 2 | 0x80000), Arbitraries.of(0, 0, 0, 6, 17, 1)).as(Syscall.Socket::new);
        Arbitrary<Syscall> call = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, socket),
                net.jqwik.api.Tuple.of(3, fd.map(Syscall.Close::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(fd, address).as(Syscall.Bind::new)),
                net.jqwik.api.Tuple.of(3, fd.map(f -> new Syscall.Listen(f, 2))),
                net.jqwik.api.Tuple.of(4, Combinators.combine(fd, address).as(Syscall.Connect::new)),
                net.jqwik.api.Tuple.of(2, fd.map(f -> new Syscall.Accept(f, 0, false))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(fd, address.injectNull(0.5))
                        .as((f, a) -> new Syscall.Send("sendto", f, 3, a))),
                net.jqwik.api.Tuple.of(1, fd.map(f -> new Syscall.Shutdown(f, 1))),
                net.jqwik.api.Tuple.of(1, fd.map(Syscall.Dup::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(fd, fd).as(Syscall.Dup2::new)));
        Arbitrary<List<Call>> random = Combinators.combine(Arbitraries.of(PARENT, PARENT, CHILD), call).as(Call::new)
                .list().ofMaxSize(60);
        // Half the programs start as a server with one client waiting in its queue, so that what
        // follows meets connections, queues and peers, not only fresh sockets.
        Arbitrary<List<Call>> serverFirst = random.map(tail -> {
            List<Call> program = new java.util.ArrayList<>(List.of(
                    new Call(PARENT, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0)),
                    new Call(PARENT, new Syscall.Bind(3, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", PORT))),
                    new Call(PARENT, new Syscall.Listen(3, 2)),
                    new Call(PARENT, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0)),
                    new Call(PARENT, new Syscall.Connect(4, new Endpoint(AddressFamily.AF_INET, "127.0.0.1", PORT)))));
            program.addAll(tail);
            return program;
        });
        return Arbitraries.oneOf(random, serverFirst);
    }

    @Property(tries = 2000)
    void randomProgramsKeepTheKernelConsistent(@ForAll("programs") List<Call> program,
                                                @ForAll boolean forkFirst, @ForAll boolean exitAtEnd) {
        KernelState state = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(8).withMemoryCapacity(20_000));
        if (forkFirst) {
            state = Kernel.after(state, PARENT, new Syscall.Fork(CHILD, "child", false));
        }
        for (Call call : program) {
            if (!state.hasProcess(call.pid())) {
                continue;
            }
            int expectedFd = state.tableOf(call.pid()).lowestFree();
            List<Step> steps = Kernel.execute(state, call.pid(), call.syscall());
            Step last = steps.get(steps.size() - 1);
            boolean createsDescriptor = call.syscall() instanceof Syscall.Socket
                    || call.syscall() instanceof Syscall.Dup || call.syscall() instanceof Syscall.Accept;
            if (createsDescriptor && last.outcome() instanceof Outcome.Success success) {
                assertThat(success.value()).as("lowest free rule for %s", call).isEqualTo(expectedFd);
            }
            boolean tracelessOnFailure = call.syscall() instanceof Syscall.Socket
                    || call.syscall() instanceof Syscall.Close || call.syscall() instanceof Syscall.Dup
                    || call.syscall() instanceof Syscall.Bind || call.syscall() instanceof Syscall.Listen
                    || call.syscall() instanceof Syscall.Accept;
            if (tracelessOnFailure && last.failed()) {
                assertThat(last.state()).as("a failed %s leaves no trace", call).isEqualTo(state);
            }
            for (Step step : steps) {
                assertConsistent(step.state(), step.stage());
            }
            state = last.state();
        }
        if (exitAtEnd) {
            for (int pid : new int[] {CHILD, PARENT}) {
                if (state.hasProcess(pid)) {
                    state = Kernel.after(state, pid, new Syscall.Exit(0));
                }
            }
            assertThat(state.memory().used()).as("everything comes back when every process exits").isZero();
            assertThat(state.sockets().isEmpty()).isTrue();
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
}
