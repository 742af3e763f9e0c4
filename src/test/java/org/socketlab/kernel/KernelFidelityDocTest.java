// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/kernel-fidelity.md covers every call the model has: each C name of each {@link SyscallKind}
 * is named in the first column of a row of its behaviour tables (the lessons' table does not count:
 * a lesson is a proof, not a description).
 */
class KernelFidelityDocTest {
    private static final Path DOC = Path.of("docs/kernel-fidelity.md");

    /** The first cell of each row of each table whose header's first cell is not "lesson". */
    static List<String> behaviours(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean header = true;
        boolean counts = false;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                header = true;
                continue;
            }
            String first = line.substring(1, Math.max(1, line.indexOf('|', 1))).strip();
            if (header) {
                counts = !first.toLowerCase(Locale.ROOT).equals("lesson");
                header = false;
            } else if (counts && !first.startsWith("---")) {
                out.add(first);
            }
        }
        return out;
    }

    static boolean names(String cell, String call) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(call) + "(?![\\w])").matcher(cell).find();
    }

    @Test
    void everyCallTheModelHasHasARowThatNamesIt() throws IOException {
        List<String> rows = behaviours(Files.readAllLines(DOC, StandardCharsets.UTF_8));
        assertThat(rows).as("rows read from %s", DOC).hasSizeGreaterThan(30);

        List<String> missing = new ArrayList<>();
        for (SyscallKind kind : SyscallKind.values()) {
            for (String call : kind.cNames()) {
                if (rows.stream().noneMatch(row -> names(row, call))) {
                    missing.add(kind + " " + call);
                }
            }
        }
        assertThat(missing).as("calls no row of %s names in its first column", DOC).isEmpty();
    }

    @Test
    void theLessonsTableDoesNotCountAndASeparatorIsNoRow() {
        List<String> rows = behaviours(List.of("## a", "", "| behaviour | the model |", "|---|---|",
                "| bind() order | x |", "", "| lesson | what |", "|---|---|", "| listen-only | listen() |"));

        assertThat(rows).containsExactly("bind() order");
        assertThat(names("bind() order", "bind")).isTrue();
        assertThat(names("dup3 and dup2", "dup")).isFalse();
    }
}
