// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import org.socketlab.lesson.kernelrun.RealKernel;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernel-truth fixtures are true on the machine that runs the build: every
 * {@code src/test/resources/kernel-truth/<behaviour>/prog.c} (or the shipped example program that
 * the fixture's {@code program} file names, so that it has one source) is compiled and run under strace
 * ({@link RealKernel}) with fresh ports, and the fresh log must show what the fixture's
 * {@code expect.txt} says, in order. The recorded {@code prog.strace} beside it must show the
 * same (it is the evidence a reader opens).
 *
 * <p>{@code -Dkernel.truth.record=true} writes the fresh logs over the recorded ones (run from the
 * project's folder); {@code -Dkernel.truth.only=a,b} runs only those behaviours.
 */
class KernelTruthTest {
    private static final String ROOT = "/kernel-truth";
    private static final Path SOURCES = Path.of("src/test/resources/kernel-truth");

    static Path fixtures() {
        try {
            return Path.of(KernelTruthTest.class.getResource(ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> behaviours() throws IOException {
        Set<String> only = Arrays.stream(System.getProperty("kernel.truth.only", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(fixtures())) {
            return dirs.filter(d -> Files.exists(d.resolve("expect.txt")))
                    .filter(d -> only.isEmpty() || only.contains(d.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /**
     * The fixture's C program: its own {@code prog.c}, or the example program shipped in
     * {@code assets/traces/programs} that its {@code program} file names (a path from the project's
     * folder, where the build runs).
     */
    static Path program(Path dir) {
        Path named = dir.resolve("program");
        if (!Files.exists(named)) {
            return dir.resolve("prog.c");
        }
        try {
            return Path.of(Files.readString(named, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureIsTrueOnThisMachine() throws IOException {
        boolean record = Boolean.getBoolean("kernel.truth.record");
        return behaviours().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(),
                () -> check(dir, record)));
    }

    private static void check(Path dir, boolean record) throws Exception {
        String name = "kernel-truth/" + dir.getFileName() + "/expect.txt";
        String expectations = Files.readString(dir.resolve("expect.txt"), StandardCharsets.UTF_8);
        boolean nobody = ExpectedCalls.parseAnyPorts(name, expectations).asNobody();
        RealKernel.Options options = RealKernel.Options.standard().withAsNobody(nobody)
                .withIncludeDir(fixtures().resolve("include"))
                .withKeepLogIn(record ? SOURCES.resolve(dir.getFileName()) : null);

        RealKernel.Run run = RealKernel.run(program(dir), options);

        assertThat(run.ending()).as("%s ended", dir.getFileName())
                .isNotInstanceOf(RealKernel.Ending.TimedOut.class);
        boolean root = RealKernel.runningAsRoot() && !nobody;
        ExpectedCalls fresh = ExpectedCalls.parse(name, expectations, run.ports());
        assertThat(fresh.check(run.log(), root)).as("the fresh log (%s, ran as %s); stdout:%n%s",
                run.ending().describe(), run.asUser(), run.stdout()).isEmpty();
        String recorded = record ? run.log() : Files.readString(dir.resolve("prog.strace"), StandardCharsets.UTF_8);
        ExpectedCalls anyPorts = ExpectedCalls.parseAnyPorts(name, expectations);
        // The recorded log is true for whoever recorded it: root's lines or a user's.
        List<String> asRoot = anyPorts.check(recorded, true);
        List<String> asUser = anyPorts.check(recorded, false);
        assertThat(asRoot.isEmpty() || asUser.isEmpty()).as("the recorded prog.strace: %s", asRoot).isTrue();
    }

    @Test
    void everyFixtureHasItsProgramLogExpectationsAndReadme() throws IOException {
        List<Path> all = behaviours();
        assertThat(all).hasSizeGreaterThanOrEqualTo(1);
        for (Path dir : all) {
            for (String file : List.of("prog.strace", "expect.txt", "README.md")) {
                assertThat(dir.resolve(file)).as("%s/%s", dir.getFileName(), file).isNotEmptyFile();
            }
            assertThat(program(dir)).as("%s's program", dir.getFileName()).isNotEmptyFile();
            String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
            assertThat(readme).as("%s/README.md names the kernel functions and the command", dir.getFileName())
                    .contains("## Kernel", "## Command", "strace -f -yy");
            String source = Files.readString(program(dir), StandardCharsets.UTF_8);
            assertThat(source).as("%s/prog.c", dir.getFileName()).startsWith("// SPDX-License-Identifier: Apache-2.0");
        }
    }
}
