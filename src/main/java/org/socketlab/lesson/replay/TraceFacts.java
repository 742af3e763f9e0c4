// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.socketlab.kernel.Credentials;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.Network;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.CloneInfo;
import org.socketlab.lesson.strace.Decoration;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.ParsedTrace;
import org.socketlab.lesson.strace.SockAddr;
import org.socketlab.lesson.strace.TraceCall;
import org.socketlab.lesson.strace.TraceEvent;

/**
 * What the replay learns from a first pass over the whole log, before it replays it: which
 * call created each child process, which privileges the program used successfully, the
 * ephemeral ports the kernel chose for {@code bind(port 0)}, and the descriptors that blocked
 * accept() calls held while they waited.
 */
final class TraceFacts {
    /** An accept() that waited across other lines: the kernel took its drawer when it began. */
    record Reservation(TraceCall call) {
        int startLine() {
            return call.startLine();
        }
    }

    /** A descriptor of a process (pid null in a log without pids). */
    private record FdKey(Integer pid, int fd) {
    }

    private final Map<Integer, TraceCall> creators = new HashMap<>();
    private final Map<Integer, Integer> learnedPorts = new HashMap<>();
    /** The port id the kernel gave each netlink bind(), by the bind's line, as a later call's decoration shows it. */
    private final Map<Integer, Integer> netlinkPorts = new HashMap<>();
    private final List<Reservation> reservations = new ArrayList<>();
    /**
     * Calls that changed a shared descriptor table while a call of another thread that takes a
     * descriptor was running (their lines overlap), by the line where each of them completed: the log
     * cannot tell which of the two the kernel ran first.
     */
    private final Map<Integer, List<TraceCall>> races = new HashMap<>();
    /**
     * A connect() still running when an accept() returned the connection it made, by the accept's
     * line: the kernel queued the connection when the connect began (loopback's handshake is over
     * before connect returns), so the replay runs it before the accept.
     */
    private final Map<Integer, TraceCall> earlyConnects = new HashMap<>();
    /** The lines of the connects in {@link #earlyConnects}: replayed already when the log reaches them. */
    private final Set<Integer> ranEarly = new HashSet<>();

    private boolean netRaw;
    private boolean ping;
    private boolean lowPort;
    private Map<FdKey, TraceCall> zeroBinds = new HashMap<>();
    private Map<FdKey, TraceCall> netlinkBinds = new HashMap<>();
    private Credentials credentials;
    /** While learning: which process's table each thread shares (by the clone that made it). */
    private Map<Integer, Integer> tables = new HashMap<>();
    /** While learning: the calls that took or freed a descriptor, in log order. */
    private List<TraceCall> tableChanges = new ArrayList<>();
    /** While learning: connect() calls that ran across other lines and did not fail (or are in progress). */
    private List<TraceCall> longConnects = new ArrayList<>();
    /** While learning: accept() calls that returned a connection, in log order. */
    private List<TraceCall> accepts = new ArrayList<>();

    private TraceFacts() {
    }

    /**
     * Facts learned one event at a time, in log order, for a log read once only (the command
     * line's first reading): {@link Learning#accept} each event, then {@link Learning#facts}.
     * The events must be those the replay will go through: a first reading whose events printed
     * without a pid were given one later is not ({@link #of(ParsedTrace)} reads them again).
     */
    static final class Learning implements Consumer<TraceEvent> {
        private final TraceFacts facts = new TraceFacts();
        private boolean done;

        @Override
        public void accept(TraceEvent event) {
            if (done) {
                throw new IllegalStateException("the facts are already learned");
            }
            facts.see(event);
        }

        /** What the events told; no event may follow. */
        TraceFacts facts() {
            if (!done) {
                done = true;
                facts.finish();
            }
            return facts;
        }
    }

    private void see(TraceEvent event) {
        if (!(event instanceof TraceCall call)) {
            return;
        }
        boolean ok = !call.result().isError() && !call.result().isUnknown();
        Optional<CloneInfo> clone = call.cloneInfo();
        if (ok && clone.isPresent() && clone.get().childPid() != null) {
            creators.putIfAbsent(clone.get().childPid(), call);
        }
        String name = call.name();
        // Only binds, getsocknames, closes and calls after an unresolved bind need the key.
        // (A close() before any such bind has nothing to forget: most of a long log's closes.)
        boolean unresolved = !zeroBinds.isEmpty() || !netlinkBinds.isEmpty();
        boolean keyed = name.equals("bind") || name.equals("getsockname") || unresolved;
        FdKey key = keyed ? new FdKey(call.pid(), CallArgs.fdArg(call, 0).map(FdRef::fd).orElse(-1)) : null;
        switch (name) {
            case "socket" -> {
                if (ok) { // (a failed socket() used no privilege: its arguments need not be read)
                    int type = CallArgs.intArg(call, 1).orElse(0) & 0xf;
                    int family = CallArgs.intArg(call, 0).orElse(-1);
                    // An inet raw socket (SOCK_RAW, or the old SOCK_PACKET) or a packet socket of any type:
                    // inet_create and packet_create ask for CAP_NET_RAW. A netlink SOCK_RAW socket is for anyone.
                    boolean inet = family == 2 || family == 10;
                    netRaw |= inet && (type == 3 || type == 10) || family == 17;
                    if (type == 2) {
                        int protocol = CallArgs.intArg(call, 2).orElse(0);
                        ping |= protocol == 1 || protocol == 58;
                    }
                }
            }
            case "bind" -> {
                if (ok && netlinkAddress(call)) {
                    netlinkBinds.put(key, call);
                }
                Optional<Endpoint> at = CallArgs.endpoint(call, 1);
                int port = at.map(Endpoint::port).orElse(-1);
                lowPort |= ok && port > 0 && port < Network.FIRST_UNPRIVILEGED_PORT;
                if (ok && port == 0) {
                    zeroBinds.put(key, call);
                }
            }
            case "getsockname" -> {
                Integer port = call.arg(1).flatMap(a -> a.asSockAddr()).map(SockAddr::port).orElse(null);
                if (ok && port != null && port != 0) {
                    learn(zeroBinds.remove(key), OptionalInt.of(port));
                }
            }
            case "close" -> {
                if (keyed) {
                    zeroBinds.remove(key);
                    netlinkBinds.remove(key);
                }
            }
            default -> {
            }
        }
        SyscallKind kind = SyscallKind.traced(name).orElse(null);
        if (call.wasInterrupted() && kind == SyscallKind.ACCEPT) {
            reservations.add(new Reservation(call));
        }
        if (call.pid() != null) {
            if (clone.isPresent() && clone.get().childPid() != null && clone.get().sharesFileTable()) {
                tables.put(clone.get().childPid(), tables.getOrDefault(call.pid(), call.pid()));
            }
            if (takes(call) || frees(call)) {
                tableChanges.add(call);
            }
        }
        if (name.equals("connect") && call.wasInterrupted() && !call.result().isUnknown()
                && (call.result().errno() == null || "EINPROGRESS".equals(call.result().errno()))) {
            longConnects.add(call);
        }
        if (kind == SyscallKind.ACCEPT && ok) {
            accepts.add(call);
        }
        if (keyed && netlinkBinds.containsKey(key) && !name.equals("bind")) {
            OptionalInt port = CallArgs.fdArg(call, 0).map(FdRef::decoration).map(TraceFacts::netlinkPort)
                    .orElse(OptionalInt.empty());
            if (port.isPresent()) {
                netlinkPorts.put(netlinkBinds.remove(key).line(), port.getAsInt());
            }
        }
        if (keyed && zeroBinds.containsKey(key) && !name.equals("bind")) {
            OptionalInt port = CallArgs.fdArg(call, 0).flatMap(f -> Optional.ofNullable(f.decoration()))
                    .flatMap(d -> d.localAddress()).map(CallArgs::portOf).orElse(OptionalInt.empty());
            if (port.isPresent()) {
                learn(zeroBinds.remove(key), port);
            }
        }
    }

    private void finish() {
        credentials = new Credentials(netRaw, ping, lowPort);
        findRaces();
        findEarlyConnects();
        reservations.sort((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        zeroBinds = null;
        netlinkBinds = null;
        tables = null;
        tableChanges = null;
        longConnects = null;
        accepts = null;
    }

    /**
     * Two calls of two threads sharing one table race when their lines overlap (one began before the
     * other completed), one of them takes a descriptor and the other takes or frees one. accept() is
     * left out: it takes its descriptor when it begins (the replay reserves it then).
     */
    private void findRaces() {
        for (int i = 0; i < tableChanges.size(); i++) {
            TraceCall c = tableChanges.get(i);
            for (int j = i - 1; j >= 0 && tableChanges.get(j).line() >= c.startLine(); j--) {
                TraceCall other = tableChanges.get(j);
                boolean overlap = other.line() > c.startLine() && (c.wasInterrupted() || other.wasInterrupted());
                if (overlap && !other.pid().equals(c.pid()) && (takes(c) || takes(other))
                        && tables.getOrDefault(c.pid(), c.pid()).equals(tables.getOrDefault(other.pid(), other.pid()))) {
                    races.computeIfAbsent(c.line(), k -> new ArrayList<>()).add(other);
                    races.computeIfAbsent(other.line(), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    /**
     * Pairs each accept() that returned a connection while a connect() to its port was still running
     * (begun before the accept returned, completed after) with that connect: the accept took the
     * connection the connect made. The accept's port is the local port of the descriptor it returned.
     */
    private void findEarlyConnects() {
        if (longConnects.isEmpty()) {
            return;
        }
        for (TraceCall accept : accepts) {
            OptionalInt port = accept.result().asFd().map(FdRef::decoration).flatMap(d -> d.localAddress())
                    .map(CallArgs::portOf).orElse(OptionalInt.empty());
            for (TraceCall connect : longConnects) {
                if (port.isPresent() && !ranEarly.contains(connect.line()) && connect.startLine() < accept.line()
                        && connect.line() > accept.line()
                        && CallArgs.endpoint(connect, 1).map(Endpoint::port).orElse(-1) == port.getAsInt()) {
                    earlyConnects.put(accept.line(), connect);
                    ranEarly.add(connect.line());
                    break;
                }
            }
        }
    }

    /** The connect() whose connection the accept() completing at this line took, still running then; or null. */
    TraceCall connectBefore(int acceptLine) {
        return earlyConnects.get(acceptLine);
    }

    /** True for a connect() replayed before the accept() that took its connection. */
    boolean ranEarly(int line) {
        return ranEarly.contains(line);
    }

    private static boolean takes(TraceCall call) {
        SyscallKind kind = SyscallKind.traced(call.name()).orElse(null);
        return kind != null && kind != SyscallKind.ACCEPT && !call.result().isError() && !call.result().isUnknown()
                && (kind.returns() == SyscallKind.Returns.DESCRIPTOR || kind.returns() == SyscallKind.Returns.DESCRIPTOR_PAIR);
    }

    private static boolean frees(TraceCall call) {
        SyscallKind kind = SyscallKind.traced(call.name()).orElse(null);
        return (kind == SyscallKind.CLOSE || kind == SyscallKind.CLOSE_RANGE) && !call.result().isError();
    }

    /** The calls of other threads that ran at the same time as the call completed at this line and changed its table. */
    List<TraceCall> racesWith(int line) {
        return races.getOrDefault(line, List.of());
    }

    private void learn(TraceCall bind, OptionalInt port) {
        if (bind != null && port.isPresent() && port.getAsInt() > 0 && port.getAsInt() <= 65535) {
            learnedPorts.put(bind.line(), port.getAsInt());
        }
    }

    private static boolean netlinkAddress(TraceCall call) {
        return call.arg(1).filter(a -> a instanceof Arg.Struct).flatMap(a -> ((Arg.Struct) a).field("sa_family"))
                .map(f -> f.flagNames().contains("AF_NETLINK")).orElse(false);
    }

    /** The port id in a {@code NETLINK:[ROUTE:4711]} decoration (printed unsigned), if it has one. */
    static OptionalInt netlinkPort(Decoration d) {
        if (d == null || !d.kind().equals("NETLINK") || d.detail() == null) {
            return OptionalInt.empty();
        }
        int colon = d.detail().lastIndexOf(':');
        if (colon < 0) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseUnsignedInt(d.detail().substring(colon + 1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The port id the kernel gave the netlink bind() on this line, if a later call's decoration shows it. */
    OptionalInt netlinkPort(int bindLine) {
        Integer port = netlinkPorts.get(bindLine);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** Goes through the log's events once and learns what they tell. */
    static TraceFacts of(ParsedTrace trace) {
        Learning learning = new Learning();
        for (TraceEvent event : trace.events()) {
            learning.accept(event);
        }
        return learning.facts();
    }

    /** The clone, fork or vfork that created a process, or null when the log does not show it. */
    TraceCall creatorOf(int pid) {
        return creators.get(pid);
    }

    /**
     * An ordinary user's credentials, except for each privilege the log shows being used
     * successfully: a raw socket (CAP_NET_RAW), an ICMP datagram socket (the ping group), a
     * port below 1024 (CAP_NET_BIND_SERVICE).
     */
    Credentials credentials() {
        return credentials;
    }

    /** The port the kernel chose for the bind(port 0) that completed on this line, if the log shows it. */
    OptionalInt learnedPort(int bindLine) {
        Integer port = learnedPorts.get(bindLine);
        return port == null ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** accept() calls that waited across other lines, by the line they began on. */
    List<Reservation> reservations() {
        return reservations;
    }
}
