// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.socketlab.lesson.LocalizedText;

/**
 * A lesson file as written by an instructor, checked and resolved: what to call it, how the
 * machine starts, and the calls to make, in order, each with the process that makes it.
 *
 * @param sourceName  the file's name, as used in error messages
 * @param title       the lesson's title (the file's name when the header has no title)
 * @param description one sentence about it, possibly empty
 * @param settings    the machine the lesson starts with
 * @param statements  the calls, in the order they run
 * @param lines       the file's lines (statements point into them)
 * @param listing     the code as the code panel shows it, without directives and narration
 * @param globals     the global ints declared before main(), with the values they start with: main and
 *                    its threads share them, a fork()'s child gets a copy
 */
public record LessonSource(String sourceName, LocalizedText title, LocalizedText description, HeaderSettings settings,
                           List<Statement> statements, List<String> lines, CodeListing listing,
                           Map<String, Integer> globals) {
    public LessonSource {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(settings, "settings");
        statements = List.copyOf(statements);
        lines = List.copyOf(lines);
        Objects.requireNonNull(listing, "listing");
        globals = Map.copyOf(globals);
    }

    /** A lesson without global variables. */
    public LessonSource(String sourceName, LocalizedText title, LocalizedText description, HeaderSettings settings,
                        List<Statement> statements, List<String> lines, CodeListing listing) {
        this(sourceName, title, description, settings, statements, lines, listing, Map.of());
    }

    /**
     * Every process the lesson uses, in the order they come to exist: the first process
     * ({@link HeaderSettings#processName()}), then each fork()'s child and each pthread_create()'s
     * thread (a thread has an id from the same numbers).
     */
    public List<String> processes() {
        List<String> names = new ArrayList<>();
        names.add(settings.processName());
        for (Statement s : statements) {
            s.child().ifPresent(names::add);
        }
        return List.copyOf(names);
    }

    /** The threads among {@link #processes()}: those pthread_create() started. */
    public Set<String> threads() {
        Set<String> names = new HashSet<>();
        for (Statement s : statements) {
            if (s.call() == Call.PTHREAD_CREATE) {
                s.child().ifPresent(names::add);
            }
        }
        return Set.copyOf(names);
    }
}
