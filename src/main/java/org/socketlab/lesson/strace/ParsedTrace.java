// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;

/**
 * A strace log turned into events, in log order, plus what could not be understood.
 *
 * @param sourceName what the log was read from (a file name), for messages
 * @param events     calls, signals, exits and strace's own notes, in the order they completed
 * @param warnings   lines or parts the parser could not understand, in line order
 * @param hasPids    true when the log was recorded with {@code -f} and lines carry pids
 * @param mainPid    the first (traced) process in a log with pids, when the log shows it; the
 *                   lines strace printed without a pid before any other process existed
 *                   belong to it. Null in logs without pids
 * @param lineCount  how many lines the log has
 * @param format     the options the log appears to have been recorded with
 */
public record ParsedTrace(String sourceName, List<TraceEvent> events, List<TraceWarning> warnings,
                          boolean hasPids, Integer mainPid, int lineCount, TraceFormat format) {

    /** The system calls only. */
    public List<TraceCall> calls() {
        return events.stream().filter(TraceCall.class::isInstance).map(TraceCall.class::cast).toList();
    }

    /** The system calls with this name, e.g. "socket". */
    public List<TraceCall> calls(String name) {
        return events.stream()
                .filter(e -> e instanceof TraceCall c && c.name().equals(name))
                .map(TraceCall.class::cast)
                .toList();
    }
}
