// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.loading.BuiltInLessons;

/**
 * Every built-in lesson is true to the kernel: each is compiled with gcc, run under strace on this
 * machine and set beside the model's run of the same file, call by call ({@link KernelProof}). A
 * lesson marked {@code // model-only:} in its header is exempt (it needs a setting no real machine
 * has). The lessons run at the same time, each on fresh ports, so the whole check takes about as
 * long as the slowest lesson.
 */
class LessonKernelProofTest {
    private static final Path FOLDER = Path.of("assets/lessons");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stopThePool() {
        POOL.shutdownNow();
    }

    private static Path file(BuiltInLesson lesson) {
        return FOLDER.resolve(lesson.resource().substring(BuiltInLessons.FOLDER.length()));
    }

    private static boolean modelOnly(BuiltInLesson lesson) throws IOException {
        return KernelProof.modelOnly(Files.readString(file(lesson), StandardCharsets.UTF_8)).isPresent();
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltInLessonAgreesWithTheRealKernel() throws IOException {
        assertThat(KernelProof.missingTools()).as("tools for the proof (.ci/run installs them)").isEmpty();
        Map<String, CompletableFuture<KernelProof.Proof>> proofs = new LinkedHashMap<>();
        for (BuiltInLesson lesson : BuiltInLessons.all()) {
            if (modelOnly(lesson)) {
                continue;
            }
            proofs.put(lesson.id(), CompletableFuture.supplyAsync(() -> {
                try {
                    return KernelProof.prove(file(lesson));
                } catch (KernelProof.CannotProve | IOException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, POOL));
        }
        return proofs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            KernelProof.Proof proof = e.getValue().join();
            assertThat(proof.calls()).as("%s: the calls compared", e.getKey()).isNotEmpty();
            assertThat(proof.describeDisagreements()).as("%s (ran as %s, %s)", e.getKey(), proof.asUser(),
                    proof.ending().describe()).isEmpty();
            assertThat(proof.agrees()).isTrue();
        }));
    }

    @Test
    void onlyLessonsThatNeedAModelSettingAreExempt() throws IOException {
        List<String> exempt = BuiltInLessons.all().stream().filter(l -> {
            try {
                return modelOnly(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(BuiltInLesson::id).toList();
        assertThat(exempt).containsExactly("out-of-memory");
    }
}
