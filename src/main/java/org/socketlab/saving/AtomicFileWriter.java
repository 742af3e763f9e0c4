// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saves a file so that it is either completely there or not touched at all: a crash, a full
 * disk or an exception while encoding never leaves a half-written picture behind, and an
 * existing file is only replaced when allowed.
 *
 * <p>How: the bytes go to a hidden temporary file {@code .<name>-<random>.part} in the
 * <em>same</em> folder (so the final step is a rename, never a copy across disks), which is
 * flushed to the disk ({@code fsync}) and then renamed over the target atomically
 * ({@code ATOMIC_MOVE}; plain {@code REPLACE_EXISTING} where the file system cannot). When
 * replacing is not allowed the target is created with a hard link, which fails atomically if
 * a file of that name appeared meanwhile (falls back to check-then-rename where hard links
 * are unsupported). The temporary file is deleted on every failure.
 *
 * <p>The temporary file is created with the same default permissions as any new file (the
 * user's umask), not the owner-only permissions of {@code Files.createTempFile}, so exported
 * pictures stay readable by others just like files saved by other programs; a replaced file
 * keeps its previous POSIX permissions.
 *
 * <p>For many files that must appear together (a lesson as numbered PNGs) use
 * {@link AtomicFileBatch}.
 */
public final class AtomicFileWriter {

    private static final int BUFFER_SIZE = 64 * 1024;

    private AtomicFileWriter() {
    }

    /**
     * Writes {@code target} with the bytes {@code body} writes to the stream it is given.
     *
     * <p>{@code body} must not keep the stream; closing it is allowed but not needed. If
     * {@code body} throws an {@link IOException} it is reported as an {@link ExportException}
     * (e.g. "not enough disk space"); a {@code RuntimeException} or {@code Error} from it is
     * rethrown unchanged. In every failure case the target is untouched and no temporary file
     * is left.
     *
     * @param overwrite whether an existing {@code target} may be replaced
     * @throws TargetExistsException if {@code target} exists and {@code overwrite} is false
     *         ({@code body} is then not called)
     * @throws ExportException for every other failure, with a message for the user
     */
    public static void write(Path target, boolean overwrite, IoConsumer<? super OutputStream> body)
            throws ExportException {
        Objects.requireNonNull(body, "body");
        Path file = normalize(target);
        ExportFailures.checkCanCreate(file, overwrite);
        Path tmp = writeTemp(file, body);
        boolean published = false;
        try {
            publish(tmp, file, overwrite);
            published = true;
        } finally {
            if (!published) {
                deleteQuietly(tmp);
            }
        }
        syncDirectory(file.getParent());
    }

    static Path normalize(Path target) {
        Path file = Objects.requireNonNull(target, "target").toAbsolutePath().normalize();
        if (file.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + target);
        }
        return file;
    }

    /**
     * Writes {@code body}'s bytes to a new, fsynced temporary file next to {@code target} and
     * returns it; on failure nothing is left behind.
     */
    static Path writeTemp(Path target, IoConsumer<? super OutputStream> body) throws ExportException {
        Path tmp = null;
        boolean ok = false;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                Path candidate = tempName(target);
                try {
                    channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    tmp = candidate;
                    deleteOnExit(tmp);
                } catch (FileAlreadyExistsException clash) {
                    if (attempt >= 20) {
                        throw clash;
                    }
                }
            }
            try (FileChannel ch = channel) {
                CloseShield stream = new CloseShield(new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_SIZE));
                body.accept(stream);
                stream.flushToChannel();
                ch.force(true);
            }
            copyPermissions(target, tmp);
            ok = true;
            return tmp;
        } catch (IOException e) {
            throw ExportFailures.translate(e, target);
        } finally {
            if (!ok && tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Moves the complete temporary file {@code tmp} to {@code target}. On success {@code tmp}
     * is gone; on failure the caller deletes it.
     */
    static void publish(Path tmp, Path target, boolean overwrite) throws ExportException {
        try {
            if (!overwrite) {
                try {
                    Files.createLink(target, tmp); // atomic "create if absent", full content at once
                    deleteQuietly(tmp);
                    return;
                } catch (FileAlreadyExistsException e) {
                    throw new TargetExistsException(List.of(target));
                } catch (IOException | UnsupportedOperationException | SecurityException noHardLinks) {
                    ExportFailures.checkTarget(target, false); // fall back to check-then-rename
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                if (overwrite) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, target);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new TargetExistsException(List.of(target));
        } catch (IOException e) {
            throw ExportFailures.translate(e, target);
        }
    }

    /** Makes the renames in {@code dir} durable where the platform allows it (Linux, macOS). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open folders; the data itself was already forced before the rename.
        }
    }

    /**
     * A temporary file still there when the JVM ends (the window closed or Ctrl+C in the middle
     * of an export) is deleted then; once renamed into place its old name no longer exists.
     */
    private static void deleteOnExit(Path tmp) {
        try {
            tmp.toFile().deleteOnExit();
        } catch (UnsupportedOperationException | SecurityException ignored) {
            // not on the default file system: the normal clean-up still applies
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing more can be done, and the original failure matters more
        }
    }

    private static Path tempName(Path target) {
        String name = target.getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(0, 100); // keep well under the usual 255-byte name limit
        }
        String random = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        return target.resolveSibling("." + name + "-" + random + ".part");
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            if (Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException ignored) {
            // not POSIX, or not our file: the new file keeps the default permissions
        }
    }

    /** The stream given to callbacks: closing it only flushes, so we can still fsync. */
    private static final class CloseShield extends FilterOutputStream {
        private boolean closed;

        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            closed = true;
        }

        void flushToChannel() throws IOException {
            out.flush();
        }

        private void ensureOpen() throws IOException {
            if (closed) {
                throw new IOException("the export stream was already closed");
            }
        }
    }
}
