// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.util.Locale;
import java.util.Optional;

/**
 * A system the portable download carries JavaFX for: one OpenJFX classifier (its jars and native
 * libraries), in the folder {@code lib/javafx/<folder>} laid out like that system's JavaFX SDK.
 */
enum JavaFxPlatform {
    LINUX_X64("linux-x64", "linux", "lib"),
    LINUX_AARCH64("linux-aarch64", "linux-aarch64", "lib"),
    MAC_X64("mac-x64", "mac", "lib"),
    MAC_AARCH64("mac-aarch64", "mac-aarch64", "lib"),
    // JavaFX looks for its DLLs in ../bin beside the folder of its jars, as in the Windows SDK.
    WINDOWS_X64("windows-x64", "win", "bin");

    private final String folder;
    private final String classifier;
    private final String nativesFolder;

    JavaFxPlatform(String folder, String classifier, String nativesFolder) {
        this.folder = folder;
        this.classifier = classifier;
        this.nativesFolder = nativesFolder;
    }

    /** The folder under {@code lib/javafx} that holds this system's JavaFX. */
    String folder() {
        return folder;
    }

    /** OpenJFX's Maven classifier for this system's jars. */
    String classifier() {
        return classifier;
    }

    /** Where in {@link #folder()} the native libraries are: {@code lib} beside the jars, or {@code bin}. */
    String nativesFolder() {
        return nativesFolder;
    }

    /** The platform a JVM reporting these {@code os.name} and {@code os.arch} runs on, if JavaFX has it. */
    static Optional<JavaFxPlatform> of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux")) {
            return x64 ? Optional.of(LINUX_X64) : arm64 ? Optional.of(LINUX_AARCH64) : Optional.empty();
        }
        if (os.startsWith("mac")) {
            return x64 ? Optional.of(MAC_X64) : arm64 ? Optional.of(MAC_AARCH64) : Optional.empty();
        }
        if (os.startsWith("windows")) {
            return x64 ? Optional.of(WINDOWS_X64) : Optional.empty();
        }
        return Optional.empty();
    }
}
