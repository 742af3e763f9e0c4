// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * The end of a traced process: {@code +++ exited with 0 +++} or
 * {@code +++ killed by SIGKILL +++} ({@code (core dumped)} noted).
 *
 * @param exitCode   the exit status, or null when the process was killed
 * @param killedBy   the signal that killed it, or null when it exited
 * @param coreDumped true when strace added "(core dumped)"
 * @param timestamp  the raw timestamp printed before it, or null
 * @param rawText    the line as it appears in the log
 */
public record TraceExit(int line, Integer pid, Integer exitCode, String killedBy, boolean coreDumped,
                        String timestamp, String rawText) implements TraceEvent {
}
