// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's first logs (recorded from /work/shared/traces/programs) read back fact by fact. */
class SharedTracesTest {

    static List<String> shared() {
        return Traces.SHARED;
    }

    @ParameterizedTest
    @MethodSource("shared")
    void everyLineIsUnderstoodAndKeepsItsText(String resource) {
        ParsedTrace t = Traces.parse(resource);
        List<String> lines = Traces.lines(resource);

        assertThat(t.warnings()).isEmpty();
        assertThat(t.events()).hasSize(lines.size());
        assertThat(t.lineCount()).isEqualTo(lines.size());
        for (TraceCall c : t.calls()) {
            assertThat(c.rawText()).isEqualTo(lines.get(c.line() - 1));
        }
        assertThat(t.events().get(t.events().size() - 1)).isInstanceOf(TraceExit.class);
    }

    @Test
    void emfileHitsTheLimitOfEightTwice() {
        ParsedTrace t = Traces.parse("/traces/emfile.strace");

        List<TraceCall> failed = t.calls("socket").stream().filter(c -> c.result().isError()).toList();
        assertThat(failed).hasSize(2).allSatisfy(c -> {
            assertThat(c.result().errno()).isEqualTo("EMFILE");
            assertThat(c.result().errnoMessage()).isEqualTo("Too many open files");
            assertThat(c.result().value()).isEqualTo(-1L);
            assertThat(c.result().asFd()).isEmpty();
        });
        RlimitCall nofile = t.calls("prlimit64").stream().map(c -> c.rlimit().orElseThrow())
                .filter(r -> r.resource().equals("RLIMIT_NOFILE")).findFirst().orElseThrow();
        assertThat(nofile.pid()).isZero();
        assertThat(nofile.newLimit()).isEqualTo(new RlimitCall.Limit(8, 8));
        assertThat(nofile.oldLimit()).isNull();

        RlimitCall stack = t.calls("prlimit64").get(0).rlimit().orElseThrow();
        assertThat(stack.resource()).isEqualTo("RLIMIT_STACK");
        assertThat(stack.newLimit()).isNull();
        assertThat(stack.oldLimit().cur()).isEqualTo(8192L * 1024);
        assertThat(stack.oldLimit().maxUnlimited()).isTrue();

        TraceCall last = t.calls("socket").get(t.calls("socket").size() - 1);
        assertThat(last.arg(1).orElseThrow().flagNames()).containsExactly("SOCK_DGRAM");
        assertThat(last.result().asFd()).contains(new FdRef(5, null));
    }

    @Test
    void badargsKeepsTheNumbersStraceCouldNotName() {
        List<TraceCall> calls = Traces.parse("/traces/badargs.strace").calls("socket");

        Arg family = calls.get(0).arg(0).orElseThrow();
        assertThat(family).isInstanceOfSatisfying(Arg.Flags.class, f -> {
            assertThat(f.names()).isEmpty();
            assertThat(f.unknownBits()).isEqualTo(0x3039);
            assertThat(f.undecoded()).isTrue();
            assertThat(f.comment()).isEqualTo("AF_???");
        });
        assertThat(family.asInt()).hasValue(12345);
        assertThat(calls.get(0).result().errno()).isEqualTo("EAFNOSUPPORT");

        Arg type = calls.get(2).arg(1).orElseThrow();
        assertThat(type.flagNames()).containsExactly("SOCK_RAW");
        assertThat(((Arg.Flags) type).unknownBits()).isEqualTo(0x60);
        assertThat(type.asInt()).as("SOCK_RAW|0x60 is the 99 badargs.c passed").hasValue(99);

        Arg protocol = calls.get(3).arg(2).orElseThrow();
        assertThat(protocol.asInt()).as("0x1092 is the 4242 badargs.c passed").hasValue(4242);
        assertThat(calls.get(3).result().knownErrno()).map(Enum::name).contains("EINVAL");
        assertThat(calls.get(1).arg(2).orElseThrow().asInt()).hasValue(6);
    }

    @Test
    void lifecycleBindsPortZeroAndLearnsTheEphemeralPort() {
        ParsedTrace t = Traces.parse("/traces/lifecycle.strace");

        SockAddr bound = t.calls("bind").get(0).arg(1).flatMap(Arg::asSockAddr).orElseThrow();
        assertThat(bound).isEqualTo(new SockAddr("AF_INET", "127.0.0.1", 0));
        SockAddr named = t.calls("getsockname").get(0).arg(1).flatMap(Arg::asSockAddr).orElseThrow();
        assertThat(named.port()).isEqualTo(34143);
        assertThat(t.calls("connect").get(0).arg(1).flatMap(Arg::asSockAddr).orElseThrow().port()).isEqualTo(34143);
        assertThat(t.calls("sendto").get(0).arg(4).flatMap(Arg::asSockAddr).orElseThrow().port()).isEqualTo(34143);

        TraceCall accept = t.calls("accept").get(0);
        assertThat(accept.args()).containsExactly(new Arg.Num(3, "3", null, null), Arg.NULL, Arg.NULL);
        assertThat(accept.result().asFd()).map(FdRef::fd).contains(5);
        assertThat(t.calls("setsockopt").get(0).arg(3).orElseThrow())
                .isEqualTo(new Arg.Array(List.of(new Arg.Num(1, "1", null, null)), false, false, null));
    }

    @Test
    void curlIsOneProcessWithPidsAndThreeConnects() {
        ParsedTrace t = Traces.parse("/traces/curl.strace");

        assertThat(t.hasPids()).isTrue();
        assertThat(t.mainPid()).isEqualTo(5046);
        assertThat(t.events()).allSatisfy(e -> assertThat(e.pid()).isEqualTo(5046));
        List<TraceCall> connects = t.calls("connect");
        assertThat(connects).extracting(c -> c.result().errno())
                .containsExactly("ENOENT", "ENOENT", "EINPROGRESS");
        assertThat(connects.get(0).arg(1).flatMap(Arg::asSockAddr))
                .contains(new SockAddr("AF_UNIX", "/var/run/nscd/socket", null));
        assertThat(connects.get(2).arg(1).flatMap(Arg::asSockAddr))
                .contains(new SockAddr("AF_INET", "127.0.0.1", 18080));

        TraceCall pair = t.calls("socketpair").get(0);
        assertThat(((Arg.Array) pair.arg(3).orElseThrow()).items()).extracting(a -> a.asInt().getAsInt())
                .containsExactly(3, 4);
        Arg.Str request = (Arg.Str) t.calls("sendto").get(0).arg(1).orElseThrow();
        assertThat(request.value()).isEqualTo("GET / HTTP/1.1\r\nHost: 127.0.0.1:");
        assertThat(request.truncated()).isTrue();
        assertThat(t.calls("sendto").get(0).arg(3).orElseThrow().flagNames()).containsExactly("MSG_NOSIGNAL");
        Arg len = t.calls("getsockname").get(0).arg(2).orElseThrow();
        assertThat(len).isInstanceOfSatisfying(Arg.Array.class, a -> assertThat(a.items().get(0))
                .isEqualTo(new Arg.InOut(new Arg.Num(128, "128", null, null), new Arg.Num(16, "16", null, null))));
        assertThat(t.calls("socket").get(0).arg(1).orElseThrow().flagNames())
                .containsExactly("SOCK_STREAM", "SOCK_CLOEXEC", "SOCK_NONBLOCK");
    }

    @Test
    void afterSocketErrorsShowsSigpipeAfterEachBrokenPipe() {
        ParsedTrace t = Traces.parse("/traces/after-socket-errors.strace");

        List<TraceSignal> signals = t.events().stream().filter(TraceSignal.class::isInstance)
                .map(TraceSignal.class::cast).toList();
        assertThat(signals).hasSize(2).allSatisfy(s -> {
            assertThat(s.signal()).isEqualTo("SIGPIPE");
            assertThat(s.info().field("si_code").orElseThrow().flagNames()).containsExactly("SI_USER");
            assertThat(s.info().field("si_pid").flatMap(a -> a.asFd().map(FdRef::fd))).contains(490);
        });
        assertThat(t.calls()).extracting(c -> c.result().errno()).containsExactly(
                null, "EPIPE", "EPIPE", null, "EDESTADDRREQ", "EOPNOTSUPP", null, "EINVAL", null,
                "ECONNREFUSED", null);
        assertThat(t.calls("sendto").get(0).arg(4).orElseThrow()).isEqualTo(Arg.NULL);
    }

    @Test
    void reuseAndRawShowFamiliesAndPrivilegeErrors() {
        ParsedTrace reuse = Traces.parse("/traces/reuse.strace");
        assertThat(reuse.calls("socket")).extracting(c -> c.result().value()).containsExactly(3L, 4L, 5L, 4L, 6L);
        assertThat(reuse.calls("socket")).extracting(c -> c.arg(0).orElseThrow().asInt().getAsInt())
                .containsExactly(2, 2, 10, 2, 1);

        ParsedTrace raw = Traces.parse("/traces/raw-nobody.strace");
        assertThat(raw.calls("socket")).extracting(c -> c.result().errno()).containsExactly("EPERM", "EACCES", null);
        assertThat(raw.format()).isEqualTo(new TraceFormat(TraceFormat.TimestampStyle.NONE, false, false, false));
        assertThat(raw.mainPid()).isNull();
        assertThat(raw.events()).allSatisfy(e -> assertThat(e.pid()).isNull());
    }
}
