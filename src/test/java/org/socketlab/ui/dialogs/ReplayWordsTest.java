// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.socketlab.kernel.Narration;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.lesson.replay.Said;
import org.socketlab.ui.language.Messages;

/**
 * A replay's warnings read in the window's language: the words a warning puts in its sentence
 * (it to wait, success, no descriptor, nothing) are translated too, and the English sentences
 * keep their apostrophes.
 */
class ReplayWordsTest {
    private static final List<String> ENGLISH = List.of("it to wait", "success", "no descriptor", "nothing",
            "the kernel", "answers", "SO_ERROR ");

    @Test
    void chineseWarningsHoldNoEnglishPhrase() {
        Messages zh = new Messages(Locale.CHINESE);
        for (Said said : Said.values()) {
            for (ReplayWarning.Kind kind : List.of(ReplayWarning.Kind.DISAGREEMENT, ReplayWarning.Kind.MISMATCH)) {
                String text = Dialogs.warningText(zh, new ReplayWarning(7, kind, List.of("accept4", said, "-1 EAGAIN")));
                assertThat(text).as("%s with %s", kind, said).contains("accept4").contains("-1 EAGAIN");
                ENGLISH.forEach(phrase -> assertThat(text).as("%s with %s", kind, said).doesNotContain(phrase));
            }
        }
        String narration = zh.narration(Narration.of("replay.kernelFailed", "accept", "EAGAIN", Said.WAIT));
        assertThat(narration).contains("accept").doesNotContain("it to wait");
        String limit = Dialogs.warningText(zh, new ReplayWarning(3, ReplayWarning.Kind.LIMIT_INFERRED, List.of(1024, 64)));
        ENGLISH.forEach(phrase -> assertThat(limit).doesNotContain(phrase));
    }

    @Test
    void englishWarningsSayTheWordsAndKeepTheApostrophe() {
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(Dialogs.warningText(en, new ReplayWarning(7, ReplayWarning.Kind.DISAGREEMENT,
                List.of("accept4", Said.WAIT, "-1 EAGAIN"))))
                .isEqualTo("accept4(): the model expected it to wait, but the kernel returned -1 EAGAIN");
        ReplayWarning limit = new ReplayWarning(3, ReplayWarning.Kind.LIMIT_INFERRED, List.of(1024, 64));
        assertThat(limit.message()).as("the sentence a script reads").endsWith("the kernel's answers show it");
        assertThat(Dialogs.warningText(en, limit)).endsWith("the kernel's answers show it");
    }
}
