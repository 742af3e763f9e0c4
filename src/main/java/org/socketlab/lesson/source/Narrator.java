// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import org.socketlab.lesson.LocalizedText;
import java.util.List;
import java.util.Optional;

/**
 * Hands each call the {@code say:} comments that belong to it: those on its own line (before
 * anything else follows it there) and the standalone ones since the previous call.
 */
final class Narrator {
    /**
     * One {@code say:} comment.
     *
     * @param start  offset of its "//"
     * @param line   its line
     * @param column column of its "//"
     * @param text   what it says
     */
    record Say(int start, int line, int column, LocalizedText text) {
    }

    private final List<Say> says;
    private int next;

    Narrator(List<Say> says) {
        this.says = List.copyOf(says);
    }

    /**
     * The narration for a call that ends on {@code endLine}, before the token at {@code nextToken}.
     * Several say: lines become several lines of narration.
     */
    Optional<LocalizedText> take(int nextToken, int endLine) {
        LocalizedText text = null;
        while (next < says.size() && says.get(next).start() < nextToken && says.get(next).line() <= endLine) {
            LocalizedText t = says.get(next++).text();
            text = text == null ? t : text.followedBy(t);
        }
        return Optional.ofNullable(text);
    }

    /** Reports every say: that no call took. */
    void reportLeftovers(Problems problems) {
        for (; next < says.size(); next++) {
            Say s = says.get(next);
            problems.add(s.line(), s.column(), "'say:' has no call after it to narrate",
                    "put say: at the end of a call's line, or on its own line just before the call");
        }
    }
}
