// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A system call a process makes, with its arguments as the raw numbers C passes, so that
 * wrong arguments can fail the way Linux fails them.
 */
public sealed interface Syscall {
    /** The call's name as strace prints it. */
    String name();

    /** The call this is, as {@link SyscallKind} describes it; empty for what only the model makes. */
    Optional<SyscallKind> syscallKind();

    /** The one of {@code cases} that handles this call, applied to it. */
    <R> R match(SyscallCases<R> cases);

    /** socket(family, type | flags, protocol). */
    record Socket(int family, int type, int protocol) implements Syscall {
        public Socket(AddressFamily family, SocketType type, int protocol) {
            this(family.number(), type.number(), protocol);
        }

        @Override
        public String name() {
            return "socket";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SOCKET);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.socket(this);
        }
    }

    /** close(fd). */
    record Close(int fd) implements Syscall {
        @Override
        public String name() {
            return "close";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CLOSE);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.close(this);
        }
    }

    /**
     * bind(fd, address, length); port 0 asks for an ephemeral port. {@code length} is the
     * address length the program passed (shorter than a sockaddr_in is EINVAL).
     */
    record Bind(int fd, Endpoint address, int length) implements Syscall {
        public Bind {
            Objects.requireNonNull(address, "address");
        }

        /** bind() with the full length of the address's sockaddr. */
        public Bind(int fd, Endpoint address) {
            this(fd, address, fullLength(address.family()));
        }

        /** sizeof the family's sockaddr: sockaddr_in 16, sockaddr_in6 28, sockaddr_un 110. */
        public static int fullLength(AddressFamily family) {
            return switch (family) {
                case AF_INET -> 16;
                case AF_INET6 -> 28;
                case AF_UNIX -> 110;
            };
        }

        @Override
        public String name() {
            return "bind";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.BIND);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.bind(this);
        }
    }

    /** listen(fd, backlog). */
    record Listen(int fd, int backlog) implements Syscall {
        @Override
        public String name() {
            return "listen";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.LISTEN);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.listen(this);
        }
    }

    /** connect(fd, address). */
    record Connect(int fd, Endpoint address) implements Syscall {
        public Connect {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String name() {
            return "connect";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CONNECT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.connect(this);
        }
    }

    /** accept(fd, ...) or, with {@code four}, accept4(fd, ..., flags). */
    record Accept(int fd, int flags, boolean four) implements Syscall {
        @Override
        public String name() {
            return four ? "accept4" : "accept";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.ACCEPT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.accept(this);
        }
    }

    /**
     * send/write/sendto: {@code length} bytes, to {@code destination} (null: the connected peer),
     * with MSG_* {@code flags}.
     *
     * @param name the call as written: "send", "sendto" or "write"
     */
    record Send(String name, int fd, int length, Endpoint destination, int flags) implements Syscall {
        /** MSG_NOSIGNAL: a broken connection returns EPIPE without raising SIGPIPE. */
        public static final int MSG_NOSIGNAL = 0x4000;

        public Send {
            Objects.requireNonNull(name, "name");
        }

        /** Without flags. */
        public Send(String name, int fd, int length, Endpoint destination) {
            this(name, fd, length, destination, 0);
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(name.equals("write") ? SyscallKind.WRITE : SyscallKind.SEND);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.send(this);
        }
    }

    /**
     * recv/recvfrom/read: up to {@code length} bytes from the receive queue.
     *
     * @param name  the call as written: "recv", "recvfrom" or "read"
     * @param flags MSG_* bits (read() has none): MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC
     */
    record Receive(String name, int fd, int length, int flags) implements Syscall {
        /** MSG_PEEK: look at the data, leave it queued. */
        public static final int MSG_PEEK = 0x2;
        /** MSG_DONTWAIT: this call does not wait, as if the socket were non-blocking. */
        public static final int MSG_DONTWAIT = 0x40;
        /** MSG_TRUNC: a datagram receive returns the message's full length, even when the buffer was shorter. */
        public static final int MSG_TRUNC = 0x20;

        public Receive {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(name.equals("read") ? SyscallKind.READ : SyscallKind.RECV);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.receive(this);
        }
    }

    /**
     * A receive on a connection whose other end the model does not see (a server elsewhere, a
     * process outside the lesson): {@code arrived} bytes, and the peer's FIN when {@code finArrived},
     * reach the socket first, then {@code receive} runs as usual. On a socket that keeps message
     * boundaries, one message of {@code arrived} bytes joins the queue (none when it is negative).
     */
    record ReceiveFromOutside(Receive receive, int arrived, boolean finArrived) implements Syscall {
        public ReceiveFromOutside {
            Objects.requireNonNull(receive, "receive");
        }

        @Override
        public String name() {
            return receive.name();
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return receive.syscallKind();
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.receiveFromOutside(this);
        }
    }

    /**
     * sendmsg(fd, msg, flags): the bytes of msg_iov leave as send() sends them; the descriptors of
     * an SCM_RIGHTS control message travel with them to the peer's receive queue, each holding a
     * reference to its open file.
     *
     * @param length the bytes in msg_iov
     * @param rights the descriptors passed with SCM_RIGHTS (empty for none)
     */
    record SendMessage(int fd, int length, int flags, List<Integer> rights) implements Syscall {
        public SendMessage {
            rights = List.copyOf(rights);
        }

        @Override
        public String name() {
            return "sendmsg";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SENDMSG);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.sendMessage(this);
        }
    }

    /**
     * recvmsg(fd, msg, flags): bytes are received as recv() receives them (those from a peer the
     * model does not see arrive first, as in {@link ReceiveFromOutside}); the files of the oldest
     * SCM_RIGHTS message waiting are installed at the lowest free descriptors, close-on-exec with
     * MSG_CMSG_CLOEXEC.
     */
    record ReceiveMessage(Receive receive, int arrived, boolean finArrived) implements Syscall {
        /** MSG_CMSG_CLOEXEC: the received descriptors are close-on-exec. */
        public static final int MSG_CMSG_CLOEXEC = 0x40000000;

        public ReceiveMessage {
            Objects.requireNonNull(receive, "receive");
        }

        @Override
        public String name() {
            return "recvmsg";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.RECVMSG);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.receiveMessage(this);
        }
    }

    /**
     * setsockopt(fd, level, option, value, length): the model runs SOL_SOCKET's SO_REUSEADDR and
     * SO_LINGER and the IPv6 level's IPV6_V6ONLY, and knows which levels a socket has.
     *
     * @param value   the int the option is set to (for SO_LINGER, l_onoff)
     * @param seconds SO_LINGER's l_linger; 0 for other options
     * @param length  optlen, the size of the value in bytes
     */
    record SetSocketOption(int fd, int level, int option, int value, int seconds, int length) implements Syscall {
        /** SOL_IP (IPPROTO_IP). */
        public static final int SOL_IP = 0;
        /** SOL_SOCKET. */
        public static final int SOL_SOCKET = 1;
        /** SOL_TCP (IPPROTO_TCP). */
        public static final int SOL_TCP = 6;
        /** SOL_UDP (IPPROTO_UDP). */
        public static final int SOL_UDP = 17;
        /** SOL_IPV6 (IPPROTO_IPV6). */
        public static final int SOL_IPV6 = 41;
        /** SOL_MPTCP. */
        public static final int SOL_MPTCP = 284;
        /** SO_REUSEADDR. */
        public static final int SO_REUSEADDR = 2;
        /** SO_LINGER. */
        public static final int SO_LINGER = 13;
        /** IPV6_V6ONLY. */
        public static final int IPV6_V6ONLY = 26;
        /**
         * The highest option number at the IPv6 level a Linux 6.x kernel knows (IP6T_SO_ORIGINAL_DST,
         * netfilter's, which do_ipv6_setsockopt passes on); above it every number is ENOPROTOOPT.
         */
        public static final int LAST_IPV6_OPTION = 80;

        /** The value as an int: optlen is sizeof(int), or sizeof(struct linger) for SO_LINGER. */
        public SetSocketOption(int fd, int level, int option, int value, int seconds) {
            this(fd, level, option, value, seconds, level == SOL_SOCKET && option == SO_LINGER ? 8 : 4);
        }

        @Override
        public String name() {
            return "setsockopt";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SETSOCKOPT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.setSocketOption(this);
        }
    }

    /**
     * getsockopt(fd, level, option, value, length): the model runs SOL_SOCKET's SO_ERROR, which
     * reports the socket's pending error (sk_err) and clears it; other options change nothing.
     */
    record GetSocketOption(int fd, int level, int option) implements Syscall {
        /** SO_ERROR. */
        public static final int SO_ERROR = 4;

        @Override
        public String name() {
            return "getsockopt";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.GETSOCKOPT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.getSocketOption(this);
        }
    }

    /**
     * connect(fd, {sa_family=AF_UNSPEC}): on an AF_UNIX datagram socket, the end of its connection
     * (unix_dgram_connect); on an AF_UNIX stream or seqpacket socket, EINVAL.
     */
    record Disconnect(int fd) implements Syscall {
        @Override
        public String name() {
            return "connect";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CONNECT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.disconnect(this);
        }
    }

    /**
     * connect() to an address on this machine where the model sees no listener, which the kernel's
     * answer shows a server outside the trace (a process not traced) answering: it runs as connect()
     * to a server elsewhere.
     */
    record ConnectToOutside(int fd, Endpoint address) implements Syscall {
        public ConnectToOutside {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public String name() {
            return "connect";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CONNECT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.connectToOutside(this);
        }
    }

    /**
     * The end of a non-blocking connect's handshake with a server the model does not see (one
     * elsewhere, or outside the trace), as the kernel's answers reveal it: the server answered
     * (error null: TCP_ESTABLISHED) or it did not (the error, such as ECONNREFUSED, waits in sk_err).
     */
    record HandshakeFromOutside(int fd, Errno error) implements Syscall {
        @Override
        public String name() {
            return "connect";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CONNECT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.handshakeFromOutside(this);
        }
    }

    /**
     * signal(signal, handler): what the process does when the signal comes. The model runs
     * SIGPIPE's: its default action ends the process; ignored (SIG_IGN) or handled, a send on a
     * broken connection returns EPIPE instead.
     *
     * @param defaultAction true for SIG_DFL, false for SIG_IGN or a handler
     */
    record SignalAction(int signal, boolean defaultAction) implements Syscall {
        /** SIGPIPE's number on Linux. */
        public static final int SIGPIPE = 13;

        @Override
        public String name() {
            return "signal";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SIGNAL);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.signalAction(this);
        }
    }

    /** shutdown(fd, how): SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2. */
    record Shutdown(int fd, int how) implements Syscall {
        @Override
        public String name() {
            return "shutdown";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SHUTDOWN);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.shutdown(this);
        }
    }

    /** dup(fd). */
    record Dup(int fd) implements Syscall {
        @Override
        public String name() {
            return "dup";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.DUP);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.dup(this);
        }
    }

    /**
     * dup2(fd, newFd), or with {@code three} dup3(fd, newFd, flags): dup3 refuses newFd == fd and
     * any flag but O_CLOEXEC (EINVAL), and O_CLOEXEC marks the new descriptor close-on-exec.
     */
    record Dup2(int fd, int newFd, int flags, boolean three) implements Syscall {
        /** dup2(fd, newFd). */
        public Dup2(int fd, int newFd) {
            this(fd, newFd, 0, false);
        }

        @Override
        public String name() {
            return three ? "dup3" : "dup2";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.DUP2);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.dup2(this);
        }
    }

    /**
     * pidfd_getfd(pidfd, targetfd, flags): the open file behind descriptor {@code targetFd} of
     * process {@code targetPid} (the one the pidfd refers to) gets a descriptor in the caller's
     * table too.
     */
    record GetFd(int pidfd, int targetPid, int targetFd, int flags) implements Syscall {
        @Override
        public String name() {
            return "pidfd_getfd";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.PIDFD_GETFD);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.getFd(this);
        }
    }

    /**
     * fork() — or clone() — creating process {@code childPid}; a thread ({@code sharesTable})
     * uses the caller's descriptor table, a forked child gets a copy.
     */
    record Fork(int childPid, String childName, boolean sharesTable) implements Syscall {
        public Fork {
            Objects.requireNonNull(childName, "childName");
        }

        @Override
        public String name() {
            return sharesTable ? "clone" : "fork";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.FORK);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.fork(this);
        }
    }

    /**
     * close_range(first, last, flags): every open descriptor from first to last is closed, or with
     * CLOSE_RANGE_CLOEXEC only marked close-on-exec. The numbers are unsigned in C (~0U is the
     * usual "to the end").
     */
    record CloseRange(long first, long last, int flags) implements Syscall {
        /** CLOSE_RANGE_UNSHARE: take a private copy of a shared table first. */
        public static final int CLOSE_RANGE_UNSHARE = 1 << 1;
        /** CLOSE_RANGE_CLOEXEC: mark instead of close. */
        public static final int CLOSE_RANGE_CLOEXEC = 1 << 2;

        @Override
        public String name() {
            return "close_range";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.CLOSE_RANGE);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.closeRange(this);
        }
    }

    /** exit(status): the process ends and its descriptors are closed. */
    record Exit(int status) implements Syscall {
        @Override
        public String name() {
            return "exit";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.EXIT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.exit(this);
        }
    }

    /**
     * execve(path, argv, envp), and the libc calls that end in it (execl, execv): the process
     * starts another program. A success empties every drawer marked close-on-exec and keeps the
     * others; the program's later lines never run. A path the machine has no program at fails
     * with ENOENT, and the process goes on as it was.
     *
     * @param path          the program's path, e.g. "/bin/ls"
     * @param argv          the new program's arguments, argv[0] first
     * @param programExists a program is at {@code path}: the lesson's machine knows it from
     *                      {@link #INSTALLED}, a replay from the log's answer
     */
    record Exec(String path, List<String> argv, boolean programExists) implements Syscall {
        /** The programs every machine of the model has (a Debian system's /bin, merged into /usr/bin). */
        public static final Set<String> INSTALLED = installed("ls", "cat", "echo", "true", "false", "sh", "sleep",
                "env");

        public Exec {
            Objects.requireNonNull(path, "path");
            argv = List.copyOf(argv);
        }

        /** execve() of a path, decided by the programs the model's machine has. */
        public Exec(String path, List<String> argv) {
            this(path, argv, INSTALLED.contains(path));
        }

        /** The last part of the path, which Linux makes the process's name (comm): "/bin/ls" → "ls". */
        public String programName() {
            String name = path.substring(path.lastIndexOf('/') + 1);
            return name.isEmpty() ? path : name.length() > 15 ? name.substring(0, 15) : name;
        }

        private static Set<String> installed(String... names) {
            Set<String> paths = new TreeSet<>();
            for (String n : names) {
                paths.add("/bin/" + n);
                paths.add("/usr/bin/" + n);
            }
            return Set.copyOf(paths);
        }

        @Override
        public String name() {
            return "execve";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.EXECVE);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.exec(this);
        }
    }

    /**
     * socket(AF_NETLINK, type, protocol) where the kernel put it: a netlink socket in drawer
     * {@code fd}; {@code protocol} is the short name ("ROUTE") strace -yy shows.
     */
    record NetlinkSocket(int fd, String protocol, boolean closeOnExec) implements Syscall {
        public NetlinkSocket {
            Objects.requireNonNull(protocol, "protocol");
        }

        @Override
        public String name() {
            return "socket";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SOCKET);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.netlinkSocket(this);
        }
    }

    /**
     * bind() on a netlink socket asking for port id {@code requested} (0: the kernel chooses);
     * {@code portId} is the port id the socket gets, 0 for "the process's id" (what
     * netlink_autobind tries first); {@code protocol} is the netlink protocol's short
     * name ("ROUTE", "SOCK_DIAG"), as strace -yy shows it.
     */
    record NetlinkBind(int fd, String protocol, int requested, int portId) implements Syscall {
        public NetlinkBind {
            Objects.requireNonNull(protocol, "protocol");
        }

        @Override
        public String name() {
            return "bind";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.BIND);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.netlinkBind(this);
        }
    }

    /** setrlimit(RLIMIT_NOFILE, limit) (prlimit64 in strace). */
    record SetLimit(int limit) implements Syscall {
        @Override
        public String name() {
            return "setrlimit";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.RLIMIT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.setLimit(this);
        }
    }

    /**
     * The kernel gave the process descriptor {@code fd} for an open file the model does not
     * build itself: a file, pipe or epoll instance a trace shows being opened, or something
     * opened where the model could not look ({@link FileKind#UNKNOWN}). Never a socket: those
     * come from {@link Socket}, {@link SocketPair} and accept.
     *
     * @param label       what the file is: a path, "pipe:[17276]", or "?" when nothing is known
     * @param closeOnExec the call asked for close-on-exec (O_CLOEXEC, EPOLL_CLOEXEC, EFD_CLOEXEC, ...),
     *                    or always sets it (pidfd_open, pidfd_getfd): execve() will close the drawer
     * @param call        the call as the program spelled it ("memfd_create", "pipe2", "epoll_create1"),
     *                    which the window names in its result line
     */
    record Open(int fd, FileKind kind, String label, boolean closeOnExec, String call) implements Syscall {
        public Open {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(call, "call");
            if (kind == FileKind.SOCKET) {
                throw new IllegalArgumentException("an inet or unix socket is made by socket(), not opened");
            }
        }

        /** A file opened by open() without close-on-exec. */
        public Open(int fd, FileKind kind, String label) {
            this(fd, kind, label, false, "open");
        }

        @Override
        public String name() {
            return call;
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.OPEN);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.open(this);
        }
    }

    /**
     * epoll_ctl(epfd, op, fd, event): adds, changes or removes the entry for {@code fd} (and the
     * open file behind it) in the interest list of the epoll instance {@code epfd}.
     *
     * @param events the readiness bits asked for (EPOLLIN is {@link Readiness#POLLIN}, ...); 0 for DEL
     */
    record EpollControl(int epfd, Op op, int fd, int events) implements Syscall {
        /** EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL. */
        public enum Op { ADD, MOD, DEL }

        public EpollControl {
            Objects.requireNonNull(op, "op");
        }

        @Override
        public String name() {
            return "epoll_ctl";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.EPOLL_CTL);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.epollControl(this);
        }
    }

    /**
     * poll, ppoll, select, pselect6, epoll_wait and its kin: which descriptors the wait found ready.
     * The answer is given (a replay's is the kernel's); the step shows it and changes nothing.
     *
     * @param name  the call as the program made it ("epoll_wait", "poll")
     * @param epfd  the epoll instance waited on, or -1 for poll and select
     * @param found each descriptor asked about (or watched), in the order asked
     */
    record Wait(String name, int epfd, List<Found> found) implements Syscall {
        /**
         * One descriptor: what it was found to be (POLLIN, POLLOUT, POLLERR, POLLHUP... bits; select's
         * read, write and except sets as POLLIN, POLLOUT, POLLPRI), and whether the model could not know
         * that answer (a connection, datagram or event from outside what it sees).
         */
        public record Found(int fd, int ready, boolean unsure) {
        }

        public Wait {
            Objects.requireNonNull(name, "name");
            found = List.copyOf(found);
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(epfd >= 0 ? SyscallKind.EPOLL_WAIT : SyscallKind.POLL);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.waitReady(this);
        }
    }

    /**
     * Every free drawer below {@code below} holds something opened where the model could not
     * look ({@link FileKind#UNKNOWN}): a trace whose filter hid the calls, a program's start-up.
     * Returns how many drawers it filled.
     */
    record OpenedOutside(int below) implements Syscall {
        @Override
        public String name() {
            return "open";
        }

        /** Made by the model (a replay's inference), not by a program: no call describes it. */
        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.empty();
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.openedOutside(this);
        }
    }

    /** socketpair(family, type | flags, protocol): two sockets connected to each other. */
    record SocketPair(int family, int type, int protocol) implements Syscall {
        @Override
        public String name() {
            return "socketpair";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.SOCKETPAIR);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.socketPair(this);
        }
    }

    /**
     * accept() of a connection from a client the model does not see (another machine, or a
     * process outside the lesson): its SYN arrives and the handshake completes, the connection
     * waits in the listener's queue, then accept() takes the oldest waiting connection.
     *
     * @param peer the client's address, or null when it is not known
     */
    record AcceptFromOutside(int fd, int flags, boolean four, Endpoint peer) implements Syscall {
        @Override
        public String name() {
            return four ? "accept4" : "accept";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.ACCEPT);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.acceptFromOutside(this);
        }
    }

    /**
     * A process the model did not see being created (strace attached to it, or its fork was
     * not traced) starts with a descriptor table of its own, empty until something shows what
     * is in it. Made with the new process's pid; it must not exist yet.
     */
    record Attach(int pid, String processName, Credentials credentials, int descriptorLimit) implements Syscall {
        public Attach {
            Objects.requireNonNull(processName, "processName");
            Objects.requireNonNull(credentials, "credentials");
        }

        @Override
        public String name() {
            return "attach";
        }

        /** Made by the model (a replay's inference), not by a program: no call describes it. */
        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.empty();
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.attach(this);
        }
    }
    /**
     * fcntl(fd, command, argument): F_GETFD/F_SETFD (FD_CLOEXEC on the drawer), F_GETFL/F_SETFL
     * (O_NONBLOCK on the open file), F_DUPFD/F_DUPFD_CLOEXEC (the lowest free drawer at or above
     * {@code argument}).
     */
    record Fcntl(int fd, int command, long argument) implements Syscall {
        @Override
        public String name() {
            return "fcntl";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.FCNTL);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.fcntl(this);
        }
    }

    /**
     * ioctl(fd, request, &amp;argument): FIONBIO (O_NONBLOCK on the open file when the int is not 0),
     * FIOCLEX and FIONCLEX (FD_CLOEXEC on the drawer).
     */
    record Ioctl(int fd, int request, int argument) implements Syscall {
        @Override
        public String name() {
            return "ioctl";
        }

        @Override
        public Optional<SyscallKind> syscallKind() {
            return Optional.of(SyscallKind.IOCTL);
        }

        @Override
        public <R> R match(SyscallCases<R> cases) {
            return cases.ioctl(this);
        }
    }
}
