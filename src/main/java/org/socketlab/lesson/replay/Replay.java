// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.List;
import java.util.Map;
import org.socketlab.lesson.Lesson;

/**
 * A strace log replayed on the kernel model: a lesson the window can play (the log's lines as
 * its code, every recognised call as steps), and what the replay found out on the way.
 *
 * @param lesson        the lesson to play
 * @param calls         the calls recognised, in the order they completed
 * @param processes     every traced process with its descriptors at the end
 * @param warnings      lines the parser could not read, guesses, disagreements; in line order
 * @param mismatches    how many calls that create descriptors the model predicted wrongly
 * @param disagreements how many other calls the model expected to end differently
 * @param notAnimated   calls the model does not animate, by name, with how often they occur
 * @param lineCount     how many lines the log has
 */
public record Replay(Lesson lesson, List<ReplayedCall> calls, List<ProcessAtEnd> processes,
                     List<ReplayWarning> warnings, int mismatches, int disagreements,
                     Map<String, Integer> notAnimated, int lineCount) {
    public Replay {
        calls = List.copyOf(calls);
        processes = List.copyOf(processes);
        warnings = List.copyOf(warnings);
        notAnimated = Map.copyOf(notAnimated);
    }

    /** Everything but the calls and the lesson: what {@code replay} and {@code run} print after the calls. */
    public ReplayReport report() {
        return new ReplayReport(calls.size(), processes, warnings, mismatches, disagreements, notAnimated, lineCount,
                lesson.size());
    }
}
