// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.List;
import java.util.Objects;

/**
 * What to say about a step, as a message key and its arguments; the user interface looks the
 * key up in its language. Arguments are numbers and symbolic names, never sentences.
 *
 * @param key  the message key, e.g. "socket.allocate"
 * @param args the values the message mentions
 */
public record Narration(String key, List<Object> args) {
    public Narration {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** A narration with these arguments. */
    public static Narration of(String key, Object... args) {
        return new Narration(key, List.of(args));
    }
}
