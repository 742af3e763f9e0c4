// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Places that refuse even root, so the "you may not" paths of the app run in every build (CI runs
 * as root, where permission bits stop nothing):
 * <ul>
 * <li>a folder nobody may create files in: {@code /dev/pts}, a devpts file system, whose folder has
 *     no {@code create} operation, so the kernel's {@code lookup_open} answers {@code EACCES} to an
 *     {@code open(O_CREAT)} whoever asks (unlike {@code /sys}, which containers often mount
 *     read-only and so answer {@code EROFS});</li>
 * <li>a file nobody may read: a write-only sysctl ({@code --w-------}); {@code proc_sys_permission}
 *     checks the mode bits for root too, so reading it is {@code EACCES}.</li>
 * </ul>
 * Each is checked before it is handed out: a machine where it does not refuse fails the test with
 * that reason rather than skipping it.
 */
public final class NoAccess {
    private static final Path FOLDER = Path.of("/dev/pts");
    private static final List<Path> WRITE_ONLY_FILES = List.of(Path.of("/proc/sys/vm/compact_memory"),
            Path.of("/proc/sys/net/ipv4/route/flush"));

    private NoAccess() {
    }

    /** A folder in which creating a file fails with "permission denied", for root too. */
    public static Path folderNobodyMayWriteIn() {
        Path probe = FOLDER.resolve("socket-lab-probe-" + ProcessHandle.current().pid());
        try {
            Files.delete(Files.createFile(probe));
            throw new AssertionError(FOLDER + " let this user create a file; the test needs a folder that refuses");
        } catch (AccessDeniedException expected) {
            return FOLDER;
        } catch (IOException e) {
            throw new AssertionError(FOLDER + " refused with " + e + " rather than \"permission denied\"", e);
        }
    }

    /** A file that exists and whose reading fails with "permission denied", for root too. */
    public static Path fileNobodyMayRead() {
        for (Path file : WRITE_ONLY_FILES) {
            if (!Files.exists(file)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                in.read();
            } catch (AccessDeniedException expected) {
                return file;
            } catch (IOException e) {
                continue;
            }
        }
        throw new AssertionError("none of " + WRITE_ONLY_FILES + " refuses reading on this machine");
    }
}
