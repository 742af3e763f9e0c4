// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One system call with its arguments and result. A call that strace printed in two parts
 * ({@code accept4(3, <unfinished ...>} ... {@code <... accept4 resumed>{...}, [16], 0) = 5})
 * is merged into one: its arguments are the two parts together.
 *
 * @param line            the 1-based line where the call completed (its result line)
 * @param startLine       the line where it began; equal to {@code line} for one-line calls
 * @param pid             see {@link TraceEvent#pid()}
 * @param name            the call's name, e.g. "socket", "accept4", "syscall_0x1b6"
 * @param args            the arguments, top-level {@code name=value} ones as {@link Arg.Named}
 * @param result          what it returned
 * @param timestamp       the raw timestamp printed when the call began ("22:31:07.123456",
 *                        "1732660267.123456", "0.000123"), or null
 * @param durationSeconds the {@code -T} time spent in the call, or null
 * @param rawText         the call as it appears in the log: one line, or for a merged call
 *                        the start line and the completion line joined by '\n'
 */
public record TraceCall(int line, int startLine, Integer pid, String name, List<Arg> args, Result result,
                        String timestamp, Double durationSeconds, String rawText) implements TraceEvent {

    public TraceCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rawText, "rawText");
    }

    /** The argument at this position (a named argument comes back as {@link Arg.Named}). */
    public Optional<Arg> arg(int index) {
        return index >= 0 && index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /** The value of a top-level {@code name=value} argument, e.g. clone's "flags". */
    public Optional<Arg> namedArg(String argName) {
        return Arg.findNamed(args, argName);
    }

    /** True when strace printed this call in two parts (unfinished, then resumed). */
    public boolean wasInterrupted() {
        return startLine != line;
    }

    /** For clone, clone3, fork and vfork: the new task and whether it shares the descriptor table. */
    public Optional<CloneInfo> cloneInfo() {
        return CloneInfo.of(this);
    }

    /** For prlimit64, setrlimit, getrlimit and ugetrlimit: the limits set and read. */
    public Optional<RlimitCall> rlimit() {
        return RlimitCall.of(this);
    }
}
