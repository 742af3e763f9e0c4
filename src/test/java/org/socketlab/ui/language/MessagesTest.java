// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.AddressFamily;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.MachineSetup;
import org.socketlab.kernel.Narration;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.lesson.Frame;

/** The words of the window: every key the app asks for exists, and every pattern formats. */
class MessagesTest {
    private final Messages messages = new Messages(Locale.ENGLISH);

    @Test
    void everyValueIsAValidPatternWithoutALoneApostrophe() {
        for (Locale language : Languages.available()) {
            ResourceBundle words = ResourceBundle.getBundle(Messages.BUNDLE, language);
            for (String key : words.keySet()) {
                String pattern = words.getString(key);
                String where = key + " in " + language;
                assertThat(pattern).as(where).isNotBlank();
                assertThat(pattern.replace("''", "")).as(where + " has an apostrophe MessageFormat would drop")
                        .doesNotContain("'");
                String formatted = formatWithSampleArguments(pattern, language);
                assertThat(formatted).as(where + " formats every placeholder").doesNotContainPattern("\\{\\d");
                if (pattern.contains("''")) {
                    assertThat(formatted).as(where + " keeps its apostrophe").contains("'");
                }
            }
        }
    }

    /** Formats a pattern with a value of the kind each placeholder asks for; invalid patterns throw. */
    private static String formatWithSampleArguments(String pattern, Locale language) {
        MessageFormat format = new MessageFormat(pattern, language);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] arguments = new Object[formats.length];
        for (int i = 0; i < formats.length; i++) {
            arguments[i] = formats[i] instanceof NumberFormat ? (Object) 7
                    : formats[i] instanceof DateFormat ? (Object) new Date(0) : "x";
        }
        return format.format(arguments);
    }

    @Test
    void everyNarrationTheKernelProducesHasWordsInEveryLanguage() {
        for (Locale language : Languages.available()) {
            Messages words = new Messages(language);
            KernelState boot = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(4).withMemoryCapacity(3000));
            int pid = MachineSetup.DEFAULT.pid();
            int[][] calls = {{12345, 1, 0}, {2, 99, 0}, {2, 12, 0}, {2, 1, 300}, {2, 5, 0}, {2, 2, 6}, {2, 3, 1},
                    {2, 1, 0}, {2, 2, 1}};
            for (int[] c : calls) {
                assertHasWords(words, Kernel.execute(boot, pid, new Syscall.Socket(c[0], c[1], c[2])));
            }
            KernelState one = KernelState.boot(MachineSetup.DEFAULT.withDescriptorLimit(4));
            assertHasWords(words, Kernel.execute(one, pid, new Syscall.Socket(AddressFamily.AF_INET.number(), 1, 0)));
            KernelState full = Kernel.after(one, pid, new Syscall.Socket(AddressFamily.AF_INET.number(), 1, 0));
            assertHasWords(words, Kernel.execute(full, pid, new Syscall.Socket(AddressFamily.AF_INET.number(), 1, 0)));
            assertHasWords(words, Kernel.execute(full, pid, new Syscall.Close(3)));
            assertHasWords(words, Kernel.execute(full, pid, new Syscall.Close(1)));
            assertHasWords(words, Kernel.execute(full, pid, new Syscall.Close(9)));
            for (BuiltInLesson lesson : BuiltInLessons.all()) {
                for (Frame frame : lesson.lesson().frames()) {
                    assertThat(words.narration(frame.step().narration())).as(lesson.id()).doesNotStartWith("!")
                            .doesNotContain("{");
                }
            }
        }
    }

    private static void assertHasWords(Messages words, Iterable<Step> steps) {
        for (Step step : steps) {
            Narration narration = step.narration();
            String text = words.narration(narration);
            assertThat(text).as("%s in %s", narration.key(), words.getLocale()).doesNotStartWith("!")
                    .doesNotContain("{");
        }
    }

    @Test
    void everyStageHasAChipAndNumbersHaveNoThousandsSeparatorWhereTheyAreNames() {
        for (Stage stage : Stage.values()) {
            assertThat(messages.get("stage." + stage.name() + ".chip")).doesNotStartWith("!");
        }
        assertThat(messages.get("actor.application.detail", "app", 4242)).isEqualTo("process app, pid 4242");
        assertThat(messages.get("value.bytes", 131072)).isEqualTo("131,072 B");
    }

    @Test
    void chineseNumbersReadTheSameWay() {
        Messages chinese = new Messages(Locale.CHINESE);
        assertThat(chinese.get("actor.application.detail", "app", 4242)).isEqualTo("进程 app，pid 4242");
        assertThat(chinese.get("value.bytes", 131072)).isEqualTo("131,072 B");
        assertThat(chinese.get("controls.position", 2, 6)).isEqualTo("第 2 步，共 6 步");
        assertThat(chinese.get("controls.speedValue", 1.5)).isEqualTo("1.5 倍");
        assertThat(chinese.get("app.title")).isEqualTo("Socket Lab");
    }
}
