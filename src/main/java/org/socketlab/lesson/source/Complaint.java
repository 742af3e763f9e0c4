// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

/** A value a lesson wrote that cannot be used; the caller knows where it is and makes a Problem. */
final class Complaint extends Exception {
    private static final long serialVersionUID = 1L;

    private final String hint;

    Complaint(String message, String hint) {
        super(message, null, false, false);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
