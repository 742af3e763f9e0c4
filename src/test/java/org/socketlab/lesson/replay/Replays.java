// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.socketlab.lesson.strace.NotAStraceLogException;

/** Test helpers: replay a log from the class path or from text, and find what a user would look at. */
final class Replays {
    private Replays() {
    }

    static String text(String resource) {
        try (InputStream in = Replays.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Replay resource(String resource) {
        return of(text(resource), resource.substring(resource.lastIndexOf('/') + 1));
    }

    static Replay of(String text, String name) {
        try {
            return TraceReplay.importTrace(text, name);
        } catch (NotAStraceLogException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Replay lines(String... lines) {
        return of(String.join("\n", lines) + "\n", "test.strace");
    }

    /** The recognised call that completed on a line. */
    static ReplayedCall at(Replay replay, int line) {
        return replay.calls().stream().filter(c -> c.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no call on line " + line + " in " + replay.calls()));
    }

    /** The descriptors open in a process at the end, as "fd kind family type" strings. */
    static List<String> open(Replay replay, Integer pid) {
        ProcessAtEnd p = replay.processes().stream().filter(x -> Objects.equals(x.pid(), pid)).findFirst()
                .orElseThrow(() -> new AssertionError("no process " + pid + " in " + replay.processes()));
        return p.open().stream().map(d -> d.fd() + " " + d.kind() + (d.family() == null ? "" : " " + d.family())
                + (d.type() == null ? "" : " " + d.type())).toList();
    }

    static List<String> warnings(Replay replay) {
        return replay.warnings().stream().map(w -> w.line() + " " + w.kind()).toList();
    }
}
