// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * One drawer of the descriptor cabinet in use: the number the application holds (its
 * "ticket") and the open file it leads to. Several descriptors may lead to the same open
 * file (after dup() or fork()).
 *
 * @param number      the descriptor number, 0 and up
 * @param fileId      the {@link OpenFile} it refers to
 * @param closeOnExec FD_CLOEXEC: the descriptor is closed across execve()
 */
public record Descriptor(int number, int fileId, boolean closeOnExec) {
    public Descriptor {
        if (number < 0) {
            throw new IllegalArgumentException("negative descriptor " + number);
        }
    }
}
