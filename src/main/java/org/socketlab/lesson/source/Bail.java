// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

/** Abandons the statement being parsed after its problem has been recorded; the parser resynchronises. */
final class Bail extends Exception {
    private static final long serialVersionUID = 1L;

    Bail() {
        super(null, null, false, false);
    }
}
