// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Saves several files into one folder so that they appear together or not at all, e.g. a whole
 * lesson as {@code 01-…png … 12-…png}.
 *
 * <p>{@link #add} writes each file right away (one picture in memory at a time) but only to a
 * hidden, fsynced temporary file in the target folder ({@link AtomicFileWriter} explains how).
 * {@link #commit} then checks that no target appeared meanwhile and renames all temporary files
 * into place; {@link #close} without a commit deletes them. So:
 * <ul>
 *   <li>a failure while <em>writing</em> (encoder exception, full disk, cancel) leaves the folder
 *       exactly as it was: no new file, partial or complete;</li>
 *   <li>a failure during the final renames (very unlikely: they are plain renames inside one
 *       folder) keeps the files renamed so far, each complete, lists them in
 *       {@link ExportException#completedFiles()} and deletes the rest.</li>
 * </ul>
 *
 * <pre>{@code
 * try (AtomicFileBatch batch = AtomicFileBatch.open(dir, overwrite)) {
 *     for (...) batch.add(name, out -> png.encode(image, out));
 *     batch.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use one batch from one thread.
 */
public final class AtomicFileBatch implements AutoCloseable {

    private final Path directory;
    private final boolean overwrite;
    /** target → its complete temporary file, in the order added. */
    private final Map<Path, Path> pending = new LinkedHashMap<>();
    /** Files of an earlier export that this one replaces by having fewer of them, removed at commit. */
    private final List<Path> retired = new ArrayList<>();
    private boolean finished;

    private AtomicFileBatch(Path directory, boolean overwrite) {
        this.directory = directory;
        this.overwrite = overwrite;
    }

    /**
     * Starts a batch saving into {@code directory}, which must exist and be writable.
     *
     * @param overwrite whether existing files with the same names may be replaced
     * @throws ExportException if the folder is missing, not a folder or not writable
     */
    public static AtomicFileBatch open(Path directory, boolean overwrite) throws ExportException {
        Path dir = AtomicFileWriter.normalize(directory);
        // Check the folder the same way a single file in it would be checked.
        Path probe = dir.resolve(".socket-lab-export-probe");
        ExportFailures.checkCanCreate(probe, true);
        return new AtomicFileBatch(dir, overwrite);
    }

    /** The folder files are saved into. */
    public Path directory() {
        return directory;
    }

    /**
     * Writes file {@code fileName} (a plain name such as {@code "01-allocate-memory.png"}, see
     * {@link ExportNames}) to a temporary file; it becomes visible only at {@link #commit}.
     * The same rules as {@link AtomicFileWriter#write} apply to {@code body}.
     *
     * @return the path the file will have after the commit
     * @throws TargetExistsException if the file exists and overwriting is not allowed (checked
     *         before {@code body} runs, so the UI can ask early)
     * @throws ExportException if writing failed; this file leaves nothing behind, the batch
     *         stays open and {@link #close} cleans up the others
     * @throws IllegalArgumentException if the name is not a plain file name or was already added
     */
    public Path add(String fileName, IoConsumer<? super OutputStream> body) throws ExportException {
        Objects.requireNonNull(body, "body");
        if (finished) {
            throw new IllegalStateException("this export batch was already committed or closed");
        }
        Path target = resolve(fileName);
        if (pending.containsKey(target)) {
            throw new IllegalArgumentException("\"" + fileName + "\" was already added to this export");
        }
        ExportFailures.checkTarget(target, overwrite);
        Path tmp = AtomicFileWriter.writeTemp(target, body);
        pending.put(target, tmp);
        return target;
    }

    /**
     * Removes file {@code fileName} at {@link #commit}, after every added file is in place: a
     * page of an earlier, longer export that this one replaces. Only in a batch that may overwrite.
     *
     * @throws IllegalStateException if the batch may not overwrite
     */
    public void retire(String fileName) {
        if (!overwrite) {
            throw new IllegalStateException("only a batch that may overwrite removes files");
        }
        retired.add(resolve(fileName));
    }

    /** The files added so far (their final paths), in order. */
    public List<Path> pendingFiles() {
        return List.copyOf(pending.keySet());
    }

    /**
     * Renames all added files into place, in the order they were added, and ends the batch.
     *
     * @return the saved files, in order
     * @throws TargetExistsException if overwriting is not allowed and some targets exist now;
     *         nothing was saved, and every conflicting file is listed
     * @throws ExportException if a rename failed; {@link ExportException#completedFiles()} lists
     *         the files saved before it, and no temporary file is left
     */
    public List<Path> commit() throws ExportException {
        if (finished) {
            throw new IllegalStateException("this export batch was already committed or closed");
        }
        List<Path> saved = new ArrayList<>();
        try {
            if (!overwrite) {
                List<Path> clashes = new ArrayList<>();
                for (Path target : pending.keySet()) {
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        clashes.add(target);
                    }
                }
                if (!clashes.isEmpty()) {
                    throw new TargetExistsException(clashes);
                }
            }
            for (Map.Entry<Path, Path> e : pending.entrySet()) {
                try {
                    AtomicFileWriter.publish(e.getValue(), e.getKey(), overwrite);
                } catch (ExportException failure) {
                    if (saved.isEmpty()) {
                        throw failure;
                    }
                    throw withCompleted(failure, saved);
                }
                saved.add(e.getKey());
            }
            for (Path old : retired) {
                try {
                    Files.deleteIfExists(old);
                } catch (IOException failure) {
                    throw ExportFailures.translate(failure, old, saved);
                }
            }
            AtomicFileWriter.syncDirectory(directory);
            return List.copyOf(saved);
        } finally {
            close();
        }
    }

    /** Ends the batch; temporary files of a batch that was not committed are deleted. */
    @Override
    public void close() {
        finished = true;
        for (Path tmp : pending.values()) {
            AtomicFileWriter.deleteQuietly(tmp);
        }
        pending.clear();
    }

    private Path resolve(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        Path name = Path.of(fileName);
        if (fileName.isEmpty() || name.getNameCount() != 1 || name.isAbsolute() || fileName.equals(".")
                || fileName.equals("..") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("not a plain file name: \"" + fileName + "\"");
        }
        return directory.resolve(name);
    }

    private static ExportException withCompleted(ExportException failure, List<Path> saved) {
        if (failure instanceof TargetExistsException) {
            return new ExportException(failure.reason(), failure.path(),
                    failure.getMessage() + " (" + saved.size() + " of the files were saved before this.)",
                    failure, saved);
        }
        Throwable cause = failure.getCause();
        if (cause instanceof IOException io) {
            return ExportFailures.translate(io, failure.path(), saved);
        }
        return new ExportException(failure.reason(), failure.path(), failure.getMessage(), failure, saved);
    }
}
