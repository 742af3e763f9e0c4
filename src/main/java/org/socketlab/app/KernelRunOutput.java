// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.util.List;
import org.socketlab.lesson.kernelrun.KernelProof;

/** A lesson's proof against the real kernel as {@code run --kernel} prints it: a table, or one JSON object. */
final class KernelRunOutput {
    private KernelRunOutput() {
    }

    /** Call by call, the model's answer beside the kernel's, then the verdict. */
    static void table(KernelProof.Proof proof, PrintWriter out) {
        out.printf("%6s  %-7s  %-12s  %-18s  %-18s  %s%n", "LINE", "PID", "CALL", "MODEL", "KERNEL", "");
        for (KernelProof.CallComparison c : proof.calls()) {
            out.printf("%6s  %-7d  %-12s  %-18s  %-18s  %s%n", c.line() == 0 ? "-" : String.valueOf(c.line()), c.pid(),
                    c.call(), c.model() == null ? "(no call)" : c.model().describe(),
                    c.kernel() == null ? "(no call)" : c.kernel().describe(), c.agrees() ? "" : "DIFFERS");
        }
        out.println();
        out.printf("on the real kernel, as %s: %s (the model: %s)%n", proof.asUser(), proof.ending().describe(),
                proof.modelEnding());
        long differ = proof.calls().stream().filter(c -> !c.agrees()).count();
        if (proof.agrees()) {
            out.printf("%d calls: the model agrees with the kernel%n", proof.calls().size());
        } else {
            out.printf("the model and the kernel differ (%d of %d calls):%n", differ, proof.calls().size());
            out.print(proof.describeDisagreements());
        }
    }

    /** The same as one JSON object. */
    static String json(KernelProof.Proof proof) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("lesson").value(proof.lesson().getFileName().toString());
        w.name("agrees").value(proof.agrees());
        w.name("asUser").value(proof.asUser());
        w.name("ending").value(proof.ending().describe());
        w.name("modelEnding").value(proof.modelEnding());
        w.name("calls").beginArray();
        for (KernelProof.CallComparison c : proof.calls()) {
            w.beginObject().name("line").value(c.line()).name("pid").value(c.pid()).name("call").value(c.call());
            answer(w.name("model"), c.model());
            answer(w.name("kernel"), c.kernel());
            w.name("disagreement").value(c.disagreement()).endObject();
        }
        w.endArray();
        return w.endObject().toString();
    }

    private static void answer(JsonWriter w, KernelProof.Answer a) {
        if (a == null) {
            w.nullValue();
            return;
        }
        w.beginObject().name("result").value(a.result()).name("errno").value(a.errno()).name("fds").beginArray();
        List<Integer> fds = a.fds();
        for (Integer fd : fds) {
            w.value(fd);
        }
        w.endArray().endObject();
    }
}
