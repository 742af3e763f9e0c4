// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.socketlab.lesson.replay.ProcessAtEnd;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.ReplayReport;
import org.socketlab.lesson.replay.ReplayWarning;
import org.socketlab.lesson.replay.ReplayedCall;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * The one JSON object {@code socket-lab replay --json} and {@code run --json} print
 * (docs/replay-json.md, docs/replay-json.schema.json), streamed through Jackson's generator:
 * {@link #call} writes one call at a time as the replay reaches it (the object's start before
 * the first), {@link #close(ReplayReport)} the rest. Nothing but the generator's small buffer is
 * held, so a log of a million lines prints in the memory of one call; nothing is written before
 * the first call, so a log refused at the start leaves no half object behind. Every character
 * beyond ASCII is escaped, so the output reads the same whatever the terminal's encoding.
 */
final class ReplayJson {
    /** Shared and thread-safe; leaves the writer open for the command's own messages. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** The names a call repeats, quoted once here rather than for each of a log's calls. */
    private static final SerializedString LINE = new SerializedString("line");
    private static final SerializedString PID = new SerializedString("pid");
    private static final SerializedString CALL = new SerializedString("call");
    private static final SerializedString RESULT = new SerializedString("result");
    private static final SerializedString ERRNO = new SerializedString("errno");
    private static final SerializedString FDS = new SerializedString("fds");
    private static final SerializedString PREDICTED = new SerializedString("predicted");
    private static final SerializedString PREDICTED_ERRNO = new SerializedString("predictedErrno");

    private final Writer out;
    private JsonGenerator g;

    /** The object on {@code out}, which stays open. */
    ReplayJson(Writer out) {
        this.out = out;
    }

    /** Writes a whole replay (or lesson run) to {@code out}. */
    static void write(Replay replay, Writer out) {
        ReplayJson json = new ReplayJson(out);
        replay.calls().forEach(json::call);
        json.close(replay.report());
    }

    private void start() {
        if (g == null) {
            g = FACTORY.createGenerator(out);
            g.writeStartObject();
            g.writeArrayPropertyStart("calls");
        }
    }

    /** The next call of the {@code calls} array. */
    void call(ReplayedCall c) {
        start();
        g.writeStartObject();
        g.writeName(LINE);
        g.writeNumber(c.line());
        g.writeName(PID);
        integer(c.pid());
        g.writeName(CALL);
        g.writeString(c.call());
        g.writeName(RESULT);
        if (c.result() == null) {
            g.writeNull();
        } else {
            g.writeNumber(c.result());
        }
        g.writeName(ERRNO);
        g.writeString(c.errno());
        g.writeName(FDS);
        ints(c.fds());
        g.writeName(PREDICTED);
        ints(c.predicted());
        g.writeName(PREDICTED_ERRNO);
        g.writeString(c.check().predictedErrno());
        g.writeEndObject();
    }

    /** Ends the calls, writes what follows them, ends the object and flushes. */
    void close(ReplayReport report) {
        start();
        g.writeEndArray();
        g.writeArrayPropertyStart("processes");
        for (ProcessAtEnd p : report.processes()) {
            g.writeStartObject();
            integer("pid", p.pid());
            integer("exited", p.exitStatus());
            ints("threads", p.threads());
            g.writeArrayPropertyStart("open");
            for (ProcessAtEnd.OpenDescriptor d : p.open()) {
                g.writeStartObject();
                g.writeNumberProperty("fd", d.fd());
                g.writeStringProperty("kind", d.kind());
                g.writeStringProperty("family", d.family());
                g.writeStringProperty("type", d.type());
                g.writeStringProperty("state", d.state());
                g.writeStringProperty("name", d.name());
                g.writeStringProperty("mayBe", d.mayBe());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberProperty("mismatches", report.mismatches());
        g.writeNumberProperty("disagreements", report.disagreements());
        g.writeArrayPropertyStart("warnings");
        for (ReplayWarning warning : report.warnings()) {
            g.writeStartObject();
            g.writeNumberProperty("line", warning.line());
            g.writeStringProperty("kind", warning.kind().name());
            g.writeStringProperty("message", warning.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("notAnimated");
        for (Map.Entry<String, Integer> e : new TreeMap<>(report.notAnimated()).entrySet()) {
            g.writeNumberProperty(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberProperty("lines", report.lineCount());
        g.writeNumberProperty("frames", report.frames());
        g.writeEndObject();
        g.close();
    }

    private void integer(String name, Integer value) {
        g.writeName(name);
        integer(value);
    }

    private void integer(Integer value) {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    private void ints(String name, List<Integer> values) {
        g.writeName(name);
        ints(values);
    }

    private void ints(List<Integer> values) {
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (int i = 0; i < values.size(); i++) {
            g.writeNumber(values.get(i).intValue());
        }
        g.writeEndArray();
    }
}
