// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

/**
 * How far the import of a strace log has come, told as it goes, from the importing thread: the
 * log's bytes read, then its events replayed. An importing thread that is interrupted stops
 * with an {@link java.io.InterruptedIOException}.
 */
@FunctionalInterface
public interface ReplayProgress {
    /** Nobody is told. */
    ReplayProgress NONE = (stage, done, total) -> { };

    /** What the import is doing. */
    enum Stage {
        /** Reading and checking the log: {@code done} and {@code total} are bytes. */
        READING,
        /** Replaying the log's events on the model: {@code done} and {@code total} are events. */
        REPLAYING
    }

    /** {@code done} of {@code total} of the stage are behind. */
    void progress(Stage stage, long done, long total);
}
