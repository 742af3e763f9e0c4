// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The variables visible at a point of the lesson: C's block scopes, each name mapped to its declaring line. */
final class Scopes {
    private final Deque<Map<String, Integer>> scopes = new ArrayDeque<>();
    private final Map<String, Integer> everDeclared = new HashMap<>();

    Scopes() {
        scopes.push(new HashMap<>());
    }

    void push() {
        scopes.push(new HashMap<>());
    }

    void pop() {
        if (scopes.size() > 1) {
            scopes.pop();
        }
    }

    void declare(String name, int line) {
        scopes.peek().put(name, line);
        everDeclared.put(name, line);
    }

    /** The line that declared a visible variable, or 0 when none is visible. */
    int declaredOn(String name) {
        for (Map<String, Integer> scope : scopes) {
            Integer line = scope.get(name);
            if (line != null) {
                return line;
            }
        }
        return 0;
    }

    boolean isVisible(String name) {
        return declaredOn(name) > 0;
    }

    /** The line of a declaration that has gone out of scope, or 0. */
    int goneOutOfScope(String name) {
        return isVisible(name) ? 0 : everDeclared.getOrDefault(name, 0);
    }

    List<String> visibleNames() {
        List<String> names = new ArrayList<>();
        for (Map<String, Integer> scope : scopes) {
            names.addAll(scope.keySet());
        }
        names.sort(null);
        return names;
    }
}
