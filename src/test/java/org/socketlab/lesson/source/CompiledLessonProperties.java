// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.player.Player;

/**
 * Any valid lesson file compiles into a lesson whose every frame keeps the kernel consistent
 * (memory accounted to the byte, reference counts matching the drawers, no descriptor handed out
 * at or above the limit), whose every call returns, and which a player steps through to the end
 * and back to the very first frame.
 */
class CompiledLessonProperties {

    @Property(tries = 400)
    void randomValidLessonsCompileConsistentlyAndPlayToTheEndAndBack(@ForAll @Size(max = 80) List<Integer> choices)
            throws LessonParseException {
        String text = RandomLesson.from(choices).text.toString();
        LessonSource source = LessonParser.parse("random.c", text);

        Lesson lesson = LessonCompiler.compile(source);

        // socketpair() builds its two sockets in socket()'s stages, each returning its ticket, then returns 0
        List<Step> returns = lesson.frames().stream().map(Frame::step)
                .filter(step -> step.outcome().isReturned()).toList();
        int r = 0;
        // (a failed second socket: its failure, then socketpair's undoing of the first)
        for (Statement statement : source.statements()) {
            while (statement.call() == Call.SOCKETPAIR && r < returns.size()
                    && returns.get(r).call() instanceof Syscall.Socket && !returns.get(r).failed()) {
                r++;
            }
            r++;
            if (statement.call() == Call.SOCKETPAIR && r < returns.size()
                    && returns.get(r).call() instanceof Syscall.SocketPair
                    && returns.get(r).stage() == Stage.RELEASE_SOCKET) {
                r++;
            }
        }
        assertThat(r).as("every statement ran to its return\n%s", text).isEqualTo(returns.size());
        assertThat(lesson.frame(0).codeLine()).isEqualTo(-1);
        for (int i = 0; i < lesson.size(); i++) {
            Frame frame = lesson.frame(i);
            assertConsistent(frame.step(), text);
            if (i > 0) {
                assertThat(frame.codeLine()).as(text).isBetween(0, lesson.code().size() - 1);
            }
            assertThat(Picture.of(lesson, i)).isNotNull();
        }

        Player player = new Player(lesson);
        Frame first = player.getCurrent();
        while (player.canStepForward()) {
            player.step();
        }
        assertThat(player.getIndex()).isEqualTo(lesson.size() - 1);
        while (player.canStepBack()) {
            player.back();
        }
        assertThat(player.getCurrent()).isSameAs(first);
        assertThat(player.canStepBack()).isFalse();
    }

    @Example
    void theGeneratedLessonsReachFailuresForksExitsAndConnections() throws LessonParseException {
        Set<String> seen = new TreeSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 1500; i++) {
            List<Integer> choices = random.ints(80, 0, 1000).boxed().collect(Collectors.toList());
            Lesson lesson = LessonCompiler.compile(LessonParser.parse("random.c", RandomLesson.from(choices).text.toString()));
            for (Frame frame : lesson.frames()) {
                seen.add(frame.step().stage().name());
                if (frame.step().outcome() instanceof Outcome.Failure failure) {
                    seen.add(failure.errno().name());
                }
            }
        }
        assertThat(seen).contains("EMFILE", "ENOMEM", "EBADF", "EAFNOSUPPORT", "EINPROGRESS", "FORK", "EXIT",
                "ISSUE_DESCRIPTOR", "RELEASE_SOCKET", "BIND", "LISTEN", "SEND_SYN", "ESTABLISH", "ACCEPT_CONNECTION",
                "SEND_DATA", "SHUTDOWN", "DUPLICATE");
    }

    private static void assertConsistent(Step step, String text) {
        KernelState state = step.state();
        long socketBytes = state.sockets().values().stream().mapToLong(ControlBlock::memoryBytes).sum();
        assertThat(state.memory().used()).as("memory accounted to the byte after %s\n%s", step.stage(), text)
                .isEqualTo(socketBytes);
        assertThat(state.memory().used()).isLessThanOrEqualTo(state.memory().capacity());
        Map<Integer, Integer> references = new HashMap<>();
        for (DescriptorTable table : state.tables().values()) {
            table.descriptors().forEach(d -> {
                references.merge(d.fileId(), 1, Integer::sum);
                if (d.number() >= table.limit()) {
                    assertThat(d.number()).as("only stdin/out/err may sit at or above the limit\n%s", text)
                            .isLessThan(3);
                    assertThat(state.files().get(d.fileId()).kind()).isEqualTo(FileKind.TERMINAL);
                }
            });
        }
        state.files().forEach((file, id) -> assertThat(file.references())
                .as("references of %s\n%s", file.name(), text).isEqualTo(references.get(id)));
        assertThat(references.keySet()).allMatch(id -> state.files().get(id) != null);
        Syscall call = step.call();
        boolean handsOutNumber = call instanceof Syscall.Socket || call instanceof Syscall.Accept
                || call instanceof Syscall.Dup || call instanceof Syscall.Dup2;
        if (handsOutNumber && step.outcome() instanceof Outcome.Success success) {
            assertThat(success.value()).as("%s below the limit\n%s", call, text)
                    .isLessThan(state.tableOf(step.pid()).limit());
        }
    }
}
