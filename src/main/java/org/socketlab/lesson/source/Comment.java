// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

/**
 * A {@code //} comment; directives and narration live in these.
 *
 * @param body   the text after the two slashes
 * @param line   1-based line
 * @param column 1-based column of the first slash
 * @param start  offset of the first slash
 */
record Comment(String body, int line, int column, int start) {
    /** The column of a position inside the body. */
    int columnOf(int bodyIndex) {
        return column + 2 + body.codePointCount(0, bodyIndex);
    }
}
