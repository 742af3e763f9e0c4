// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The events of a log {@link StraceParser#stream} read once already, read from the file again,
 * one line at a time, each time they are gone through: nothing but the line being read and the
 * calls still waiting for their {@code resumed} rest is held. Going through them to the end
 * closes the file; {@link #get} reads up to the event it returns (fine for the first, slow for
 * the last). Read-only. A file that cannot be read again, or that changed since the first
 * reading, throws an {@link UncheckedIOException}.
 */
final class StreamedEvents extends AbstractList<TraceEvent> {
    private final Path file;
    private final String sourceName;
    private final int size;
    private final Integer mainPid;

    /**
     * @param size    how many events the first reading found
     * @param mainPid the process the first reading gave the events printed without a pid, or null
     */
    StreamedEvents(Path file, String sourceName, int size, Integer mainPid) {
        this.file = file;
        this.sourceName = sourceName;
        this.size = size;
        this.mainPid = mainPid;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public TraceEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        Reading reading = new Reading();
        try {
            for (int i = 0; i < index; i++) {
                reading.next();
            }
            return reading.next();
        } finally {
            reading.close();
        }
    }

    @Override
    public Iterator<TraceEvent> iterator() {
        return new Reading();
    }

    /** One reading of the file; the file is closed when the last event has been read. */
    private final class Reading implements Iterator<TraceEvent> {
        private final ArrayDeque<TraceEvent> ready = new ArrayDeque<>();
        private final Reader reader;
        private final LineReader lines;
        private final TraceAssembler asm;
        private boolean open = true;
        private int read;

        Reading() {
            try {
                reader = StraceParser.utf8(Files.newInputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(sourceName + " cannot be read again", e);
            }
            lines = new LineReader(reader, sourceName, StraceParser.MAX_LINE_CHARS, StraceParser.MAX_FILE_CHARS);
            asm = new TraceAssembler(sourceName, ready::add, mainPid);
        }

        @Override
        public boolean hasNext() {
            try {
                while (ready.isEmpty() && open) {
                    String line = lines.next();
                    if (line == null) {
                        close();
                        if (read != size) {
                            throw new UncheckedIOException(new IOException(sourceName
                                    + " changed while it was being replayed"));
                        }
                    } else if (!line.isBlank()) {
                        asm.accept(lines.lineNo(), line);
                    }
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException(sourceName + " cannot be read again", e);
            }
            return !ready.isEmpty();
        }

        @Override
        public TraceEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            read++;
            return ready.poll();
        }

        void close() {
            if (open) {
                open = false;
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
