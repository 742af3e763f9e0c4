// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Breaking a handout's text into lines: between words, between Chinese characters, never past the width. */
class TextLinesTest {
    /** Every character one unit wide. */
    private static List<String> wrap(String text, int width) {
        return TextLines.wrap(text, width, s -> s.codePointCount(0, s.length()));
    }

    @Test
    void englishBreaksBetweenWords() {
        assertThat(wrap("the box goes into drawer 3", 12)).containsExactly("the box goes", "into drawer", "3");
    }

    @Test
    void chineseBreaksBetweenCharactersAndKeepsPunctuationWithTheCharacterBefore() {
        assertThat(wrap("盒子放进抽屉，应用拿到票。", 6)).containsExactly("盒子放进抽", "屉，应用拿到", "票。");
    }

    @Test
    void aWordWiderThanTheLineIsCutAndLineFeedsAreKept() {
        assertThat(wrap("SOCK_NONBLOCK|SOCK_CLOEXEC ok\n\nnext", 10))
                .containsExactly("SOCK_NONBL", "OCK|SOCK_C", "LOEXEC ok", "", "next");
        assertThat(wrap("a b", 10)).containsExactly("a b");
    }

    @Test
    void noLineIsWiderThanTheWidth() {
        String text = "socket() 返回 3：the lowest free number, usually 3, because 0, 1 and 2 are taken。".repeat(5);
        for (int width = 4; width < 40; width++) {
            for (String line : wrap(text, width)) {
                assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(width);
            }
        }
    }
}
