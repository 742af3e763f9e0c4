// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random system-call programs for property tests: socket, close, bind, listen, connect,
 * accept, send, shutdown, dup, dup2, fork (a child with a copy of the cabinet, or a thread
 * sharing it) and exit, made by up to three processes on a small machine (8 drawers, 20,000
 * bytes of socket memory) so that EMFILE, ENOMEM, EBADF and friends are common. Half the
 * programs start as a server with a client waiting in its queue, so that accept() has
 * something to take.
 */
public final class RandomPrograms {
    /** The process every program starts with. */
    public static final int PARENT = MachineSetup.DEFAULT.pid();
    /** A forked child: a copy of the parent's cabinet. */
    public static final int CHILD = 5000;
    /** A thread: shares the cabinet of whoever created it. */
    public static final int THREAD = 5001;
    /** The port servers listen on. */
    public static final int PORT = 8080;
    /** A small machine, so that limits are reached within a few calls. */
    public static final MachineSetup SETUP = MachineSetup.DEFAULT.withDescriptorLimit(8).withMemoryCapacity(20_000);

    private static final Endpoint LOOPBACK = new Endpoint(AddressFamily.AF_INET, "127.0.0.1", PORT);

    private RandomPrograms() {
    }

    /** One call of a program: which process makes it, and what it is. */
    public record Call(int pid, Syscall syscall) {
    }

    /** Programs of at most {@code maxCalls} random calls (plus the server prefix for half of them). */
    public static Arbitrary<List<Call>> programs(int maxCalls) {
        // Mostly the numbers sockets get (3 to 5), sometimes std streams or nonsense.
        Arbitrary<Integer> fd = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(3, 5)),
                Tuple.of(1, Arbitraries.integers().between(-1, 9)));
        // Mostly the one port servers listen on, so connections really happen.
        Arbitrary<Endpoint> address = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(LOOPBACK)),
                Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET, "0.0.0.0", 0))),
                Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET, "93.184.216.34", 80))),
                Tuple.of(1, Arbitraries.just(new Endpoint(AddressFamily.AF_INET6, "::1", PORT))));
        Arbitrary<Syscall> socket = Combinators.combine(Arbitraries.of(2, 2, 2, 10, 1, 45),
                Arbitraries.of(1, 1, 1, 2, 3, 5, 1 | 0x800, 2 | 0x80000), Arbitraries.of(0, 0, 0, 6, 17, 1))
                .as(Syscall.Socket::new);
        Arbitrary<Syscall> fork = Arbitraries.of(CHILD, CHILD, THREAD)
                .map(child -> new Syscall.Fork(child, child == THREAD ? "thread" : "child", child == THREAD));
        Arbitrary<Syscall> call = Arbitraries.frequencyOf(
                Tuple.of(6, socket),
                Tuple.of(3, fd.map(Syscall.Close::new)),
                Tuple.of(3, Combinators.combine(fd, address).as(Syscall.Bind::new)),
                Tuple.of(3, fd.map(f -> new Syscall.Listen(f, 2))),
                Tuple.of(4, Combinators.combine(fd, address).as(Syscall.Connect::new)),
                Tuple.of(2, Combinators.combine(fd, Arbitraries.of(0, 0, 0x800, 0x80000, 1))
                        .as((f, flags) -> new Syscall.Accept(f, flags, flags != 0))),
                Tuple.of(1, Combinators.combine(fd, address.injectNull(0.5))
                        .as((f, a) -> new Syscall.Send("sendto", f, 3, a))),
                Tuple.of(1, fd.map(f -> new Syscall.Shutdown(f, 1))),
                Tuple.of(2, fd.map(Syscall.Dup::new)),
                Tuple.of(1, Combinators.combine(fd, fd).as(Syscall.Dup2::new)),
                Tuple.of(1, fork),
                Tuple.of(1, Arbitraries.just(new Syscall.Exit(0))));
        Arbitrary<Integer> who = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(PARENT)),
                Tuple.of(2, Arbitraries.just(CHILD)), Tuple.of(1, Arbitraries.just(THREAD)));
        Arbitrary<List<Call>> random = Combinators.combine(who, call).as(Call::new).list().ofMaxSize(maxCalls);
        Arbitrary<List<Call>> serverFirst = random.map(tail -> {
            List<Call> program = new ArrayList<>(serverPrefix());
            program.addAll(tail);
            return program;
        });
        return Arbitraries.oneOf(random, serverFirst);
    }

    /** A listening server on {@link #PORT} in drawer 3 and a client in 4 waiting in its queue. */
    public static List<Call> serverPrefix() {
        return List.of(
                new Call(PARENT, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0)),
                new Call(PARENT, new Syscall.Bind(3, LOOPBACK)),
                new Call(PARENT, new Syscall.Listen(3, 2)),
                new Call(PARENT, new Syscall.Socket(AddressFamily.AF_INET, SocketType.SOCK_STREAM, 0)),
                new Call(PARENT, new Syscall.Connect(4, LOOPBACK)));
    }

    /** True for the calls whose failure must leave the kernel exactly as it was. */
    public static boolean tracelessOnFailure(Syscall call) {
        return call instanceof Syscall.Socket || call instanceof Syscall.Close || call instanceof Syscall.Dup
                || call instanceof Syscall.Bind || call instanceof Syscall.Listen || call instanceof Syscall.Accept
                || call instanceof Syscall.Fork;
    }
}
