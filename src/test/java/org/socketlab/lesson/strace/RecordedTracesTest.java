// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The logs recorded for the parser (assets/traces): each teaches one output format. */
class RecordedTracesTest {

    static List<String> recorded() {
        return Traces.RECORDED;
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void everyRecordedLogParsesWithoutWarnings(String resource) {
        ParsedTrace t = Traces.parse(resource);

        assertThat(t.warnings()).isEmpty();
        assertThat(t.events()).isNotEmpty();
        assertThat(t.events()).extracting(TraceEvent::line).isSorted();
        assertThat(t.events()).hasAtLeastOneElementOfType(TraceExit.class);
        if (t.hasPids()) {
            assertThat(t.events()).allSatisfy(e -> assertThat(e.pid()).isNotNull());
        }
    }

    @Test
    void forkCopiesTheTableSoParentAndChildBothGetFour() {
        ParsedTrace t = Traces.parse("/assets/traces/fork-f.strace");

        CloneInfo fork = t.calls("clone").get(0).cloneInfo().orElseThrow();
        assertThat(fork.sharesFileTable()).isFalse();
        assertThat(fork.isThread()).isFalse();
        assertThat(fork.childPid()).isEqualTo(8396);
        assertThat(fork.flags()).containsExactly("CLONE_CHILD_CLEARTID", "CLONE_CHILD_SETTID", "SIGCHLD");

        List<TraceCall> fours = t.calls("socket").stream().filter(c -> c.result().value() == 4).toList();
        assertThat(fours).extracting(TraceCall::pid).containsExactly(8395, 8396);

        TraceCall childSocket = fours.get(1);
        assertThat(childSocket.wasInterrupted()).isTrue();
        assertThat(childSocket.startLine()).isEqualTo(6);
        assertThat(childSocket.line()).isEqualTo(8);
        assertThat(childSocket.args()).extracting(Arg::render).containsExactly("AF_INET", "SOCK_DGRAM", "IPPROTO_IP");
        assertThat(childSocket.rawText()).isEqualTo(
                "8396  socket(AF_INET, SOCK_DGRAM, IPPROTO_IP <unfinished ...>\n8396  <... socket resumed>)             = 4");

        TraceCall wait = t.calls("wait4").get(0);
        assertThat(wait.pid()).isEqualTo(8395);
        assertThat(wait.startLine()).isEqualTo(7);
        assertThat(wait.line()).isEqualTo(13);
        assertThat(wait.args()).extracting(Arg::render).containsExactly("8396", "NULL", "0", "NULL");
        assertThat(t.mainPid()).isEqualTo(8395);
    }

    @Test
    void aThreadSharesTheTableSoMainGetsFive() {
        ParsedTrace t = Traces.parse("/assets/traces/thread-f.strace");

        TraceCall clone3 = t.calls("clone3").get(0);
        CloneInfo thread = clone3.cloneInfo().orElseThrow();
        assertThat(thread.sharesFileTable()).isTrue();
        assertThat(thread.isThread()).isTrue();
        assertThat(thread.childPid()).isEqualTo(8401);
        assertThat(thread.flagBits() & 0x400).isEqualTo(0x400);
        Arg.InOut io = (Arg.InOut) clone3.arg(0).orElseThrow();
        assertThat(((Arg.Struct) io.out()).field("parent_tid").orElseThrow().render()).isEqualTo("[8401]");

        assertThat(t.calls("socket")).extracting(TraceCall::pid, c -> c.result().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(8400, 3L),
                        org.assertj.core.groups.Tuple.tuple(8401, 4L),
                        org.assertj.core.groups.Tuple.tuple(8400, 5L));
    }

    @Test
    void acceptBlocksInOneThreadWhileTheOtherConnects() {
        ParsedTrace t = Traces.parse("/assets/traces/accept-thread-f-tt-T-yy.strace");

        TraceCall accept = t.calls("accept4").get(0);
        assertThat(accept.pid()).isEqualTo(8406);
        assertThat(accept.startLine()).isEqualTo(9);
        assertThat(accept.line()).isEqualTo(12);
        assertThat(accept.timestamp()).as("the time it began").isEqualTo("22:40:42.750113");
        assertThat(accept.durationSeconds()).isEqualTo(0.102787);
        FdRef listener = accept.arg(0).flatMap(Arg::asFd).orElseThrow();
        assertThat(listener.fd()).isEqualTo(3);
        assertThat(listener.decoration().localAddress()).contains("127.0.0.1:45797");
        assertThat(listener.decoration().remoteAddress()).isEmpty();
        assertThat(accept.arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET", "127.0.0.1", 39574));
        assertThat(accept.arg(3).orElseThrow().flagNames()).containsExactly("SOCK_CLOEXEC");
        FdRef conn = accept.result().asFd().orElseThrow();
        assertThat(conn.fd()).isEqualTo(4);
        assertThat(conn.isSocket()).isTrue();
        assertThat(conn.decoration().kind()).isEqualTo("TCP");
        assertThat(conn.decoration().remoteAddress()).contains("127.0.0.1:39574");

        TraceCall connect = t.calls("connect").get(0);
        assertThat(connect.pid()).isEqualTo(8405);
        assertThat(connect.line()).isBetween(accept.startLine(), accept.line());
        assertThat(t.format()).isEqualTo(new TraceFormat(TraceFormat.TimestampStyle.TIME_OF_DAY_MICROS, true, true, true));
        assertThat(TraceFormat.seconds(accept.timestamp())).isCloseTo(22 * 3600 + 40 * 60 + 42.750113, within(1e-6));
    }

    @Test
    void stderrOutputSplitsTheCloneLineAndDropsPidsWhenAlone() {
        ParsedTrace t = Traces.parse("/assets/traces/fork-f-stderr.strace");

        assertThat(t.mainPid()).isEqualTo(8496);
        TraceNote attached = (TraceNote) t.events().stream().filter(TraceNote.class::isInstance).findFirst().orElseThrow();
        assertThat(attached.attachedPid()).hasValue(8497);
        assertThat(attached.line()).isEqualTo(4);
        TraceCall clone = t.calls("clone").get(0);
        assertThat(clone.startLine()).isEqualTo(4);
        assertThat(clone.line()).isEqualTo(5);
        assertThat(clone.pid()).isEqualTo(8496);
        assertThat(clone.namedArg("child_tidptr").orElseThrow().asLong()).hasValue(0x7f985c408a10L);
        assertThat(clone.cloneInfo().orElseThrow().childPid()).isEqualTo(8497);

        assertThat(t.calls().get(0).pid()).as("lines before the fork belong to the main process").isEqualTo(8496);
        TraceCall wait = t.calls("wait4").get(0);
        assertThat(wait.pid()).as("printed without pid once the child is gone").isEqualTo(8496);
        assertThat(wait.startLine()).isEqualTo(8);
        assertThat(t.events().get(t.events().size() - 1).pid()).isEqualTo(8496);

        ParsedTrace accept = Traces.parse("/assets/traces/accept-thread-f-stderr.strace");
        TraceCall clone3 = accept.calls("clone3").get(0);
        assertThat(clone3.cloneInfo().orElseThrow().sharesFileTable()).isTrue();
        assertThat(clone3.pid()).isEqualTo(8491);
        assertThat(accept.calls("accept4").get(0).pid()).isEqualTo(8492);
    }

    @Test
    void interruptedAcceptReturnsQuestionMarkAndChildrenExitOrAreKilled() {
        ParsedTrace t = Traces.parse("/assets/traces/interrupted-f.strace");

        Result accept = t.calls("accept").get(0).result();
        assertThat(accept.isUnknown()).isTrue();
        assertThat(accept.isError()).isTrue();
        assertThat(accept.errno()).isEqualTo("ERESTARTSYS");
        assertThat(accept.errnoMessage()).isEqualTo("To be restarted if SA_RESTART is set");

        List<TraceExit> exits = t.events().stream().filter(TraceExit.class::isInstance).map(TraceExit.class::cast).toList();
        assertThat(exits).extracting(TraceExit::pid, TraceExit::exitCode, TraceExit::killedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8432, 3, null),
                org.assertj.core.groups.Tuple.tuple(8468, null, "SIGKILL"),
                org.assertj.core.groups.Tuple.tuple(8469, 0, null),
                org.assertj.core.groups.Tuple.tuple(8430, 0, null));

        CloneInfo vfork = t.calls("vfork").get(0).cloneInfo().orElseThrow();
        assertThat(vfork.childPid()).isEqualTo(8469);
        assertThat(vfork.sharesFileTable()).isFalse();
        assertThat(t.calls("vfork").get(0).startLine()).isEqualTo(20);

        TraceSignal killed = t.events().stream().filter(e -> e instanceof TraceSignal s && s.line() == 19)
                .map(TraceSignal.class::cast).findFirst().orElseThrow();
        assertThat(killed.info().field("si_status").orElseThrow().flagNames()).containsExactly("SIGKILL");
        assertThat(killed.info().field("si_status").orElseThrow().asInt()).hasValue(9);
    }

    @Test
    void timestampStylesAreRecognised() {
        ParsedTrace t = Traces.parse("/assets/traces/lifecycle-t.strace");
        ParsedTrace ttt = Traces.parse("/assets/traces/lifecycle-ttt-T.strace");
        ParsedTrace r = Traces.parse("/assets/traces/lifecycle-r.strace");
        ParsedTrace fr = Traces.parse("/assets/traces/fork-f-r.strace");

        assertThat(t.format().timestamps()).isEqualTo(TraceFormat.TimestampStyle.TIME_OF_DAY);
        assertThat(t.calls().get(0).timestamp()).isEqualTo("22:40:52");
        assertThat(ttt.format()).isEqualTo(new TraceFormat(TraceFormat.TimestampStyle.EPOCH, true, false, false));
        assertThat(ttt.calls().get(0).timestamp()).isEqualTo("1795732852.576826");
        assertThat(ttt.calls().get(0).durationSeconds()).isEqualTo(0.000215);
        assertThat(ttt.calls("exit_group").get(0).durationSeconds()).as("no -T time for a call that never returns").isNull();
        assertThat(r.format().timestamps()).isEqualTo(TraceFormat.TimestampStyle.RELATIVE);
        assertThat(r.calls().get(1).timestamp()).isEqualTo("0.000309");
        assertThat(fr.format().timestamps()).isEqualTo(TraceFormat.TimestampStyle.RELATIVE);
        assertThat(fr.calls("socket")).allSatisfy(c -> assertThat(c.timestamp()).startsWith("0.0"));
        assertThat(fr.calls("socket")).extracting(TraceCall::pid).contains(fr.mainPid());
    }

    @Test
    void decorationsTellSocketsFromFilesAndFollowTheirAddresses() {
        ParsedTrace y = Traces.parse("/assets/traces/lifecycle-y.strace");
        FdRef first = y.calls("socket").get(0).result().asFd().orElseThrow();
        assertThat(first.decoration().kind()).isEqualTo("socket");
        assertThat(first.decoration().inode()).hasValue(15956);
        assertThat(first.isSocket()).isTrue();
        FdRef cache = y.calls("close").get(0).arg(0).flatMap(Arg::asFd).orElseThrow();
        assertThat(cache.isSocket()).isFalse();
        assertThat(cache.decoration().path()).contains("/etc/ld.so.cache");

        ParsedTrace yy = Traces.parse("/assets/traces/lifecycle-yy.strace");
        FdRef named = yy.calls("getsockname").get(0).arg(0).flatMap(Arg::asFd).orElseThrow();
        assertThat(named.decoration().localAddress()).contains("127.0.0.1:32769");
        FdRef udp = yy.calls("close").get(yy.calls("close").size() - 1).arg(0).flatMap(Arg::asFd).orElseThrow();
        assertThat(udp.decoration().kind()).isEqualTo("UDP");
        assertThat(udp.decoration().localAddress()).contains("0.0.0.0:52589");
    }

    @Test
    void pythonOpensEveryKindOfDescriptor() {
        ParsedTrace t = Traces.parse("/assets/traces/python-kinds-f-yy.strace");

        assertThat(t.calls("bind")).extracting(c -> c.arg(1).flatMap(Arg::asSockAddr).orElseThrow()).containsExactly(
                new SockAddr("AF_UNIX", "/tmp/socketlab-kinds.sock", null),
                new SockAddr("AF_UNIX", "@socketlab", null),
                new SockAddr("AF_INET6", "::1", 0));
        TraceCall unixAccept = t.calls("accept4").get(0);
        assertThat(unixAccept.arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_UNIX", null, null));
        assertThat(unixAccept.arg(2).orElseThrow().render()).isEqualTo("[110 => 2]");
        assertThat(unixAccept.result().decoration().kind()).isEqualTo("UNIX-STREAM");
        assertThat(unixAccept.result().decoration().inode()).hasValue(17268);

        Arg.Array pair = (Arg.Array) t.calls("socketpair").get(0).arg(3).orElseThrow();
        assertThat(pair.items()).extracting(a -> a.asFd().orElseThrow().fd()).containsExactly(7, 8);
        assertThat(pair.items()).allSatisfy(a -> assertThat(a.asFd().orElseThrow().isSocket()).isTrue());
        FdRef v6 = t.calls("accept4").get(1).result().asFd().orElseThrow();
        assertThat(v6.decoration().kind()).isEqualTo("TCPv6");
        assertThat(v6.decoration().localAddress()).contains("[::1]:35393");

        assertThat(t.calls("sendto").get(0).arg(1).flatMap(Arg::asString)).contains("hello\r\n\0\u00ff");
        Arg.Array pipe = (Arg.Array) t.calls("pipe2").get(0).arg(0).orElseThrow();
        assertThat(pipe.items()).allSatisfy(a -> assertThat(a.asFd().orElseThrow().decoration().kind()).isEqualTo("pipe"));
        assertThat(t.calls("epoll_create1").get(1).result().decoration().text()).isEqualTo("anon_inode:[eventpoll]");
    }

    @Test
    void curlFromExecveToExit() {
        ParsedTrace t = Traces.parse("/assets/traces/curl-f-tt-T-yy.strace");

        assertThat(t.lineCount()).isEqualTo(506);
        assertThat(t.calls("execve").get(0).arg(1).orElseThrow().render())
                .isEqualTo("[\"/usr/bin/curl\", \"-s\", \"http://127.0.0.1:18080/\"]");
        assertThat(t.calls("execve").get(0).arg(2).orElseThrow())
                .isInstanceOfSatisfying(Arg.Num.class, n -> assertThat(n.comment()).isEqualTo("39 vars"));
        TraceCall tcp = t.calls("socket").stream().filter(c -> c.arg(0).orElseThrow().flagNames().contains("AF_INET"))
                .findFirst().orElseThrow();
        assertThat(tcp.result().asFd().orElseThrow().fd()).isEqualTo(5);
        TraceCall connect = t.calls("connect").get(2);
        assertThat(connect.result().errno()).isEqualTo("EINPROGRESS");
        assertThat(connect.arg(1).flatMap(Arg::asSockAddr)).contains(new SockAddr("AF_INET", "127.0.0.1", 18080));
        assertThat(t.calls("poll")).extracting(c -> c.result().note()).contains("(Timeout)", "([{fd=5, revents=POLLOUT}])");
        FdRef devnull = t.calls("fcntl").get(0).arg(0).flatMap(Arg::asFd).orElseThrow();
        assertThat(devnull.decoration().text()).isEqualTo("/dev/null<char 1:3>");
        assertThat(devnull.decoration().path()).contains("/dev/null");
    }

    @Test
    void escapedPathsComeBackReadable() {
        ParsedTrace t = Traces.parse("/assets/traces/odd-paths-y.strace");

        List<TraceCall> writes = t.calls("write");
        assertThat(writes.get(0).arg(0).flatMap(Arg::asFd).orElseThrow().decoration().path())
                .contains("/tmp/socketlab a>b.txt");
        assertThat(writes.get(1).arg(0).flatMap(Arg::asFd).orElseThrow().decoration().path())
                .contains("/tmp/socketlab \"quoted\"\nété.txt");
        assertThat(((Arg.Str) t.calls("unlink").get(1).arg(0).orElseThrow()).utf8())
                .isEqualTo("/tmp/socketlab \"quoted\"\nété.txt");
        Arg cwd = t.calls("openat").get(0).arg(0).orElseThrow();
        assertThat(cwd.flagNames()).containsExactly("AT_FDCWD");
        assertThat(((Arg.Flags) cwd).decoration().path()).contains("/tmp/socketlab");
        assertThat(cwd.asInt()).hasValue(-100);
    }

    @Test
    void numericOutputStackTracesAndSummariesReadTheSame() {
        ParsedTrace verbose = Traces.parse("/assets/traces/emfile-X-verbose.strace");
        ParsedTrace plain = Traces.parse("/traces/emfile.strace");
        assertThat(verbose.calls("socket")).extracting(c -> c.arg(0).orElseThrow().asInt().getAsInt(),
                c -> c.arg(1).orElseThrow().flagNames(), c -> c.result().errno())
                .isEqualTo(plain.calls("socket").stream().map(c -> org.assertj.core.groups.Tuple.tuple(
                        c.arg(0).orElseThrow().asInt().getAsInt(), c.arg(1).orElseThrow().flagNames(), c.result().errno()))
                        .toList());
        RlimitCall stack = verbose.calls("prlimit64").get(0).rlimit().orElseThrow();
        assertThat(stack.resource()).isEqualTo("RLIMIT_STACK");
        assertThat(stack.oldLimit()).isEqualTo(new RlimitCall.Limit(8192 * 1024, RlimitCall.INFINITY));
        assertThat(verbose.calls("prlimit64").get(1).rlimit().orElseThrow().newLimit()).isEqualTo(new RlimitCall.Limit(8, 8));

        ParsedTrace addresses = Traces.parse("/assets/traces/lifecycle-X-verbose.strace");
        assertThat(addresses.calls("bind").get(0).arg(1).flatMap(Arg::asSockAddr))
                .contains(new SockAddr("AF_INET", "127.0.0.1", 0));
        assertThat(addresses.calls("getsockname").get(0).arg(1).flatMap(Arg::asSockAddr))
                .contains(new SockAddr("AF_INET", "127.0.0.1", 37979));

        ParsedTrace stacks = Traces.parse("/assets/traces/basic-k.strace");
        assertThat(stacks.calls()).extracting(TraceCall::name).containsExactly("close", "close", "socket", "close");
        assertThat(stacks.lineCount()).isGreaterThan(20);

        ParsedTrace summary = Traces.parse("/assets/traces/basic-C.strace");
        assertThat(summary.calls()).hasSize(4);
        assertThat(summary.format().timestamps()).isEqualTo(TraceFormat.TimestampStyle.NONE);
        assertThat(summary.events().get(summary.events().size() - 1))
                .isInstanceOfSatisfying(TraceNote.class, n -> assertThat(n.message()).contains("summary"));
    }
}
