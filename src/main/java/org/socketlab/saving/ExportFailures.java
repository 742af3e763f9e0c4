// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.socketlab.saving.ExportException.Reason;

/** Turns file-system failures into {@link ExportException}s with messages a user understands. */
final class ExportFailures {

    private ExportFailures() {
    }

    /** Checks, before anything is written, that {@code target} can be created in its folder. */
    static void checkCanCreate(Path target, boolean overwrite) throws ExportException {
        Path dir = target.getParent();
        if (!Files.exists(dir)) {
            throw new ExportException(Reason.FOLDER_MISSING, target,
                    cannotSave(target) + "the folder \"" + dir + "\" does not exist.", null);
        }
        if (!Files.isDirectory(dir)) {
            throw new ExportException(Reason.NOT_A_FOLDER, target,
                    cannotSave(target) + "\"" + dir + "\" is a file, not a folder.", null);
        }
        checkTarget(target, overwrite);
        if (!Files.isWritable(dir)) {
            throw noPermission(target, null);
        }
    }

    /** Checks the target name itself: not a folder, and not an existing file unless allowed. */
    static void checkTarget(Path target, boolean overwrite) throws ExportException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportException(Reason.TARGET_IS_FOLDER, target,
                    cannotSave(target) + "a folder with that name is already there.", null);
        }
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new TargetExistsException(List.of(target));
        }
    }

    /** Translates a failure while writing {@code target}. */
    static ExportException translate(IOException e, Path target) {
        return translate(e, target, List.of());
    }

    /** As {@link #translate(IOException, Path)}, remembering already completed files. */
    static ExportException translate(IOException e, Path target, List<Path> completed) {
        Path dir = target.getParent();
        String text = allMessages(e);
        if (text.contains("no space left on device") || text.contains("not enough space on the disk")
                || text.contains("disk quota exceeded") || text.contains("disk full")) {
            return new ExportException(Reason.DISK_FULL, target, cannotSave(target)
                    + "not enough disk space to write it. Free some space or choose another folder."
                    + done(completed), e, completed);
        }
        if (text.contains("read-only file system")) {
            return new ExportException(Reason.READ_ONLY, target, cannotSave(target)
                    + "the folder \"" + dir + "\" is on a read-only disk." + done(completed), e, completed);
        }
        if (e instanceof AccessDeniedException || text.contains("permission denied")
                || text.contains("access is denied") || text.contains("operation not permitted")) {
            return noPermission(target, e, completed);
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return new ExportException(Reason.TARGET_IS_FOLDER, target, cannotSave(target)
                    + "a folder with that name is already there." + done(completed), e, completed);
        }
        if (e instanceof NoSuchFileException && !Files.isDirectory(dir)) {
            return new ExportException(Reason.FOLDER_MISSING, target, cannotSave(target)
                    + "the folder \"" + dir + "\" no longer exists." + done(completed), e, completed);
        }
        return new ExportException(Reason.WRITE_FAILED, target,
                cannotSave(target) + detail(e) + done(completed), e, completed);
    }

    static ExportException noPermission(Path target, IOException cause) {
        return noPermission(target, cause, List.of());
    }

    private static ExportException noPermission(Path target, IOException cause, List<Path> completed) {
        return new ExportException(Reason.NO_PERMISSION, target, cannotSave(target)
                + "you do not have permission to write in the folder \"" + target.getParent() + "\"."
                + done(completed), cause, completed);
    }

    private static String cannotSave(Path target) {
        return "Cannot save \"" + target + "\": ";
    }

    private static String done(List<Path> completed) {
        if (completed.isEmpty()) {
            return "";
        }
        return " (" + completed.size() + (completed.size() == 1 ? " file was" : " files were")
                + " saved before the error.)";
    }

    private static String detail(IOException e) {
        String reason = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "the system reported an error (" + e.getClass().getSimpleName() + ").";
        }
        return reason.endsWith(".") ? reason : reason + ".";
    }

    /** Lower-cased messages of {@code t}, its causes and suppressed exceptions. */
    private static String allMessages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
            sb.append(t.getMessage()).append('\n');
            if (t instanceof FileSystemException fse) {
                sb.append(fse.getReason()).append('\n');
            }
            for (Throwable s : t.getSuppressed()) {
                sb.append(s.getMessage()).append('\n');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
