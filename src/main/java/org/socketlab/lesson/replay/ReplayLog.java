// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.strace.TraceCall;

/** What a replay records as it goes: the calls, the warnings, the counts. */
final class ReplayLog {
    final List<ReplayedCall> calls = new ArrayList<>();
    final List<ReplayWarning> warnings = new ArrayList<>();
    final Map<String, Integer> notAnimated = new TreeMap<>();
    int mismatches;
    int disagreements;

    void warn(int line, ReplayWarning.Kind kind, Object... args) {
        warnings.add(ReplayWarning.of(line, kind, args));
    }

    /** Records a call that creates descriptors: a wrong prediction is a mismatch. */
    void call(TraceCall call, Integer pid, KernelCheck check) {
        calls.add(new ReplayedCall(call.line(), pid, call.name(), call.result().value(), call.result().errno(),
                check));
        if (check.mismatch()) {
            mismatches++;
        }
    }

    /** Records any other call: a wrong expectation is a disagreement. */
    void other(TraceCall call, Integer pid, KernelCheck check) {
        calls.add(new ReplayedCall(call.line(), pid, call.name(), call.result().value(), call.result().errno(),
                check));
        if (check.mismatch()) {
            disagreements++;
        }
    }

    void notAnimated(String name) {
        notAnimated.merge(name, 1, Integer::sum);
    }
}
