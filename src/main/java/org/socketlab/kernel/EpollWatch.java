// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * One entry of an epoll instance's interest list (a {@code struct epitem}): the descriptor number
 * epoll_ctl() named, the open file behind it, and the events asked for. The kernel keys the entry by
 * file <em>and</em> number, and keeps it while the file lives: closing the number while a dup() keeps
 * the file leaves it in the list, under the old number (kernel-truth/event-descriptors).
 *
 * @param fd     the number epoll_ctl() was given
 * @param fileId the watched open file
 * @param events the readiness bits asked for ({@link Readiness#POLLIN}, ...; EPOLLIN is POLLIN)
 */
public record EpollWatch(int fd, int fileId, int events) {
    /** "4 (EPOLLIN)": the number and the events, as strace names them. */
    public String describe() {
        return fd + " (" + Readiness.names(events, "EPOLL") + ")";
    }
}
