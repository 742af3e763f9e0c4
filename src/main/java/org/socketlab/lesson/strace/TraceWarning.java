// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * A line, or part of one, the parser could not understand, or a pairing it could not make
 * (an {@code <unfinished ...>} call that never resumed).
 *
 * @param line    1-based line number
 * @param column  1-based column where the problem was noticed
 * @param message what is wrong, in words a user can act on
 */
public record TraceWarning(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
