// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * One thing a strace log reports, in log order: a system call, a signal, a process exit,
 * or a message from strace itself.
 */
public sealed interface TraceEvent permits TraceCall, TraceSignal, TraceExit, TraceNote {

    /** The 1-based line of the log where the event was completed. */
    int line();

    /**
     * The process (or thread) id, or null when the log carries no pids. In a {@code -f} log,
     * lines printed without a pid are given the pid of the process that was alone at the time
     * (usually the main process, see {@link ParsedTrace#mainPid()}).
     */
    Integer pid();
}
