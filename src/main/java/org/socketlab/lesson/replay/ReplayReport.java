// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Map;

/**
 * What a replay or a lesson run found out, apart from its calls: the part of {@code replay} and
 * {@code run} output that follows the calls, the same whether the calls were kept
 * ({@link Replay#report()}) or streamed past ({@link TraceReplay#summarize}).
 *
 * @param calls         how many calls were recognised
 * @param processes     every traced process with its descriptors at the end
 * @param warnings      lines the parser could not read, guesses, disagreements; in line order
 * @param mismatches    how many calls that create descriptors the model predicted wrongly
 * @param disagreements how many other calls the model expected to end differently
 * @param notAnimated   calls the model does not animate, by name, with how often they occur
 * @param lineCount     how many lines the log has
 * @param frames        how many frames the lesson has
 */
public record ReplayReport(int calls, List<ProcessAtEnd> processes, List<ReplayWarning> warnings, int mismatches,
                           int disagreements, Map<String, Integer> notAnimated, int lineCount, int frames) {
    public ReplayReport {
        processes = List.copyOf(processes);
        warnings = List.copyOf(warnings);
        notAnimated = Map.copyOf(notAnimated);
    }
}
