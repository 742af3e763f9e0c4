// SPDX-License-Identifier: Apache-2.0
package org.socketlab.codec;

import java.util.Locale;
import java.util.Optional;

/** The paper a handout is printed on, in PDF points (1/72 inch). */
public enum Paper {
    /** ISO A4, 210 × 297 mm. */
    A4(595.28f, 841.89f),
    /** US Letter, 8.5 × 11 in. */
    LETTER(612f, 792f);

    private final float width;
    private final float height;

    Paper(float width, float height) {
        this.width = width;
        this.height = height;
    }

    /** The width in points. */
    public float width() {
        return width;
    }

    /** The height in points. */
    public float height() {
        return height;
    }

    /** The name on the command line: a4 or letter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The paper named {@code id} (a4, letter), in any case. */
    public static Optional<Paper> find(String id) {
        for (Paper paper : values()) {
            if (paper.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(paper);
            }
        }
        return Optional.empty();
    }
}
