// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

/**
 * What a call did or was expected to do, when a warning says it in words rather than in
 * numbers and errno names: the English phrase is the warning's own; a window in another
 * language names it by its key, {@code replay.said.NAME}.
 */
public enum Said {
    /** The model expected the call to wait (accept() with nothing queued). */
    WAIT("it to wait"),
    /** The call succeeded. */
    SUCCESS("success"),
    /** The call gave no descriptor and no error. */
    NO_DESCRIPTOR("no descriptor"),
    /** Nothing is known of what the call did. */
    NOTHING("nothing");

    private final String english;

    Said(String english) {
        this.english = english;
    }

    /** The English words, as the warning's sentence uses them. */
    @Override
    public String toString() {
        return english;
    }
}
