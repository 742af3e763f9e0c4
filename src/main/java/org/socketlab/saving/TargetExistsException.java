// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.nio.file.Path;
import java.util.List;

/**
 * Saving was refused because the file already exists and replacing it was not allowed. The UI
 * can catch this type to ask "Replace?" and retry with {@code overwrite = true}; the CLI can
 * suggest {@code --force}. Nothing was written when this is thrown.
 */
public final class TargetExistsException extends ExportException {

    private static final long serialVersionUID = 1L;

    private final transient List<Path> existing;

    /** {@code existing} lists every conflicting file (one for a single export). */
    public TargetExistsException(List<Path> existing) {
        super(Reason.ALREADY_EXISTS, existing.get(0), message(existing), null);
        this.existing = List.copyOf(existing);
    }

    /** All files that already exist, in export order. */
    public List<Path> existing() {
        return existing;
    }

    private static String message(List<Path> existing) {
        if (existing.size() == 1) {
            return "\"" + existing.get(0) + "\" already exists.";
        }
        return existing.size() + " files already exist in \"" + existing.get(0).getParent()
                + "\", for example \"" + existing.get(0).getFileName() + "\".";
    }
}
