// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketlab.kernel.FileKind;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.replay.TraceReplay;

/** A replayed log plays in the window: every frame has a picture, drawers show what the log opened. */
class ReplayPictureTest {

    private static Lesson replay(String resource) throws IOException {
        try (InputStream in = ReplayPictureTest.class.getResourceAsStream(resource)) {
            return TraceReplay.importTrace(new String(in.readAllBytes(), StandardCharsets.UTF_8), "t.strace").lesson();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/traces/curl.strace", "/traces/lifecycle.strace",
        "/assets/traces/interrupted-f.strace", "/assets/traces/python-kinds-f-yy.strace",
        "/assets/traces/python-server-f-yy.strace", "/assets/traces/accept-thread-f-stderr.strace"})
    void everyFrameOfAReplayHasAPicture(String resource) throws IOException {
        Lesson lesson = replay(resource);

        for (int i = 0; i < lesson.size(); i++) {
            Picture p = Picture.of(lesson, i);
            assertThat(p.codeLine()).isEqualTo(lesson.frame(i).codeLine());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/traces/python-kinds-f-yy.strace"})
    void filesTheLogOpenedShowInTheirDrawers(String resource) throws IOException {
        Lesson lesson = replay(resource);

        java.util.Set<FileKind> pipeEnds = java.util.EnumSet.noneOf(FileKind.class);
        boolean sawEpoll = false;
        for (int i = 0; i < lesson.size(); i++) {
            for (Drawer d : Picture.of(lesson, i).drawers()) {
                if (d.label().startsWith("pipe:[")) {
                    pipeEnds.add(d.kind());
                }
                sawEpoll |= d.kind() == FileKind.EPOLL && d.label().equals("anon_inode:[eventpoll]");
            }
        }
        assertThat(pipeEnds).as("the pipe's two ends, as what they are").containsExactlyInAnyOrder(
                FileKind.PIPE_READ, FileKind.PIPE_WRITE);
        assertThat(sawEpoll).isTrue();
    }

    @Test
    void aDescriptorInTheBillionsUnderARaisedLimitShowsABoundedCabinet() throws IOException {
        Lesson lesson = TraceReplay.importTrace(String.join("\n",
                "prlimit64(0, RLIMIT_NOFILE, {rlim_cur=2147483647, rlim_max=2147483647}, NULL) = 0",
                "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 2000000000",
                "close(2000000000) = 0"), "huge.strace").lesson();

        for (int i = 0; i < lesson.size(); i++) {
            assertThat(Picture.of(lesson, i).drawers()).hasSizeBetween(Picture.MIN_DRAWERS, Picture.MAX_DRAWERS);
        }
    }
}
