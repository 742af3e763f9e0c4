// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.editor;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LessonOrigin;
import org.socketlab.lesson.loading.LessonDraft;
import org.socketlab.lesson.loading.LessonTemplates;
import org.socketlab.player.Picture;

/**
 * What a key press in the editor costs before the picture changes (issue #13: the editor keeps up
 * in a 2,000-line lesson). On the JavaFX thread each key recolours the text ({@link CSyntax}); when
 * typing pauses the text is compiled off that thread ({@link LessonDraft#compile}) and the picture
 * of the same step is worked out ({@link Picture#of}). The 300 ms pause and drawing are not
 * counted. The TCP server template (about 30 lines) is the baseline, measured in the same run.
 *
 * <p>Each invocation types one more character into a comment in the middle of the text, so no
 * two texts are the same.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class EditorTypingBench {
    @Param({"template", "2000"})
    public String lines;

    private String before;
    private String after;
    private int typed;

    /** The TCP server template, or a lesson of at least 2,000 lines: its main's body again and again. */
    static String lesson(String lines) {
        String template = LessonTemplates.text("tcp-server");
        if ("template".equals(lines)) {
            return template;
        }
        int target = Integer.parseInt(lines);
        String[] all = template.split("\n", -1);
        StringBuilder head = new StringBuilder();
        int i = 0;
        for (; i < all.length && !all[i].startsWith("int main"); i++) {
            head.append(all[i]).append('\n');
        }
        head.append("int main(void) {\n");
        StringBuilder out = new StringBuilder(head);
        int count = head.toString().split("\n").length;
        for (int round = 0; count < target - 2; round++) {
            String block = """
                        // say: 第 %1$d 轮：一个套接字开了又关。 | Round %1$d: a socket opened and closed.
                        int s%1$d = socket(AF_INET, SOCK_STREAM, 0);
                        close(s%1$d);
                    """.formatted(round);
            out.append(block);
            count += 3;
        }
        out.append("    return 0;\n}\n");
        return out.toString();
    }

    @Setup(Level.Trial)
    public void build() {
        before = lesson(lines);
        if (!(LessonDraft.compile("bench.c", before, LessonOrigin.NONE) instanceof LessonDraft.Compiled)) {
            throw new IllegalStateException("the benchmark's lesson does not compile");
        }
    }

    @Setup(Level.Invocation)
    public void type() {
        int middle = before.indexOf("// say:", before.length() / 2);
        typed++;
        after = before.substring(0, middle + 7) + " " + "x".repeat(typed % 50) + before.substring(middle + 7);
    }

    /** The JavaFX thread's share of one key: colours over the whole text. */
    @Benchmark
    public Object recolour() {
        return CSyntax.spans(after);
    }

    /** What the JavaFX thread does per key since it colours only the changed paragraph. */
    @Benchmark
    public Object recolourChangedParagraph() {
        int middle = after.indexOf("// say:", after.length() / 2);
        int start = after.lastIndexOf('\n', middle) + 1;
        int end = after.indexOf('\n', middle);
        return CSyntax.spans(after.substring(start, end));
    }

    /** The compile thread's share once typing pauses: the text to a lesson. */
    @Benchmark
    public Object compile() {
        return LessonDraft.compile("bench.c", after, LessonOrigin.NONE);
    }

    /** Key press to the new picture: the changed paragraph's colours, compile, and the picture of the step the window was at. */
    @Benchmark
    public Object keyPressToPicture() {
        recolourChangedParagraph();
        LessonDraft.Outcome outcome = LessonDraft.compile("bench.c", after, LessonOrigin.NONE);
        Lesson lesson = ((LessonDraft.Compiled) outcome).lesson();
        return Picture.of(lesson, lesson.size() / 2);
    }
}
