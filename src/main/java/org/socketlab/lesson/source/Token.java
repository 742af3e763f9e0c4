// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

/**
 * One name, number, string or punctuation mark of a lesson's code.
 *
 * @param kind   what it is
 * @param text   the source text (a string keeps its quotes)
 * @param line   1-based line
 * @param column 1-based column in code points
 * @param start  offset of its first char in the text
 * @param end    offset after its last char
 * @param string a string's decoded value, else ""
 * @param number a number's value, else 0
 */
record Token(Kind kind, String text, int line, int column, int start, int end, String string, long number) {
    /** The kinds of token. */
    enum Kind { NAME, NUMBER, STRING, PUNCT, EOF }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }

    boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** The column just after the token (tokens never span lines). */
    int endColumn() {
        return column + text.codePointCount(0, text.length());
    }

    /** How an error message names the token. */
    String describe() {
        return kind == Kind.EOF ? "the end of the file" : "'" + text + "'";
    }
}
