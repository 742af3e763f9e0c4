// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every system call the model runs, each described once: the names C programs and strace
 * give it, which of its arguments are descriptors, what it returns, and the stages and
 * narrations its steps show. Lessons, replays and the window find a call here; an exhaustive
 * {@code switch} over these constants (never with a {@code default}) is how they choose what
 * to do with it, so that a new constant is a compile error in every place that must handle it.
 * The lesson language's written forms are in {@code lesson.source.Call}, the icons of the
 * stages in the window's {@code NarrationView}. Calls a program makes that are not described
 * here are not modelled: a replay shows them as "not animated".
 */
public enum SyscallKind {
    /**
     * socket(family, type, protocol): the three stages, then a descriptor; a refusal of the
     * family's after sock_alloc() takes the box apart (RELEASE_SOCKET).
     */
    SOCKET(call("socket").returns(Returns.DESCRIPTOR)
            .stages(Stage.CHECK_ARGUMENTS, Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR,
                    Stage.RELEASE_SOCKET)
            .narrates("socket")),
    /** socketpair(family, type, protocol, sv): two connected sockets, their descriptors in sv. */
    SOCKETPAIR(call("socketpair").returns(Returns.DESCRIPTOR_PAIR).pairAt(3)
            .stages(Stage.CHECK_ARGUMENTS, Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR,
                    Stage.RELEASE_SOCKET, Stage.ESTABLISH)
            .narrates("socketpair", "socket")),
    /** bind(fd, address, length). */
    BIND(call("bind").socketAt(0).returns(Returns.ZERO).stages(Stage.BIND).narrates("bind", "lookup")),
    /** listen(fd, backlog). */
    LISTEN(call("listen").socketAt(0).returns(Returns.ZERO).stages(Stage.LISTEN, Stage.AUTOBIND)
            .narrates("listen", "lookup")),
    /** connect(fd, address, length). */
    CONNECT(call("connect").socketAt(0).returns(Returns.ZERO)
            .stages(Stage.AUTOBIND, Stage.SEND_SYN, Stage.ESTABLISH).narrates("connect", "lookup")),
    /** accept(fd, address, length) and accept4(fd, address, length, flags). */
    ACCEPT(call("accept", "accept4").socketAt(0).returns(Returns.DESCRIPTOR)
            .stages(Stage.ACCEPT_CONNECTION, Stage.ISSUE_DESCRIPTOR, Stage.INCOMING_CONNECTION)
            .narrates("accept", "lookup")),
    /** send(fd, data, length, flags) and sendto(..., address, length): bytes that leave. */
    SEND(call("send", "sendto").socketAt(0).returns(Returns.COUNT)
            .stages(Stage.AUTOBIND, Stage.SEND_DATA, Stage.SIGNAL).narrates("send", "connect", "lookup", "signal")),
    /** write(fd, data, length): the model runs it on sockets only, as send() without flags. */
    WRITE(call("write").descriptorAt(0).returns(Returns.COUNT)
            .stages(Stage.AUTOBIND, Stage.SEND_DATA, Stage.SIGNAL).narrates("send", "connect", "lookup", "signal")),
    /** recv(fd, buffer, length, flags) and recvfrom(..., address, length): bytes that arrived. */
    RECV(call("recv", "recvfrom").socketAt(0).returns(Returns.COUNT).stages(Stage.RECEIVE_DATA)
            .narrates("recv", "lookup")),
    /** read(fd, buffer, length): the model runs it on sockets only, as recv() without flags. */
    READ(call("read").descriptorAt(0).returns(Returns.COUNT).stages(Stage.RECEIVE_DATA)
            .narrates("recv", "lookup")),
    /** sendmsg(fd, msg, flags): bytes as send() sends them, and descriptors passed with SCM_RIGHTS. */
    SENDMSG(call("sendmsg").socketAt(0).returns(Returns.COUNT)
            .stages(Stage.AUTOBIND, Stage.SEND_DATA, Stage.SIGNAL)
            .narrates("sendmsg", "send", "connect", "lookup", "signal")),
    /** recvmsg(fd, msg, flags): bytes as recv() receives them, and passed descriptors installed. */
    RECVMSG(call("recvmsg").socketAt(0).returns(Returns.COUNT).stages(Stage.RECEIVE_DATA, Stage.ISSUE_DESCRIPTOR)
            .narrates("recvmsg", "recv", "lookup")),
    /** setsockopt(fd, level, option, value, length): SO_REUSEADDR and SO_LINGER. */
    SETSOCKOPT(call("setsockopt").socketAt(0).returns(Returns.ZERO).stages(Stage.SET_OPTION)
            .narrates("setsockopt", "lookup")),
    /** getsockopt(fd, level, option, value, length): SO_ERROR reports and clears the socket's pending error. */
    GETSOCKOPT(call("getsockopt").socketAt(0).returns(Returns.ZERO).stages(Stage.GET_OPTION)
            .narrates("getsockopt", "lookup")),
    /** signal(signal, handler) and sigaction (rt_sigaction in strace): what SIGPIPE does to the process. */
    SIGNAL(call("signal", "sigaction").traced("rt_sigaction", "signal", "sigaction").returns(Returns.VALUE)
            .stages(Stage.SIGNAL).narrates("signal")),
    /** shutdown(fd, how). */
    SHUTDOWN(call("shutdown").socketAt(0).returns(Returns.ZERO).stages(Stage.SHUTDOWN)
            .narrates("shutdown", "lookup")),
    /** close(fd): the drawer empties; the last reference frees the socket. */
    CLOSE(call("close").descriptorAt(0).returns(Returns.ZERO)
            .stages(Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET, Stage.SEND_FIN, Stage.SEND_RESET)
            .narrates("close")),
    /**
     * close_range(first, last, flags): every open drawer in the range is emptied (as close() does),
     * or with CLOSE_RANGE_CLOEXEC only marked close-on-exec.
     */
    CLOSE_RANGE(call("close_range").returns(Returns.ZERO)
            .stages(Stage.CHECK_ARGUMENTS, Stage.CLOSE_DESCRIPTOR, Stage.RELEASE_SOCKET, Stage.SEND_FIN,
                    Stage.SEND_RESET, Stage.FILE_FLAGS)
            .narrates("close_range", "close")),
    /**
     * pidfd_getfd(pidfd, targetfd, flags): a copy of another process's descriptor, in the caller's lowest
     * free drawer, close-on-exec. targetfd is a number in the other process's table, not the caller's
     * (described as a drawer the call fills, so that it is not looked for in the caller's table).
     */
    PIDFD_GETFD(call("pidfd_getfd").descriptorAt(0).targetAt(1).returns(Returns.DESCRIPTOR)
            .stages(Stage.CHECK_ARGUMENTS, Stage.DUPLICATE).narrates("pidfd_getfd")),
    /** dup(fd): the lowest free drawer, the same open file. */
    DUP(call("dup").descriptorAt(0).returns(Returns.DESCRIPTOR).stages(Stage.DUPLICATE).narrates("dup")),
    /** dup2(fd, newfd) and dup3(fd, newfd, flags): drawer newfd, emptied first if it was in use. */
    DUP2(call("dup2", "dup3").descriptorAt(0).targetAt(1).returns(Returns.DESCRIPTOR)
            .stages(Stage.DUPLICATE, Stage.RELEASE_SOCKET).narrates("dup2", "dup3", "close")),
    /**
     * fcntl(fd, cmd, ...): F_GETFD/F_SETFD (FD_CLOEXEC), F_GETFL/F_SETFL (O_NONBLOCK), and
     * F_DUPFD/F_DUPFD_CLOEXEC, a dup() to the lowest free drawer at or above the argument.
     */
    FCNTL(call("fcntl").traced("fcntl", "fcntl64").descriptorAt(0).returns(Returns.VALUE)
            .stages(Stage.DUPLICATE, Stage.FILE_FLAGS).narrates("fcntl")),
    /** ioctl(fd, request, &value): FIONBIO (O_NONBLOCK), FIOCLEX and FIONCLEX (FD_CLOEXEC). */
    IOCTL(call("ioctl").descriptorAt(0).returns(Returns.ZERO).stages(Stage.FILE_FLAGS).narrates("ioctl")),
    /**
     * fork(), and pthread_create(), which makes a thread with clone3(CLONE_FILES | CLONE_THREAD ...): the
     * clone calls strace shows for fork, vfork and threads.
     */
    FORK(call("fork", "pthread_create").traced("fork", "vfork", "clone", "clone3").returns(Returns.CHILD).stages(Stage.FORK)
            .narrates("fork")),
    /** exit(status): the process ends and its drawers are emptied (a replay sees the "+++ exited" line). */
    EXIT(call("exit", "_exit").traced("exit", "exit_group").returns(Returns.NOTHING)
            .stages(Stage.EXIT, Stage.RELEASE_SOCKET).narrates("exit")),
    /**
     * execve(path, argv, envp), and execl/execv that end in it: a success starts another program and
     * empties every drawer marked close-on-exec; the sockets that lose their last descriptor are
     * released as close() releases them.
     */
    EXECVE(call("execve", "execl", "execv").traced("execve", "execveat").returns(Returns.NOTHING)
            .stages(Stage.EXEC, Stage.RELEASE_SOCKET, Stage.SEND_FIN, Stage.SEND_RESET).narrates("exec", "close")),
    /** setrlimit(RLIMIT_NOFILE, ...) and its kin: the cabinet's limit. */
    RLIMIT(call("setrlimit", "getrlimit", "prlimit").traced("prlimit64", "setrlimit", "getrlimit", "ugetrlimit")
            .returns(Returns.ZERO).stages(Stage.SET_LIMIT).narrates("setrlimit")),
    /** open() and the other calls that put a file the model does not build into the lowest free drawer. */
    OPEN(call("open", "openat", "creat", "memfd_create", "epoll_create", "epoll_create1", "eventfd", "signalfd",
            "timerfd_create", "inotify_init", "inotify_init1", "fanotify_init", "pidfd_open")
            .traced("open", "openat", "openat2", "creat", "memfd_create", "epoll_create", "epoll_create1", "eventfd",
                    "eventfd2", "signalfd", "signalfd4", "timerfd_create", "inotify_init", "inotify_init1",
                    "fanotify_init", "userfaultfd", "pidfd_open", "perf_event_open", "io_uring_setup")
            .returns(Returns.DESCRIPTOR).stages(Stage.OPEN_FILE).narrates("open")),
    /** pipe(fildes) and pipe2(fildes, flags): two descriptors, in fildes. */
    PIPE(call("pipe", "pipe2").returns(Returns.DESCRIPTOR_PAIR).pairAt(0).stages(Stage.OPEN_FILE)
            .narrates("open")),
    /** epoll_ctl(epfd, op, fd, event): the epoll instance's interest list. */
    EPOLL_CTL(call("epoll_ctl").descriptorAt(0, 2).returns(Returns.ZERO).stages(Stage.WATCH).narrates("epoll")),
    /** poll and select with their kin: which of the descriptors asked about are ready, found, not changed. */
    POLL(call("poll", "ppoll", "select", "pselect").traced("poll", "ppoll", "select", "_newselect", "pselect6")
            .returns(Returns.COUNT).stages(Stage.WAIT_READY).narrates("wait")),
    /** epoll_wait(epfd, events, maxevents, timeout) and its kin: which watched descriptors are ready. */
    EPOLL_WAIT(call("epoll_wait", "epoll_pwait", "epoll_pwait2").descriptorAt(0).returns(Returns.COUNT)
            .stages(Stage.WAIT_READY).narrates("wait"));

    /** What a call returns when it succeeds. */
    public enum Returns {
        /** A new descriptor. */
        DESCRIPTOR,
        /** 0, with two new descriptors in an array argument ({@link #pairArgument()}). */
        DESCRIPTOR_PAIR,
        /** A number of bytes. */
        COUNT,
        /** 0. */
        ZERO,
        /** The child's pid in the parent (0 in the child). */
        CHILD,
        /** A number whose meaning depends on the arguments (fcntl's command). */
        VALUE,
        /** Nothing: the call does not return to the program when it succeeds. */
        NOTHING
    }

    private static final Map<String, SyscallKind> TRACED = new HashMap<>();

    static {
        for (SyscallKind kind : values()) {
            for (String name : kind.facts.straceNames) {
                if (TRACED.put(name, kind) != null) {
                    throw new ExceptionInInitializerError("strace name " + name + " described twice");
                }
            }
        }
    }

    private final Facts facts;

    SyscallKind(Facts facts) {
        this.facts = facts;
    }

    /** The call strace prints under this name ("accept4", "clone3", "pipe2"), if the model runs it. */
    public static Optional<SyscallKind> traced(String straceName) {
        return Optional.ofNullable(TRACED.get(straceName));
    }

    /** The names a C program calls it by ("accept", "accept4"). */
    public List<String> cNames() {
        return facts.cNames;
    }

    /** The names strace prints for it ("fork", "vfork", "clone", "clone3"). */
    public List<String> straceNames() {
        return facts.straceNames;
    }

    /** The argument positions of the descriptors it uses: they must be open for it to succeed. */
    public List<Integer> usedDescriptors() {
        return facts.used;
    }

    /** True when the descriptors it uses must be sockets (ENOTSOCK otherwise). */
    public boolean needsSockets() {
        return facts.sockets;
    }

    /** Argument positions holding a descriptor number the call will fill, not use (dup2's newfd). */
    public List<Integer> targetDescriptors() {
        return facts.targets;
    }

    /** What it returns when it succeeds. */
    public Returns returns() {
        return facts.returns;
    }

    /** For {@link Returns#DESCRIPTOR_PAIR}: the argument that receives the two descriptors; else -1. */
    public int pairArgument() {
        return facts.pairArgument;
    }

    /** Every stage its steps can show (each has a chip, a kernel line and an icon in the window). */
    public Set<Stage> stages() {
        return EnumSet.copyOf(facts.stages);
    }

    /**
     * The families of narration keys its steps use: "bind" for "bind.ok", "bind.inUse", ...;
     * "lookup" for the descriptor checks every socket call shares.
     */
    public List<String> narrations() {
        return facts.narrations;
    }

    private static Facts call(String... cNames) {
        return new Facts(List.of(cNames));
    }

    /** The facts of one call, built in the constant's declaration. */
    private static final class Facts {
        private final List<String> cNames;
        private List<String> straceNames;
        private List<Integer> used = List.of();
        private List<Integer> targets = List.of();
        private boolean sockets;
        private Returns returns;
        private int pairArgument = -1;
        private Set<Stage> stages = EnumSet.noneOf(Stage.class);
        private List<String> narrations = List.of();

        Facts(List<String> cNames) {
            this.cNames = cNames;
            this.straceNames = cNames;
        }

        Facts traced(String... names) {
            straceNames = List.of(names);
            return this;
        }

        Facts descriptorAt(Integer... positions) {
            used = List.of(positions);
            return this;
        }

        Facts socketAt(int position) {
            sockets = true;
            return descriptorAt(position);
        }

        Facts targetAt(int position) {
            targets = List.of(position);
            return this;
        }

        Facts returns(Returns what) {
            returns = what;
            return this;
        }

        Facts pairAt(int position) {
            pairArgument = position;
            return this;
        }

        Facts stages(Stage first, Stage... rest) {
            stages = EnumSet.of(first, rest);
            return this;
        }

        Facts narrates(String... families) {
            narrations = List.of(families);
            return this;
        }
    }
}
