// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;
import org.socketlab.testing.ShippedLogs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code replay --json} and {@code run --json} print, parsed as JSON and checked against the
 * schema docs/replay-json.schema.json documents, for every log and lesson the project ships.
 */
class ReplayJsonSchemaTest {
    private static final Path SCHEMA = Path.of("docs", "replay-json.schema.json");
    private static final Path DOC = Path.of("docs", "replay-json.md");
    private static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static List<Path> logs() {
        return ShippedLogs.all();
    }

    static Stream<String> lessons() {
        return BuiltInLessons.all().stream().map(BuiltInLesson::id);
    }

    @ParameterizedTest
    @MethodSource("logs")
    void everyShippedLogReplaysToJsonTheSchemaAccepts(Path log) {
        CommandRun run = CommandRun.of("replay", log.toString(), "--json");

        assertThat(run.status()).isZero();
        assertThat(run.out()).endsWith("}" + System.lineSeparator()).doesNotContain("\n{");
        assertThat(errors(run.out())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyBuiltInLessonRunsToJsonTheSchemaAccepts(String lesson) {
        CommandRun run = CommandRun.of("run", lesson, "--json");

        assertThat(run.status()).isZero();
        assertThat(errors(run.out())).isEmpty();
    }

    @Test
    void theSchemaRejectsACountWrittenAsTextAndAMissingMember() throws IOException {
        String json = CommandRun.of("replay", Path.of("src/test/resources/traces/lifecycle.strace").toString(),
                "--json").out();
        assertThat(json).contains("\"mismatches\":0,");

        assertThat(errors(json.replace("\"mismatches\":0,", "\"mismatches\":\"0\",")))
                .anySatisfy(e -> assertThat(e.toString()).contains("mismatches"));
        assertThat(errors(json.replace("\"frames\":", "\"pictures\":")))
                .anySatisfy(e -> assertThat(e.toString()).contains("frames"));
        assertThat(logs()).hasSizeGreaterThan(20);
    }

    @Test
    void pathsBeyondAsciiAreEscapedAndReadBackAsTheyWere() throws IOException {
        // strace writes bytes beyond ASCII as octal escapes; a log edited by hand may hold them as they are
        Path log = Files.writeString(dir.resolve("café.strace"), """
                execve("./a.out", ["./a.out"], 0x7ffd /* 20 vars */) = 0
                openat(AT_FDCWD, "/tmp/café ☕", O_RDONLY) = 3
                openat(AT_FDCWD, "/tmp/th\\303\\251", O_RDONLY) = 4
                socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 5
                exit_group(0)                           = ?
                +++ exited with 0 +++
                """);

        CommandRun run = CommandRun.of("replay", log.toString(), "--json");

        assertThat(run.out()).matches("[\\x20-\\x7e]*\\R").contains("\"mismatches\":0,");
        assertThat(errors(run.out())).isEmpty();
        JsonNode open = JsonMapper.shared().readTree(run.out()).get("processes").get(0).get("open");
        assertThat(open.findValuesAsString("name")).contains("/tmp/café ☕", "/tmp/thé");
    }

    @Test
    void theDocumentsExampleIsWhatItsLogReplaysToAndTheSchemaAcceptsIt() throws IOException {
        String doc = Files.readString(DOC);
        String example = doc.substring(doc.indexOf("## Example"));
        String log = block(example, "```\n");
        String expected = block(example, "```json\n");

        CommandRun run = CommandRun.of("replay", Files.writeString(dir.resolve("example.strace"), log).toString(),
                "--json");

        assertThat(errors(expected)).isEmpty();
        assertThat(JsonMapper.shared().readTree(run.out()))
                .as("docs/replay-json.md's example: replay its log with --json and lay the output out again")
                .isEqualTo(JsonMapper.shared().readTree(expected));
    }

    private static String block(String markdown, String fence) {
        int start = markdown.indexOf(fence) + fence.length();
        return markdown.substring(start, markdown.indexOf("```", start));
    }

    private static List<Error> errors(String json) {
        return schema.validate(json, InputFormat.JSON);
    }
}
