// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.Set;
import org.socketlab.kernel.FileKind;
import org.socketlab.lesson.strace.TraceCall;

/**
 * Which end of a pipe a descriptor is, from what one call of the log shows about it. strace's
 * {@code -yy} names both ends of a pipe alike ({@code pipe:[46404]}); the pipe() that made them
 * tells them apart, but a pipe inherited or opened out of sight has no such line. fs/read_write.c
 * {@code vfs_read} refuses a file opened without FMODE_READ with EBADF before anything else, and
 * {@code vfs_write} one without FMODE_WRITE: so a read the kernel answered with anything but EBADF
 * (bytes, 0, EAGAIN, EINTR) was on the read end, a write on the write end. fcntl(F_GETFL) returns the
 * open file's access mode: O_RDONLY for the read end, O_WRONLY for the write end (fs/pipe.c
 * {@code create_pipe_files}).
 */
final class PipeEnds {
    private static final Set<String> READS = Set.of("read", "readv", "pread64", "preadv", "preadv2");
    private static final Set<String> WRITES = Set.of("write", "writev", "pwrite64", "pwritev", "pwritev2");
    private static final long O_ACCMODE = 3;

    private PipeEnds() {
    }

    /**
     * The end {@code c} shows descriptor {@code fd} to be ({@link FileKind#PIPE_READ} or
     * {@link FileKind#PIPE_WRITE}), or {@link FileKind#PIPE} when this call does not say.
     */
    static FileKind shownBy(TraceCall c, int fd) {
        boolean aboutFd = c.arg(0).flatMap(a -> a.asFd()).map(r -> r.fd() == fd).orElse(false);
        if (!aboutFd || c.result().isUnknown() && c.result().errno() == null || "EBADF".equals(c.result().errno())) {
            return FileKind.PIPE;
        }
        if (READS.contains(c.name())) {
            return FileKind.PIPE_READ;
        }
        if (WRITES.contains(c.name())) {
            return FileKind.PIPE_WRITE;
        }
        if (c.result().isError() || c.result().value() == null) {
            return FileKind.PIPE;
        }
        boolean getfl = c.name().startsWith("fcntl") && c.arg(1).map(a -> a.flagNames().contains("F_GETFL"))
                .orElse(false);
        if (getfl) {
            long mode = c.result().value() & O_ACCMODE;
            return mode == 0 ? FileKind.PIPE_READ : mode == 1 ? FileKind.PIPE_WRITE : FileKind.PIPE;
        }
        return FileKind.PIPE;
    }
}
