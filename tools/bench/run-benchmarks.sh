#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Compiles the JMH benchmarks (src/jmh/java, Maven profile "bench") and runs them headless.
# Arguments go to JMH, e.g. a benchmark name pattern: tools/bench/run-benchmarks.sh ExportBenchmark.gif
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/jmh-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main "$@"
