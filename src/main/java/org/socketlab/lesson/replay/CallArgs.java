// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.Decoration;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.SockAddr;
import org.socketlab.lesson.strace.TraceCall;

/** Reads what the replay needs from a traced call's arguments: numbers, descriptors, addresses. */
final class CallArgs {
    /**
     * Calls the model does not run (no {@link SyscallKind} describes them) whose arguments at
     * these positions are descriptors that must be open for the call to work, so that a replay
     * still learns from them what is open. A call that gets a description leaves this table.
     */
    static final Map<String, List<Integer>> UNMODELLED_DESCRIPTORS = unmodelled();

    /** Calls the model does not run that only work on sockets: a descriptor they use is a socket. */
    static final Set<String> UNMODELLED_SOCKET_CALLS = Set.of("getsockname", "getpeername");

    private static Map<String, List<Integer>> unmodelled() {
        Map<String, List<Integer>> table = new HashMap<>();
        for (String name : List.of("pread64", "pwrite64", "readv", "writev", "preadv", "pwritev", "preadv2",
                "pwritev2", "lseek", "fstat", "fstatfs", "getdents", "getdents64", "fsync", "fdatasync",
                "ftruncate", "fchmod", "fchown", "fchdir", "flock", "fadvise64", "fallocate",
                "getsockname", "getpeername", "recvmmsg",
                "sendmmsg", "fsetxattr", "fgetxattr", "syncfs",
                "inotify_add_watch", "timerfd_settime", "timerfd_gettime", "splice", "copy_file_range")) {
            table.put(name, List.of(0));
        }
        table.put("sendfile", List.of(0, 1));
        table.put("tee", List.of(0, 1));
        return Map.copyOf(table);
    }

    private CallArgs() {
    }

    /** The argument at a position as an int, if it has a numeric value that fits. */
    static OptionalInt intArg(TraceCall call, int index) {
        Optional<Arg> arg = call.arg(index);
        return arg.isEmpty() ? OptionalInt.empty() : arg.get().asInt();
    }

    /** The argument at a position as a descriptor (a non-negative number), with its decoration. */
    static Optional<FdRef> fdArg(TraceCall call, int index) {
        return call.arg(index).flatMap(Arg::asFd);
    }

    /** The descriptors in an array argument: socketpair's and pipe's {@code [3, 4]}. */
    static List<FdRef> fdArray(TraceCall call, int index) {
        List<FdRef> fds = new ArrayList<>();
        Optional<Arg> arg = call.arg(index);
        if (arg.isPresent() && arg.get() instanceof Arg.Array array) {
            for (Arg item : array.items()) {
                item.asFd().ifPresent(fds::add);
            }
        }
        return fds;
    }

    /**
     * The descriptors a call uses that must be open for it to succeed: those its description
     * (or, for a call the model does not run, {@link #UNMODELLED_DESCRIPTORS}) names, and every
     * other number strace decorated with {@code -y} except those the call will fill (dup2's newfd).
     */
    static List<FdRef> usedFds(TraceCall call) {
        return usedFds(call, SyscallKind.traced(call.name()).orElse(null));
    }

    /** {@link #usedFds(TraceCall)} of a call the model runs as {@code kind} (null: one it does not run). */
    static List<FdRef> usedFds(TraceCall call, SyscallKind kind) {
        // (Asked for every line of a replay: no lambdas, no streams, nothing built for a call that uses none.)
        List<Integer> positions = kind != null ? kind.usedDescriptors()
                : UNMODELLED_DESCRIPTORS.getOrDefault(call.name(), List.of());
        List<Integer> targets = kind != null ? kind.targetDescriptors() : List.of();
        List<Arg> args = call.args();
        List<FdRef> used = List.of();
        for (int p = 0; p < positions.size(); p++) {
            int position = positions.get(p);
            if (position >= 0 && position < args.size()) {
                FdRef ref = fd(args.get(position));
                if (ref != null) {
                    used = added(used, ref);
                }
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (targets.contains(i)) {
                continue;
            }
            if (args.get(i) instanceof Arg.Num n && n.decoration() != null) {
                FdRef ref = fd(n);
                if (ref != null && !usesFd(used, ref.fd())) {
                    used = added(used, ref);
                }
            }
        }
        return used;
    }

    private static FdRef fd(Arg a) {
        Optional<FdRef> ref = a.asFd();
        return ref.isPresent() ? ref.get() : null;
    }

    private static List<FdRef> added(List<FdRef> list, FdRef ref) {
        List<FdRef> grown = list.isEmpty() ? new ArrayList<>(2) : list;
        grown.add(ref);
        return grown;
    }

    private static boolean usesFd(List<FdRef> used, int fd) {
        for (int i = 0; i < used.size(); i++) {
            if (used.get(i).fd() == fd) {
                return true;
            }
        }
        return false;
    }

    /** True when the descriptors the call uses must be sockets (bind, getsockname, ...). */
    static boolean needsSockets(TraceCall call) {
        return needsSockets(call, SyscallKind.traced(call.name()).orElse(null));
    }

    /** {@link #needsSockets(TraceCall)} of a call the model runs as {@code kind} (null: one it does not run). */
    static boolean needsSockets(TraceCall call, SyscallKind kind) {
        return kind != null ? kind.needsSockets() : UNMODELLED_SOCKET_CALLS.contains(call.name());
    }

    /** The descriptors an SCM_RIGHTS control message of a msghdr argument carries ({@code cmsg_data=[3, 4]}). */
    static List<FdRef> passedFds(TraceCall call, int index) {
        List<FdRef> fds = new ArrayList<>();
        Optional<Arg> control = call.arg(index).filter(a -> a instanceof Arg.Struct)
                .flatMap(a -> ((Arg.Struct) a).field("msg_control"));
        if (control.isEmpty() || !(control.get() instanceof Arg.Array messages)) {
            return fds;
        }
        for (Arg m : messages.items()) {
            if (m instanceof Arg.Struct cmsg
                    && cmsg.field("cmsg_type").map(t -> t.flagNames().contains("SCM_RIGHTS")).orElse(false)
                    && cmsg.field("cmsg_data").orElse(null) instanceof Arg.Array data) {
                for (Arg item : data.items()) {
                    item.asFd().ifPresent(fds::add);
                }
            }
        }
        return fds;
    }

    /** The bytes a msghdr argument's msg_iov holds (the sum of its iov_len), or -1 when unreadable. */
    static int iovLength(TraceCall call, int index) {
        Optional<Arg> iov = call.arg(index).filter(a -> a instanceof Arg.Struct)
                .flatMap(a -> ((Arg.Struct) a).field("msg_iov"));
        if (iov.isEmpty() || !(iov.get() instanceof Arg.Array items)) {
            return -1;
        }
        long total = 0;
        for (Arg item : items.items()) {
            if (!(item instanceof Arg.Struct vec) || vec.field("iov_len").map(Arg::asLong)
                    .filter(OptionalLong::isPresent).isEmpty()) {
                return -1;
            }
            total += vec.field("iov_len").get().asLong().getAsLong();
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** A socket address argument as an endpoint of a family the model implements, if it is one. */
    static Optional<Endpoint> endpoint(TraceCall call, int index) {
        Optional<SockAddr> addr = call.arg(index).flatMap(Arg::asSockAddr);
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        SockAddr a = addr.get();
        Optional<AddressFamily> family = familyNamed(a.family());
        if (family.isEmpty()) {
            return Optional.empty();
        }
        if (family.get() == AddressFamily.AF_UNIX) {
            return Optional.of(new Endpoint(AddressFamily.AF_UNIX, a.address() == null ? "" : a.address(), 0));
        }
        Endpoint unset = Endpoint.unset(family.get());
        int port = a.port() == null || a.port() < 0 || a.port() > 65535 ? 0 : a.port();
        return Optional.of(new Endpoint(family.get(), a.address() == null ? unset.address() : a.address(), port));
    }

    /** True when the argument is a socket address of family AF_UNSPEC (connect's "disconnect"). */
    static boolean unspecified(TraceCall call, int index) {
        return call.arg(index).flatMap(Arg::asSockAddr).map(a -> "AF_UNSPEC".equals(a.family())
                || "PF_UNSPEC".equals(a.family())).orElse(false);
    }

    /** The model's family for a name strace printed ("AF_INET", "PF_INET6", "AF_LOCAL"). */
    static Optional<AddressFamily> familyNamed(String name) {
        String n = name == null ? "" : name.replace("PF_", "AF_");
        if (n.equals("AF_LOCAL")) {
            n = "AF_UNIX";
        }
        for (AddressFamily f : AddressFamily.values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The port of an "address:port" text a {@code -yy} decoration shows, e.g. "[::1]:35393". */
    static OptionalInt portOf(String addressAndPort) {
        int colon = addressAndPort.lastIndexOf(':');
        if (colon < 0 || colon == addressAndPort.length() - 1) {
            return OptionalInt.empty();
        }
        String digits = addressAndPort.substring(colon + 1);
        if (digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(digits);
        return port > 0 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** What a {@code -y} decoration says the descriptor is: a path, "pipe:[1]", "socket:[2]". */
    static String label(Decoration d) {
        return d.path().orElse(d.text());
    }
}
