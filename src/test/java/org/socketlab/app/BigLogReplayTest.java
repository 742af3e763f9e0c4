// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Issue #11: {@code replay --json} of a log of a million lines completes in a Java heap of 256 MB,
 * as a user runs it: {@code java -Xmx256m ... replay LOG --json > out.json} in a JVM of its own.
 */
class BigLogReplayTest {
    private static final int LINES = 1_000_000;
    /** The descriptor limit the generated program sets, as tools/bench/churn.c does. */
    private static final int LIMIT = 16;

    @TempDir
    Path dir;

    @Test
    void aMillionLineLogReplaysToJsonInA256MegabyteHeap() throws IOException, InterruptedException {
        Path log = dir.resolve("churn.strace");
        int calls = writeChurn(log);
        Path json = dir.resolve("churn.json");
        Path err = dir.resolve("churn.err");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "replay", log.toString(), "--json")
                .redirectOutput(json.toFile()).redirectError(err.toFile()).start();
        boolean ended = child.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }

        assertThat(ended).as("the replay ended").isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        Summary summary = summary(json);
        assertThat(summary.calls).isEqualTo(calls);
        assertThat(summary.lastLine).isEqualTo(LINES);
        assertThat(summary.numbers).containsEntry("lines", LINES).containsEntry("mismatches", 0)
                .containsEntry("disagreements", 0);
        assertThat(summary.warnings).isZero();
    }

    /**
     * A program that sets its limit to 16 and then, over and over, opens sockets of three kinds
     * and closes every second one, and every 50th round opens sockets until EMFILE and closes them
     * all: the kernel's lowest free descriptor each time. Returns how many calls the log has.
     */
    private static int writeChurn(Path log) throws IOException {
        boolean[] open = new boolean[LIMIT];
        open[0] = open[1] = open[2] = true;
        String[] kinds = {"AF_INET, SOCK_STREAM, IPPROTO_IP", "AF_INET, SOCK_DGRAM, IPPROTO_IP",
                "AF_INET6, SOCK_STREAM, IPPROTO_IP"};
        List<Integer> held = new ArrayList<>();
        int lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.US_ASCII)) {
            out.write("prlimit64(0, RLIMIT_NOFILE, {rlim_cur=16, rlim_max=16}, NULL) = 0\n");
            lines++;
            for (int round = 0; lines < LINES; round++) {
                List<String> roundLines = new ArrayList<>();
                if (round % 50 == 49) {
                    int fd;
                    while ((fd = lowestFree(open)) >= 0) {
                        open[fd] = true;
                        held.add(fd);
                        roundLines.add("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = " + fd);
                    }
                    roundLines.add("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = -1 EMFILE (Too many open files)");
                    while (!held.isEmpty()) {
                        int last = held.remove(held.size() - 1);
                        open[last] = false;
                        roundLines.add("close(" + last + ") = 0");
                    }
                } else {
                    for (int k = 0; k < 3; k++) {
                        int fd = lowestFree(open);
                        if (fd < 0) {
                            roundLines.add("socket(" + kinds[(round + k) % 3] + ") = -1 EMFILE (Too many open files)");
                        } else {
                            open[fd] = true;
                            held.add(fd);
                            roundLines.add("socket(" + kinds[(round + k) % 3] + ") = " + fd);
                        }
                    }
                    List<Integer> kept = new ArrayList<>();
                    for (int j = 0; j < held.size(); j++) {
                        if ((round + j) % 2 == 0) {
                            open[held.get(j)] = false;
                            roundLines.add("close(" + held.get(j) + ") = 0");
                        } else {
                            kept.add(held.get(j));
                        }
                    }
                    held = kept;
                }
                for (String line : roundLines) {
                    if (lines == LINES) {
                        break;
                    }
                    out.write(line);
                    out.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    private static int lowestFree(boolean[] open) {
        for (int fd = 0; fd < open.length; fd++) {
            if (!open[fd]) {
                return fd;
            }
        }
        return -1;
    }

    /** What the JSON says, read as a stream (the file is some hundred megabytes). */
    private static final class Summary {
        int calls;
        int lastLine;
        int warnings;
        final Map<String, Integer> numbers = new HashMap<>();
    }

    private static Summary summary(Path json) throws IOException {
        Summary s = new Summary();
        try (InputStream in = Files.newInputStream(json);
             JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), in)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "calls" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            s.calls++;
                            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                                String member = p.currentName();
                                p.nextToken();
                                if (member.equals("line")) {
                                    s.lastLine = p.getIntValue();
                                } else {
                                    p.skipChildren();
                                }
                            }
                        }
                    }
                    case "warnings" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            s.warnings++;
                            p.skipChildren();
                        }
                    }
                    default -> {
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            s.numbers.put(name, p.getIntValue());
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
        }
        return s;
    }
}
