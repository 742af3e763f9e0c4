// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The code panel shows the instructor's code without directives and narration. */
class CodeListingTest {

    @Test
    void headerDirectivesAndSayLinesGoAndTrailingSayIsCutOff() throws LessonParseException {
        LessonSource lesson = Lessons.parse(
                "// title: 标签页 | Tabs",
                "// limit: 8",
                "",
                "// say: 第一个 | the first",
                "int a = socket(AF_INET, SOCK_STREAM, 0);",
                "close(a);   // say: 关掉 | close it");

        assertThat(lesson.listing().lines()).containsExactly(
                "int a = socket(AF_INET, SOCK_STREAM, 0);",
                "close(a);");
        assertThat(lesson.listing().sourceLines()).containsExactly(5, 6);
        assertThat(lesson.listing().indexOf(5)).isZero();
        assertThat(lesson.listing().indexOf(6)).isOne();
    }

    @Test
    void plainCommentsIncludesMainAndOneBlankLineStay() throws LessonParseException {
        LessonSource lesson = Lessons.parse(
                "// A lesson about numbers",
                "// title: Numbers",
                "#include <sys/socket.h>",
                "/* say: inside a block comment is just a comment */",
                "int main(void) {",
                "    int a = socket(AF_INET, SOCK_STREAM, 0); /* note */ // say: hi",
                "",
                "    // say: bye",
                "",
                "    close(a);  // a plain comment: with a colon",
                "}",
                "",
                "");

        assertThat(lesson.listing().lines()).containsExactly(
                "// A lesson about numbers",
                "#include <sys/socket.h>",
                "/* say: inside a block comment is just a comment */",
                "int main(void) {",
                "    int a = socket(AF_INET, SOCK_STREAM, 0); /* note */",
                "",
                "    close(a);  // a plain comment: with a colon",
                "}");
        assertThat(lesson.listing().indexOf(lesson.statements().get(1).line())).isEqualTo(6);
    }

    @Test
    void windowsLineEndingsAndChineseTextKeepTheMapping() throws LessonParseException {
        LessonSource lesson = LessonParser.parse("crlf.c",
                "// title: 中文 | Chinese\r\n// say: 第一个套接字 | the first\r\nint 甲 = 0;\r\n".replace("int 甲 = 0;",
                        "int a = socket(AF_INET, SOCK_DGRAM, 0); /* 注释 */ // say: 好 | good"));

        assertThat(lesson.listing().lines()).containsExactly("int a = socket(AF_INET, SOCK_DGRAM, 0); /* 注释 */");
        assertThat(lesson.listing().indexOf(3)).isZero();
        assertThat(lesson.listing().indexOf(4)).isEqualTo(-1);
    }
}
