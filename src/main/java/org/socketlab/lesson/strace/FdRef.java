// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * A file descriptor number as it appears in an argument or a result, with the
 * {@code -y}/{@code -yy} decoration strace printed after it (null without {@code -y}).
 */
public record FdRef(int fd, Decoration decoration) {

    /** True when the decoration says this descriptor is a socket (false without {@code -y}). */
    public boolean isSocket() {
        return decoration != null && decoration.isSocket();
    }
}
