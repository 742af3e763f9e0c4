// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * A signal delivered to a traced process: {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---},
 * or a stop, {@code --- stopped by SIGSTOP ---}.
 *
 * @param signal    the signal's name, e.g. "SIGCHLD"
 * @param info      the siginfo struct, or null when strace printed none
 * @param stopped   true for {@code --- stopped by SIG... ---}
 * @param timestamp the raw timestamp printed before it, or null
 * @param rawText   the line as it appears in the log
 */
public record TraceSignal(int line, Integer pid, String signal, Arg.Struct info, boolean stopped,
                          String timestamp, String rawText) implements TraceEvent {
}
