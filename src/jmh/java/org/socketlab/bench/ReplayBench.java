// SPDX-License-Identifier: Apache-2.0
package org.socketlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socketlab.lesson.replay.Replay;
import org.socketlab.lesson.replay.TraceReplay;

/**
 * How long importing a big strace log takes, beside merely reading its lines. The log is made
 * by {@code /work/shared/traces/programs/churn.c} (see docs/BENCHMARKS.md): 100,000 lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ReplayBench {
    @Param("/tmp/big.strace")
    public String trace;

    @Benchmark
    public Replay importTrace() throws IOException {
        return TraceReplay.importTrace(Path.of(trace));
    }

    @Benchmark
    public List<String> readLines() throws IOException {
        return Files.readAllLines(Path.of(trace), StandardCharsets.UTF_8);
    }
}
