// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Single lines in every form strace prints, including ones the recorded logs do not contain. */
class LineFormatsTest {

    @Test
    void oldPfSpellingsMeanTheSameFamilies() {
        TraceCall c = Traces.call("socket(PF_INET, SOCK_STREAM, IPPROTO_TCP) = 3");
        assertThat(c.arg(0).orElseThrow().flagNames()).containsExactly("PF_INET");
        assertThat(c.arg(0).orElseThrow().asInt()).hasValue(2);
        assertThat(StraceSymbols.canonical("PF_INET")).isEqualTo("AF_INET");
        assertThat(StraceSymbols.canonical("PF_LOCAL")).isEqualTo("AF_UNIX");

        TraceCall old = Traces.call("connect(3, {sa_family=PF_INET6, sin6_port=htons(443), "
                + "sin6_addr=inet_pton(\"2001:db8::1\")}, 28) = 0");
        assertThat(old.arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET6", "2001:db8::1", 443));
    }

    @Test
    void bothPidPrefixesAndTimestampsAfterThem() {
        ParsedTrace t = Traces.log(
                "[pid  5046] 22:31:07.123456 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3 <0.000022>",
                "5047  22:31:07.123500 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4 <0.000010>");
        assertThat(t.calls()).extracting(TraceCall::pid).containsExactly(5046, 5047);
        assertThat(t.calls()).extracting(TraceCall::timestamp).containsExactly("22:31:07.123456", "22:31:07.123500");
        assertThat(t.calls()).extracting(TraceCall::durationSeconds).containsExactly(0.000022, 0.000010);
        assertThat(t.calls().get(0).name()).isEqualTo("socket");
    }

    @Test
    void linesWithoutPidBeforeTheFirstForkBelongToTheMainProcess() {
        ParsedTrace t = Traces.log(
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 12",
                "[pid    12] socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = 4",
                "[pid    11] close(3) = 0",
                "[pid    12] +++ exited with 0 +++",
                "close(4) = 0",
                "+++ exited with 0 +++");
        assertThat(t.hasPids()).isTrue();
        assertThat(t.mainPid()).isEqualTo(11);
        assertThat(t.events()).extracting(TraceEvent::pid).containsExactly(11, 11, 12, 11, 12, 11, 11);
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void unfinishedCallsInterleavedAcrossThreePidsPairUpByPid() {
        ParsedTrace t = Traces.log(
                "[pid 10] read(3,  <unfinished ...>",
                "[pid 11] accept4(4,  <unfinished ...>",
                "[pid 12] recvfrom(5,  <unfinished ...>",
                "[pid 11] <... accept4 resumed>{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"10.0.0.1\")}, [16], SOCK_CLOEXEC) = 6",
                "[pid 12] <... recvfrom resumed>\"x\", 1, 0, NULL, NULL) = 1",
                "[pid 10] <... read resumed>\"\", 8) = 0");
        assertThat(t.warnings()).isEmpty();
        assertThat(t.calls()).extracting(TraceCall::name, TraceCall::pid, TraceCall::startLine, TraceCall::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accept4", 11, 2, 4),
                        org.assertj.core.groups.Tuple.tuple("recvfrom", 12, 3, 5),
                        org.assertj.core.groups.Tuple.tuple("read", 10, 1, 6));
        TraceCall accept = t.calls().get(0);
        assertThat(accept.args()).extracting(Arg::render).containsExactly(
                "4", "{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"10.0.0.1\")}", "[16]", "SOCK_CLOEXEC");
        assertThat(accept.result().asFd()).map(FdRef::fd).contains(6);
    }

    @Test
    void resultsWithoutAValue() {
        assertThat(Traces.call("exit_group(0) = ?").result())
                .isEqualTo(new Result(null, null, null, null, null));
        Result restart = Traces.call("accept(3, NULL, NULL) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)").result();
        assertThat(restart.isUnknown()).isTrue();
        assertThat(restart.errno()).isEqualTo("ERESTARTSYS");
        assertThat(restart.knownErrno()).isEmpty();
        Result gone = Traces.call("exit_group(0)                     = ? <unavailable>").result();
        assertThat(gone.note()).isEqualTo("<unavailable>");
        assertThat(Traces.call("mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, -1, 0) = 0x7f60d097b000").result().value())
                .isEqualTo(0x7f60d097b000L);
        assertThat(Traces.call("lseek(3, 0, SEEK_END) = 0xffffffffffffffff").result().value()).isEqualTo(-1L);
        Result injected = Traces.call("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 ENFILE (Too many open files in system) (INJECTED)").result();
        assertThat(injected.errno()).isEqualTo("ENFILE");
        assertThat(injected.note()).isEqualTo("(INJECTED)");
        assertThat(Traces.call("connect(3, 0x7ffd, 16) = -1 ECONNREFUSED (Connection refused) <0.000040>")
                .durationSeconds()).isEqualTo(0.000040);
    }

    @Test
    void signalsExitsAndStraceMessages() {
        ParsedTrace t = Traces.log(
                "strace: Process 123 attached",
                "[pid   123] --- stopped by SIGSTOP ---",
                "[pid   123] --- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=NULL} ---",
                "[pid   123] +++ killed by SIGSEGV (core dumped) +++",
                "strace: Process 124 detached",
                "[pid   125] +++ superseded by execve in pid 126 +++",
                "[ Process PID=127 runs in 32 bit mode. ]");
        assertThat(t.warnings()).isEmpty();
        assertThat(((TraceNote) t.events().get(0)).attachedPid()).hasValue(123);
        TraceSignal stop = (TraceSignal) t.events().get(1);
        assertThat(stop.stopped()).isTrue();
        assertThat(stop.signal()).isEqualTo("SIGSTOP");
        assertThat(stop.info()).isNull();
        TraceSignal segv = (TraceSignal) t.events().get(2);
        assertThat(segv.info().field("si_addr")).contains(Arg.NULL);
        TraceExit exit = (TraceExit) t.events().get(3);
        assertThat(exit.killedBy()).isEqualTo("SIGSEGV");
        assertThat(exit.coreDumped()).isTrue();
        assertThat(exit.pid()).isEqualTo(123);
        assertThat(((TraceNote) t.events().get(4)).message()).isEqualTo("Process 124 detached");
        assertThat(((TraceNote) t.events().get(5)).message()).isEqualTo("superseded by execve in pid 126");
        assertThat(((TraceNote) t.events().get(6)).message()).startsWith("[ Process PID=127");
    }

    @Test
    void commentsArraysAndSignalSets() {
        TraceCall dents = Traces.call("getdents64(3, 0x55d0 /* 5 entries */, 32768) = 160");
        assertThat(dents.arg(1).orElseThrow()).isEqualTo(new Arg.Num(0x55d0, "0x55d0", null, "5 entries"));
        TraceCall mask = Traces.call("rt_sigprocmask(SIG_BLOCK, ~[RTMIN RT_1], [CHLD], 8) = 0");
        Arg.Array set = (Arg.Array) mask.arg(1).orElseThrow();
        assertThat(set.complement()).isTrue();
        assertThat(set.items()).extracting(Arg::render).containsExactly("RTMIN", "RT_1");
        TraceCall env = Traces.call("execve(\"/bin/true\", [\"true\"], [/* 20 vars */]) = 0");
        assertThat(((Arg.Array) env.arg(2).orElseThrow()).comment()).isEqualTo("20 vars");
        TraceCall poll = Traces.call("poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}], 2, -1) = 1 ([{fd=4, revents=POLLOUT}])");
        Arg.Array fds = (Arg.Array) poll.arg(0).orElseThrow();
        assertThat(((Arg.Struct) fds.items().get(0)).field("events").orElseThrow().flagNames())
                .containsExactly("POLLIN", "POLLPRI");
        assertThat(poll.arg(2).orElseThrow().asInt()).hasValue(-1);
        TraceCall stat = Traces.call("newfstatat(1, \"\", {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0), ...}, AT_EMPTY_PATH) = 0");
        Arg.Struct st = (Arg.Struct) stat.arg(2).orElseThrow();
        assertThat(st.more()).isTrue();
        assertThat(st.fields().keySet()).containsExactly("st_mode", "st_rdev");
        assertThat(((Arg.Flags) st.field("st_mode").orElseThrow()).unknownBits()).isEqualTo(0620);
        assertThat(st.field("st_rdev").orElseThrow()).isInstanceOf(Arg.Func.class);
        TraceCall wait = Traces.call("wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 7028");
        assertThat(wait.arg(1).orElseThrow().render()).isEqualTo("[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]");
        TraceCall sixteen = Traces.call("read(0, \"\\x41\\102\\0\", 3) = 3");
        assertThat(sixteen.arg(1).flatMap(Arg::asString)).contains("AB\0");
    }

    @Test
    void socketAddressesInAllThreeForms() {
        assertThat(Traces.call("connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET", "127.0.0.1", 80));
        assertThat(Traces.call("connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
                + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET6", "::1", 443));
        assertThat(Traces.call("connect(3, {sa_family=AF_UNIX, sun_path=\"/run/x\"}, 110) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_UNIX", "/run/x", null));
        assertThat(Traces.call("bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_NETLINK", null, null));
        assertThat(Traces.call("close(3) = 0").arg(0).flatMap(Arg::asSockAddr)).isEmpty();
    }

    @Test
    void cloneFlagsTellThreadsFromForks() {
        CloneInfo thread = Traces.call("clone(child_stack=0x7f2f, flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND"
                + "|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, "
                + "parent_tid=[5047], tls=0x7f2f, child_tidptr=0x7f2f) = 5047").cloneInfo().orElseThrow();
        assertThat(thread.sharesFileTable()).isTrue();
        assertThat(thread.isThread()).isTrue();
        assertThat(thread.childPid()).isEqualTo(5047);
        CloneInfo fork = Traces.call("fork() = 5048").cloneInfo().orElseThrow();
        assertThat(fork.sharesFileTable()).isFalse();
        assertThat(fork.flagBits()).isZero();
        assertThat(fork.childPid()).isEqualTo(5048);
        CloneInfo failed = Traces.call("clone3({flags=CLONE_VM, exit_signal=SIGCHLD}, 88) = -1 ENOSYS (Function not implemented)")
                .cloneInfo().orElseThrow();
        assertThat(failed.childPid()).isNull();
        CloneInfo numeric = Traces.call("clone(child_stack=NULL, flags=0x400|SIGCHLD) = 9").cloneInfo().orElseThrow();
        assertThat(numeric.sharesFileTable()).isTrue();
        assertThat(Traces.call("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3").cloneInfo()).isEmpty();
    }

    @Test
    void resourceLimitsWithProductsAndInfinity() {
        RlimitCall read = Traces.call("prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=1024, rlim_max=512*1024}) = 0")
                .rlimit().orElseThrow();
        assertThat(read.newLimit()).isNull();
        assertThat(read.oldLimit()).isEqualTo(new RlimitCall.Limit(1024, 524288));
        RlimitCall set = Traces.call("setrlimit(RLIMIT_NOFILE, {rlim_cur=16, rlim_max=16}) = 0").rlimit().orElseThrow();
        assertThat(set.pid()).isNull();
        assertThat(set.newLimit()).isEqualTo(new RlimitCall.Limit(16, 16));
        RlimitCall get = Traces.call("getrlimit(RLIMIT_NOFILE, {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}) = 0")
                .rlimit().orElseThrow();
        assertThat(get.oldLimit().curUnlimited()).isTrue();
        RlimitCall other = Traces.call("prlimit64(4242, RLIMIT_NOFILE, {rlim_cur=8, rlim_max=8}, {rlim_cur=1024, rlim_max=4096}) = 0")
                .rlimit().orElseThrow();
        assertThat(other.pid()).isEqualTo(4242);
        assertThat(other.oldLimit()).isEqualTo(new RlimitCall.Limit(1024, 4096));
        RlimitCall denied = Traces.call("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1048577, rlim_max=1048577}, NULL) = -1 EPERM (Operation not permitted)")
                .rlimit().orElseThrow();
        assertThat(denied.newLimit().cur()).isEqualTo(1048577);
    }

    @Test
    void instructionPointersAndSyscallNumbersBeforeTheCallAreSkipped() {
        assertThat(Traces.call("[00007f3c2a1b2c3d] socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3").name()).isEqualTo("socket");
        assertThat(Traces.call("[  41] socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3").result().value()).isEqualTo(3);
        assertThat(Traces.call("syscall_0x1b6(0x1, 0x2) = -1 ENOSYS (Function not implemented)").name())
                .isEqualTo("syscall_0x1b6");
    }

    @Test
    void decorationsOnArgumentsAndResults() {
        TraceCall c = Traces.call("accept4(3<TCP:[127.0.0.1:80]>, NULL, NULL, SOCK_CLOEXEC) = 5<TCP:[127.0.0.1:80->127.0.0.1:50900]>");
        assertThat(c.arg(0).flatMap(Arg::asFd).orElseThrow().decoration().localAddress()).contains("127.0.0.1:80");
        assertThat(c.result().asFd().orElseThrow().decoration().remoteAddress()).contains("127.0.0.1:50900");
        TraceCall unix = Traces.call("close(7<UNIX:[12345->12346]>) = 0");
        assertThat(unix.arg(0).flatMap(Arg::asFd).orElseThrow().decoration().inode()).hasValue(12345);
        TraceCall file = Traces.call("read(3</tmp/with [brackets] and (parens)>, \"\", 1) = 0");
        assertThat(file.arg(0).flatMap(Arg::asFd).orElseThrow().decoration().path()).contains("/tmp/with [brackets] and (parens)");
        assertThat(file.args()).hasSize(3);
        TraceCall deleted = Traces.call("close(4</tmp/gone (deleted)>) = 0");
        assertThat(deleted.arg(0).flatMap(Arg::asFd).orElseThrow().decoration().path()).contains("/tmp/gone (deleted)");
    }

    @Test
    void shiftsInFlagSetsAreNotDecorations() {
        // node-http.strace:86 (capget) and ss-tan.strace:187 (sendmsg to NETLINK_SOCK_DIAG), cut short
        ParsedTrace t = Traces.log(
                "16576 17:33:42.007212 capget({version=_LINUX_CAPABILITY_VERSION_3, pid=16576}, "
                        + "{effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_CHECKPOINT_RESTORE, "
                        + "permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE, inheritable=0}) = 0",
                "16745 17:33:55.359134 sendmsg(3<NETLINK:[SOCK_DIAG:16745]>, {msg_name={sa_family=AF_NETLINK, "
                        + "nl_pid=0, nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[{nlmsg_len=72, "
                        + "nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=123456, "
                        + "nlmsg_pid=0}, {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, "
                        + "idiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_CLOSING|0x1, "
                        + "id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr(\"0.0.0.0\"), "
                        + "idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, idiag_cookie=[0, 0]}}], iov_len=72}], "
                        + "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 72");
        assertThat(t.warnings()).isEmpty();
        assertThat(t.calls()).extracting(TraceCall::name).containsExactly("capget", "sendmsg");
        assertThat(t.calls().get(0).args()).hasSize(2);
        assertThat(t.calls().get(1).args()).hasSize(3);
        assertThat(t.calls().get(1).arg(0).flatMap(Arg::asFd).orElseThrow().decoration().inode()).isEmpty();
        assertThat(t.calls().get(1).result().value()).isEqualTo(72L);

        // a real -y decoration right after a shift, with a comma and a '>' of its own inside
        TraceCall after = Traces.call("setsockopt(1<<TCP_LISTEN|1<<TCP_CLOSE, 5<TCP:[127.0.0.1:80->127.0.0.1:50900]>, "
                + "7</tmp/a,b>) = 0");
        assertThat(after.args()).hasSize(3);
        assertThat(after.arg(1).flatMap(Arg::asFd).orElseThrow().decoration().remoteAddress())
                .contains("127.0.0.1:50900");
        assertThat(after.arg(2).flatMap(Arg::asFd).orElseThrow().decoration().path()).contains("/tmp/a,b");
    }

    @Test
    void aLongRunOfRepeatedLinesSharesItsArguments() {
        String[] lines = new String[1000];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = " + (3 + i % 5);
        }
        List<TraceCall> calls = Traces.log(lines).calls();
        assertThat(calls).hasSize(1000);
        assertThat(calls.get(999).args()).isSameAs(calls.get(0).args());
        assertThat(calls.get(999).result()).isSameAs(calls.get(4).result());
        assertThat(calls.get(999).result().value()).isEqualTo(7L);
    }

    @Test
    void rawAndVerboseNumbersStillGiveAddresses() {
        // recorded with strace -X raw and -X verbose from python3 binding ::1 and a UNIX path
        assertThat(Traces.call("bind(3, {sa_family=0xa, sin6_port=\"\\x00\\x00\", sin6_flowinfo=\"\\x00\\x00\\x00\\x00\", "
                + "sin6_addr=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\", sin6_scope_id=0}, 28) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET6", "::1", 0));
        assertThat(Traces.call("bind(4, {sa_family=0x1, sun_path=\"/tmp/socketlab/x.sock\"}, 24) = 0")
                .arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_UNIX", "/tmp/socketlab/x.sock", null));
        TraceCall verbose = Traces.call("socket(0x2 /* AF_INET */, 0x80801 /* SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK */, 0 /* IPPROTO_IP */) = 3");
        assertThat(verbose.arg(1).orElseThrow().flagNames()).containsExactly("SOCK_STREAM", "SOCK_CLOEXEC", "SOCK_NONBLOCK");
        assertThat(verbose.arg(1).orElseThrow().asLong()).hasValue(0x80801);
        assertThat(verbose.arg(2).orElseThrow().render()).isEqualTo("0 /* IPPROTO_IP */");
        assertThat(Traces.call("socket(0x2, 0x1, 0) = 3").arg(0).orElseThrow().asInt()).hasValue(2);
    }
}
