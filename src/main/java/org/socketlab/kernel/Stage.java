// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/**
 * What a step does. socket() is the three classic stages (after its argument checks);
 * the other calls have stages of their own.
 */
public enum Stage {
    /** Before anything happens: the lesson's starting picture. */
    START,
    /** socket() checks its arguments; a failure here allocates nothing. */
    CHECK_ARGUMENTS,
    /** Stage 1, "an empty box": memory for struct socket and the protocol's sock. */
    ALLOCATE_MEMORY,
    /** Stage 2, "fill in the form": initial state, no addresses, empty buffers. */
    INIT_CONTROL_BLOCK,
    /** Stage 3, "a coat-check ticket": the lowest free descriptor is handed out. */
    ISSUE_DESCRIPTOR,
    /** close(): the drawer is emptied and the ticket is no longer valid. */
    CLOSE_DESCRIPTOR,
    /** The last reference is gone: the socket's memory goes back to the pool. */
    RELEASE_SOCKET;

    /** True for the three stages of socket() that the classic explanation names. */
    public boolean isSocketStage() {
        return this == ALLOCATE_MEMORY || this == INIT_CONTROL_BLOCK || this == ISSUE_DESCRIPTOR;
    }
}
