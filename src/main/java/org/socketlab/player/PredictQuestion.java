// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.List;
import java.util.Objects;

/**
 * A question put to the class before a frame is shown: which number, which state, which
 * errno. The choices are symbols (a number, "TCP_LISTEN", "EMFILE"), the same in every
 * language; the question and the explanation are message keys.
 *
 * @param kind        what is asked
 * @param choices     the answers to pick from, in the order shown
 * @param answer      the index of the right one
 * @param subject     what the question is about, e.g. the call "socket" or the descriptor 4
 */
public record PredictQuestion(Kind kind, List<String> choices, int answer, String subject) {
    /** The kinds of question. */
    public enum Kind {
        /** Which descriptor number will the call return? */
        TICKET,
        /** Which protocol state will the socket be in? */
        STATE,
        /** The call fails: with which errno? */
        ERRNO
    }

    public PredictQuestion {
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        Objects.checkIndex(answer, choices.size());
        Objects.requireNonNull(subject, "subject");
        if (choices.stream().distinct().count() != choices.size()) {
            throw new IllegalArgumentException("choices repeat: " + choices);
        }
    }

    /** The right answer. */
    public String correctChoice() {
        return choices.get(answer);
    }
}
