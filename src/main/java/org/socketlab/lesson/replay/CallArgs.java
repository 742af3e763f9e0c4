// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Endpoint;
import org.socketlab.lesson.strace.Arg;
import org.socketlab.lesson.strace.Decoration;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.SockAddr;
import org.socketlab.lesson.strace.TraceCall;

/** Reads what the replay needs from a traced call's arguments: numbers, descriptors, addresses. */
final class CallArgs {
    /** Calls whose first argument is a descriptor that must be open for the call to work. */
    private static final Set<String> FD_FIRST = Set.of(
            "read", "write", "pread64", "pwrite64", "readv", "writev", "preadv", "pwritev", "preadv2", "pwritev2",
            "lseek", "fstat", "fstatfs", "fcntl", "ioctl", "getdents", "getdents64", "fsync", "fdatasync",
            "ftruncate", "fchmod", "fchown", "fchdir", "flock", "fadvise64", "fallocate", "setsockopt",
            "getsockopt", "getsockname", "getpeername", "recv", "recvfrom", "recvmsg", "recvmmsg", "send",
            "sendto", "sendmsg", "sendmmsg", "bind", "listen", "connect", "accept", "accept4", "shutdown",
            "dup", "dup2", "dup3", "epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2", "fsetxattr",
            "fgetxattr", "syncfs", "inotify_add_watch", "timerfd_settime", "timerfd_gettime", "sendfile",
            "splice", "tee", "copy_file_range", "close");

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
     * The descriptors a call uses that must be open for it to succeed: the first argument of
     * the calls that take one, and every number strace decorated with {@code -y}.
     */
    static List<FdRef> usedFds(TraceCall call) {
        List<FdRef> used = new ArrayList<>();
        if (FD_FIRST.contains(call.name())) {
            fdArg(call, 0).ifPresent(used::add);
        }
        if (call.name().equals("epoll_ctl") || call.name().equals("sendfile") || call.name().equals("tee")) {
            fdArg(call, call.name().equals("epoll_ctl") ? 2 : 1).ifPresent(used::add);
        }
        for (int i = 0; i < call.args().size(); i++) {
            if (i == 1 && (call.name().equals("dup2") || call.name().equals("dup3"))) {
                continue;
            }
            Arg a = call.args().get(i);
            if (a instanceof Arg.Num n && n.decoration() != null) {
                a.asFd().filter(f -> used.stream().noneMatch(u -> u.fd() == f.fd())).ifPresent(used::add);
            }
        }
        return used;
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
