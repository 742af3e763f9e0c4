// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.PrintWriter;
import java.io.Writer;
import org.socketlab.lesson.kernelrun.KernelProof;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/** A lesson's proof against the real kernel as {@code run --kernel} prints it: a table, or one JSON object. */
final class KernelRunOutput {
    /** Leaves the command's writer open, as replay --json does. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private KernelRunOutput() {
    }

    /** Call by call, the model's answer beside the kernel's, then the verdict. */
    static void table(KernelProof.Proof proof, PrintWriter out) {
        out.printf("%6s  %-7s  %-14s  %-18s  %-18s  %s%n", "LINE", "PID", "CALL", "MODEL", "KERNEL", "");
        for (KernelProof.CallComparison c : proof.calls()) {
            out.printf("%6s  %-7d  %-14s  %-18s  %-18s  %s%n", c.line() == 0 ? "-" : String.valueOf(c.line()), c.pid(),
                    c.call(), c.model() == null ? "(no call)" : c.model().describe(),
                    c.kernel() == null ? "(no call)" : c.kernel().describe(), c.agrees() ? "" : "DIFFERS");
        }
        out.println();
        out.printf("on the real kernel, as %s: %s (the model: %s)%n", proof.asUser(), proof.ending().describe(),
                proof.modelEnding().describe());
        long differ = proof.calls().stream().filter(c -> !c.agrees()).count();
        if (proof.agrees()) {
            out.printf("%d calls: the model agrees with the kernel%n", proof.calls().size());
        } else {
            out.printf("the model and the kernel differ (%d of %d calls):%n", differ, proof.calls().size());
            out.print(proof.describeDisagreements());
        }
    }

    /** The same as one JSON object on one line, written to {@code out} (Jackson's streaming generator). */
    static void json(KernelProof.Proof proof, Writer out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("lesson", proof.lesson().getFileName().toString());
            g.writeBooleanProperty("agrees", proof.agrees());
            g.writeStringProperty("asUser", proof.asUser());
            g.writeStringProperty("ending", proof.ending().describe());
            g.writeStringProperty("modelEnding", proof.modelEnding().describe());
            g.writeArrayPropertyStart("calls");
            for (KernelProof.CallComparison c : proof.calls()) {
                g.writeStartObject();
                g.writeNumberProperty("line", c.line());
                g.writeNumberProperty("pid", c.pid());
                g.writeStringProperty("call", c.call());
                answer(g, "model", c.model());
                answer(g, "kernel", c.kernel());
                g.writeStringProperty("disagreement", c.disagreement());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void answer(JsonGenerator g, String name, KernelProof.Answer a) {
        g.writeName(name);
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeName("result");
        if (a.result() == null) {
            g.writeNull();
        } else {
            g.writeNumber(a.result());
        }
        g.writeStringProperty("errno", a.errno());
        g.writeArrayPropertyStart("fds");
        for (int fd : a.fds()) {
            g.writeNumber(fd);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
