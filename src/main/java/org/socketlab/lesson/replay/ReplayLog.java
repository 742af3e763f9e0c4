// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.strace.TraceCall;

/**
 * What a replay records as it goes: the calls (kept, or handed on one by one), the warnings,
 * the counts.
 */
final class ReplayLog {
    final List<ReplayedCall> calls = new ArrayList<>();
    /** Where each call goes instead of {@link #calls}, or null to keep them. */
    private final Consumer<ReplayedCall> handOn;
    int callCount;
    final List<ReplayWarning> warnings = new ArrayList<>();
    final Map<String, Integer> notAnimated = new TreeMap<>();
    int mismatches;
    int disagreements;

    /** A log that keeps the calls. */
    ReplayLog() {
        this(null);
    }

    /** A log that hands each call to {@code handOn} and keeps none (null: keeps them). */
    ReplayLog(Consumer<ReplayedCall> handOn) {
        this.handOn = handOn;
    }

    void warn(int line, ReplayWarning.Kind kind, Object... args) {
        warnings.add(ReplayWarning.of(line, kind, args));
    }

    /** Records a call that creates descriptors: a wrong prediction is a mismatch. */
    void call(TraceCall call, Integer pid, KernelCheck check) {
        record(new ReplayedCall(call.line(), pid, call.name(), call.result().value(), call.result().errno(),
                check));
        if (check.mismatch()) {
            mismatches++;
        }
    }

    /** Records any other call: a wrong expectation is a disagreement. */
    void other(TraceCall call, Integer pid, KernelCheck check) {
        record(new ReplayedCall(call.line(), pid, call.name(), call.result().value(), call.result().errno(),
                check));
        if (check.mismatch()) {
            disagreements++;
        }
    }

    private void record(ReplayedCall c) {
        callCount++;
        if (handOn == null) {
            calls.add(c);
        } else {
            handOn.accept(c);
        }
    }

    void notAnimated(String name) {
        notAnimated.merge(name, 1, Integer::sum);
    }
}
