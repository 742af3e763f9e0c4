// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Saving an exported file failed; the message is written for the person who clicked "Export"
 * (no stack-trace jargon) and names the file, e.g. {@code Cannot save "/home/ana/shots/01-x.png":
 * not enough disk space to write it.} The UI can show {@link #getMessage()} as is, and the CLI
 * can print it.
 *
 * <p>It is a <em>checked</em> exception on purpose: exporting is user-triggered I/O where
 * failure is expected (full disk, missing USB stick), so every caller must decide what to tell
 * the user. Programming errors (bad arguments, or a {@code RuntimeException} thrown by the
 * caller's own write callback) are not wrapped.
 */
public class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (e.g. offer another folder). */
    public enum Reason {
        /** The folder to save into does not exist. */
        FOLDER_MISSING,
        /** The "folder" to save into is a regular file. */
        NOT_A_FOLDER,
        /** A folder already has the file name we want. */
        TARGET_IS_FOLDER,
        /** A file with that name exists and replacing it was not allowed. */
        ALREADY_EXISTS,
        /** The user may not create files in the folder. */
        NO_PERMISSION,
        /** The folder is on a read-only file system. */
        READ_ONLY,
        /** The disk (or the user's quota) is full. */
        DISK_FULL,
        /** Any other I/O failure; the message carries the system's explanation. */
        WRITE_FAILED
    }

    private final Reason reason;
    private final transient Path path;
    private final transient List<Path> completedFiles;

    /** A failure to save {@code path}, with a message meant for the user. */
    public ExportException(Reason reason, Path path, String message, Throwable cause) {
        this(reason, path, message, cause, List.of());
    }

    /**
     * As above, for a multi-file export that had already saved {@code completedFiles} (each one
     * complete) before it failed.
     */
    public ExportException(Reason reason, Path path, String message, Throwable cause, List<Path> completedFiles) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = path;
        this.completedFiles = List.copyOf(completedFiles);
    }

    /** Why saving failed. */
    public Reason reason() {
        return reason;
    }

    /** The file (or, for a missing folder, the file that was to be saved in it). */
    public Path path() {
        return path;
    }

    /** Files of a multi-file export that were completely saved before the failure; often empty. */
    public List<Path> completedFiles() {
        return completedFiles;
    }
}
