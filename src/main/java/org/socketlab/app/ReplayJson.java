// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.socketlab.lesson.replay.ProcessAtEnd;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.lesson.replay.ReplayedCall;

/** A replay as the one JSON object {@code socket-lab replay --json} prints. */
final class ReplayJson {
    private ReplayJson() {
    }

    static String of(Replay replay) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("calls").beginArray();
        for (ReplayedCall c : replay.calls()) {
            w.beginObject()
                    .name("line").value(c.line())
                    .name("pid").value(c.pid())
                    .name("call").value(c.call())
                    .name("result").value(c.result())
                    .name("errno").value(c.errno());
            ints(w.name("fds"), c.fds());
            ints(w.name("predicted"), c.predicted());
            w.name("predictedErrno").value(c.check().predictedErrno());
            w.endObject();
        }
        w.endArray();
        w.name("processes").beginArray();
        for (ProcessAtEnd p : replay.processes()) {
            w.beginObject().name("pid").value(p.pid()).name("exited").value(p.exitStatus()).name("open").beginArray();
            for (ProcessAtEnd.OpenDescriptor d : p.open()) {
                w.beginObject().name("fd").value(d.fd()).name("kind").value(d.kind())
                        .name("family").value(d.family()).name("type").value(d.type())
                        .name("state").value(d.state()).name("name").value(d.name()).endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
        w.name("mismatches").value(replay.mismatches());
        w.name("disagreements").value(replay.disagreements());
        w.name("warnings").beginArray();
        for (ReplayWarning warning : replay.warnings()) {
            w.beginObject().name("line").value(warning.line()).name("kind").value(warning.kind().name())
                    .name("message").value(warning.message()).endObject();
        }
        w.endArray();
        w.name("notAnimated").beginObject();
        for (Map.Entry<String, Integer> e : new TreeMap<>(replay.notAnimated()).entrySet()) {
            w.name(e.getKey()).value(e.getValue());
        }
        w.endObject();
        w.name("lines").value(replay.lineCount());
        w.name("frames").value(replay.lesson().size());
        return w.endObject().toString();
    }

    private static void ints(JsonWriter w, List<Integer> values) {
        if (values == null) {
            w.nullValue();
            return;
        }
        w.beginArray();
        for (Integer v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
