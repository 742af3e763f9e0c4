// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ("\n" or "\r\n") from a Reader without ever holding more than one line,
 * refusing a line longer than {@code maxLine} chars or an input longer than
 * {@code maxTotal} chars before it has been read into memory.
 */
final class LineReader {
    private final Reader in;
    private final String sourceName;
    private final int maxLine;
    private final long maxTotal;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long total;
    private int lineNo;
    private boolean eof;
    private StringBuilder spill;

    LineReader(Reader in, String sourceName, int maxLine, long maxTotal) {
        this.in = in;
        this.sourceName = sourceName;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
    }

    /** The number of the line last returned (1-based), or of the line being read. */
    int lineNo() {
        return lineNo;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        lineNo++;
        boolean spilled = false;
        int lineLen = 0;
        while (true) {
            if (pos >= len && (eof || !fill())) {
                if (!spilled) {
                    lineNo--;
                    return null;
                }
                return finish(spill.toString());
            }
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            lineLen += chunk;
            if (lineLen > maxLine) {
                throw new NotAStraceLogException(NotAStraceLogException.Reason.LINE_TOO_LONG, lineNo,
                        sourceName + " is not a strace log this program can read: line " + lineNo
                                + " is longer than " + maxLine / 1024 + " KB (strace cuts long strings short,"
                                + " so real logs never have lines that long)");
            }
            if (pos < len) {
                pos++;
                if (!spilled) {
                    return finish(new String(buf, start, chunk));
                }
                spill.append(buf, start, chunk);
                return finish(spill.toString());
            }
            if (!spilled) {
                if (spill == null) {
                    spill = new StringBuilder(256);
                }
                spill.setLength(0);
                spilled = true;
            }
            spill.append(buf, start, chunk);
        }
    }

    private String finish(String line) {
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line = line.substring(0, line.length() - 1);
        }
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                // a Reader that returns 0 is broken; treat it as the end rather than spin
                eof = true;
            }
            return false;
        }
        total += n;
        if (total > maxTotal) {
            throw new NotAStraceLogException(NotAStraceLogException.Reason.FILE_TOO_LARGE, 0,
                    sourceName + " is too large to replay: it is over " + maxTotal / (1 << 20)
                            + " MB. Record a shorter run, or trace fewer calls (strace -e trace=socket,close,...)");
        }
        pos = 0;
        len = n;
        return true;
    }
}
