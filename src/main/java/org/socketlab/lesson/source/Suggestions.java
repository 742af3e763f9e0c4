// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest known name by edit distance, if it is close enough to be a typo. */
final class Suggestions {
    private static final int LONGEST = 40;

    private Suggestions() {
    }

    /** The candidate closest to the word, ignoring case, within a third of its length (at least 1 edit). */
    static Optional<String> closest(String word, Iterable<String> candidates) {
        if (word.length() > LONGEST) {
            return Optional.empty();
        }
        String w = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'?", or the fallback when nothing is close. */
    static String hint(String word, Iterable<String> candidates, String fallback) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(fallback);
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one each. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
