// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.Objects;

/** How a step leaves the call it belongs to: still running, returned, or failed. */
public sealed interface Outcome {
    /** The call is still under way; later steps will finish it. */
    Outcome PENDING = new Pending();
    /** The call is blocked for good. */
    Outcome BLOCKED = new Blocked();

    /** True when the call has returned (successfully or not). */
    default boolean isReturned() {
        return !(this instanceof Pending);
    }

    /** The call goes on. */
    record Pending() implements Outcome {
    }

    /** The call returned a value (a descriptor for socket(), 0 for close()). */
    record Success(int value) implements Outcome {
    }

    /**
     * The call would wait for something that never comes in this lesson (accept() with no
     * client, say); the lesson goes on without it returning.
     */
    record Blocked() implements Outcome {
    }

    /** The call returned -1 and set errno. */
    record Failure(Errno errno) implements Outcome {
        public Failure {
            Objects.requireNonNull(errno, "errno");
        }
    }
}
