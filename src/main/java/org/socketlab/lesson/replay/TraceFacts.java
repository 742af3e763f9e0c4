// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
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

    private boolean netRaw;
    private boolean ping;
    private boolean lowPort;
    private Map<FdKey, TraceCall> zeroBinds = new HashMap<>();
    private Map<FdKey, TraceCall> netlinkBinds = new HashMap<>();
    private Credentials credentials;

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
        boolean keyed = name.equals("bind") || name.equals("getsockname") || name.equals("close")
                || !zeroBinds.isEmpty() || !netlinkBinds.isEmpty();
        FdKey key = keyed ? new FdKey(call.pid(), CallArgs.fdArg(call, 0).map(FdRef::fd).orElse(-1)) : null;
        switch (name) {
            case "socket" -> {
                int type = CallArgs.intArg(call, 1).orElse(0) & 0xf;
                int protocol = CallArgs.intArg(call, 2).orElse(0);
                int family = CallArgs.intArg(call, 0).orElse(-1);
                // An inet raw socket (SOCK_RAW, or the old SOCK_PACKET) or a packet socket of any type:
                // inet_create and packet_create ask for CAP_NET_RAW. A netlink SOCK_RAW socket is for anyone.
                boolean inet = family == 2 || family == 10;
                netRaw |= ok && (inet && (type == 3 || type == 10) || family == 17);
                ping |= ok && type == 2 && (protocol == 1 || protocol == 58);
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
                zeroBinds.remove(key);
                netlinkBinds.remove(key);
            }
            default -> {
            }
        }
        if (call.wasInterrupted() && SyscallKind.traced(name).orElse(null) == SyscallKind.ACCEPT) {
            reservations.add(new Reservation(call));
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
        reservations.sort((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        zeroBinds = null;
        netlinkBinds = null;
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
