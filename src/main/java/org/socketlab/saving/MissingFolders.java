// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.socketlab.saving.ExportException.Reason;

/**
 * Creates the folder an export saves into when it (or some of its parents) is missing, and takes
 * back exactly the folders it created when the export then saves nothing: {@code --out slides/}
 * works on a fresh checkout, and a failed export leaves the disk as it found it.
 */
public final class MissingFolders {
    /** The folders created, outermost first. */
    private final List<Path> created;

    private MissingFolders(List<Path> created) {
        this.created = List.copyOf(created);
    }

    /**
     * Makes sure {@code folder} exists, creating it and its missing parents.
     *
     * @throws ExportException when something on the way is a file, or a folder cannot be made
     *         (no permission, read-only disk); whatever was created is removed again
     */
    public static MissingFolders create(Path folder) throws ExportException {
        Path dir = folder.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(0, p);
        }
        List<Path> made = new ArrayList<>();
        for (Path p : missing) {
            Path parent = p.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                new MissingFolders(made).removeCreated();
                throw new ExportException(Reason.NOT_A_FOLDER, p, "Cannot create the folder \"" + p + "\": \""
                        + parent + "\" is a file, not a folder.", null);
            }
            try {
                Files.createDirectory(p);
            } catch (IOException e) {
                new MissingFolders(made).removeCreated();
                ExportException why = ExportFailures.translate(e, p.resolve(".socket-lab-folder"));
                throw new ExportException(why.reason(), p, "Cannot create the folder \"" + p + "\": "
                        + reasonOf(why.getMessage()), e);
            }
            made.add(p);
        }
        return new MissingFolders(made);
    }

    private static String reasonOf(String message) {
        int colon = message.indexOf("\": ");
        return colon < 0 ? message : message.substring(colon + 3);
    }

    /** The folders that were created, outermost first (empty when the folder was there). */
    public List<Path> created() {
        return created;
    }

    /** Removes the created folders again, innermost first, as long as they are empty. */
    public void removeCreated() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                // Not empty (someone saved into it meanwhile) or not ours to remove: keep it.
                return;
            }
        }
    }
}
