// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: the sample logs on the test classpath, read and parsed. */
final class Traces {
    /** The project's first logs, copied from /work/shared/traces into src/test/resources/traces. */
    static final List<String> SHARED = List.of(
            "/traces/after-socket-errors.strace", "/traces/badargs.strace", "/traces/basic.strace",
            "/traces/curl.strace", "/traces/emfile.strace", "/traces/lifecycle.strace",
            "/traces/raw-nobody.strace", "/traces/reuse.strace");

    /** The logs recorded for the parser, shipped in assets/traces (see its README). */
    static final List<String> RECORDED = List.of(
            "/assets/traces/accept-thread-f-stderr.strace", "/assets/traces/basic-C.strace",
            "/assets/traces/basic-k.strace", "/assets/traces/emfile-X-verbose.strace",
            "/assets/traces/lifecycle-X-verbose.strace", "/assets/traces/accept-thread-f-tt-T-yy.strace",
            "/assets/traces/curl-f-tt-T-yy.strace", "/assets/traces/fork-f-r.strace",
            "/assets/traces/fork-f-stderr.strace", "/assets/traces/fork-f.strace",
            "/assets/traces/interrupted-f.strace", "/assets/traces/lifecycle-r.strace",
            "/assets/traces/lifecycle-t.strace", "/assets/traces/lifecycle-ttt-T.strace",
            "/assets/traces/lifecycle-y.strace", "/assets/traces/lifecycle-yy.strace",
            "/assets/traces/odd-paths-y.strace", "/assets/traces/python-kinds-f-yy.strace",
            "/assets/traces/thread-f.strace");

    private Traces() {
    }

    static List<String> all() {
        return Stream.concat(SHARED.stream(), RECORDED.stream()).toList();
    }

    static String text(String resource) {
        try (InputStream in = Traces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String resource) {
        return text(resource).lines().toList();
    }

    static ParsedTrace parse(String resource) {
        try {
            return StraceParser.parse(text(resource), resource.substring(resource.lastIndexOf('/') + 1));
        } catch (NotAStraceLogException e) {
            throw new AssertionError(resource + " was refused: " + e.getMessage(), e);
        }
    }

    /** Parses a log written inline in a test. */
    static ParsedTrace log(String... lines) {
        try {
            return StraceParser.parse(String.join("\n", lines) + "\n", "test.strace");
        } catch (NotAStraceLogException e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
    }

    /** The only call of a one-call log. */
    static TraceCall call(String line) {
        ParsedTrace t = log(line);
        if (!t.warnings().isEmpty()) {
            throw new AssertionError("warnings for " + line + ": " + t.warnings());
        }
        return t.calls().get(0);
    }
}
