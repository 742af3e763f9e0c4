// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

/** Hears how far a lesson export is: the window's progress bar, the terminal's lines. */
public interface ExportListener {
    /** A listener that ignores everything. */
    ExportListener NONE = new ExportListener() {
    };

    /** {@code done} of {@code total} units of work are finished (called on the export's thread). */
    default void progress(int done, int total) {
    }

    /** File {@code fileName} is written completely (it appears when the whole export succeeds). */
    default void fileWritten(String fileName) {
    }
}
