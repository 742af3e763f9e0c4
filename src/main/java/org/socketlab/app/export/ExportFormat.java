// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

/** What a lesson export writes. */
public enum ExportFormat {
    /** One numbered PNG per step: {@code 01-allocate-memory.png}, … */
    PNG,
    /** One animated GIF of the steps, looping forever. */
    GIF,
    /** A contact sheet: every step on one printable page, as PNG. */
    SHEET,
    /** A handout to print: a PDF with a title page and a page per step, its narration as text. */
    PDF
}
