// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every strace log the project keeps: the built-in examples (assets/traces), the shared logs
 * (src/test/resources/traces), the recorded everyday programs and the kernel-truth programs' logs.
 */
public final class ShippedLogs {
    private static final List<Path> FOLDERS = List.of(Path.of("assets", "traces"),
            Path.of("src", "test", "resources", "traces"), Path.of("src", "test", "resources", "recorded"),
            Path.of("src", "test", "resources", "kernel-truth"));

    private ShippedLogs() {
    }

    /** Every *.strace file below those folders, sorted. */
    public static List<Path> all() {
        return FOLDERS.stream().filter(Files::isDirectory).flatMap(ShippedLogs::walk)
                .filter(p -> p.getFileName().toString().endsWith(".strace")).sorted().toList();
    }

    private static Stream<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + " cannot be listed", e);
        }
    }
}
