// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.lesson.replay.TraceReplay;
import org.socketlab.ui.language.Messages;

/** The replay's "cannot tell which thread came first" warning, as the window's warnings list says it. */
class RaceWarningTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en|socket() at line 620 and socket() at line 621 ran at the same time in two threads of one descriptor"
                    + " table: the log cannot tell which the kernel served first, so the model follows the kernel's numbers",
            "zh|第 620 行的 socket() 和第 621 行的 socket() 在共用一张描述符表的两个线程里同时进行：日志无法说明内核先处理了哪一个，"
                    + "所以模型采用内核给出的编号",
    })
    void theWarningNamesBothCallsAndLinesInTheReadersLanguage(String language, String text) throws Exception {
        Replay replay = TraceReplay.importTrace(Path.of("src/test/resources/traces/thread-race/prog.strace"));
        ReplayWarning race = replay.warnings().stream().filter(w -> w.kind() == ReplayWarning.Kind.RACE)
                .findFirst().orElseThrow();

        assertThat(Dialogs.warningText(new Messages(Locale.forLanguageTag(language)), race)).isEqualTo(text);
    }
}
