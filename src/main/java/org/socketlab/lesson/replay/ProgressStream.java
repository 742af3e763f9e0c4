// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/** A log's bytes, telling {@link ReplayProgress} how many were read and stopping when the thread is interrupted. */
final class ProgressStream extends FilterInputStream {
    /** Told every this many bytes. */
    private static final long EVERY = 1 << 20;
    private final long total;
    private final ReplayProgress progress;
    private long done;
    private long told;

    ProgressStream(InputStream in, long total, ReplayProgress progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the import was cancelled");
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            done += n;
            if (done - told >= EVERY) {
                told = done;
                progress.progress(ReplayProgress.Stage.READING, done, Math.max(done, total));
            }
        }
        return n;
    }
}
