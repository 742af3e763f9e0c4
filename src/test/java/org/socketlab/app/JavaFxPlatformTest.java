// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which JavaFX the portable download starts on each system, as each system's JVM names itself. */
class JavaFxPlatformTest {

    @ParameterizedTest
    @CsvSource({
            "Linux, amd64, LINUX_X64",
            "Linux, aarch64, LINUX_AARCH64",
            "Mac OS X, x86_64, MAC_X64",
            "Mac OS X, aarch64, MAC_AARCH64",
            "Windows 11, amd64, WINDOWS_X64",
            "Windows Server 2022, amd64, WINDOWS_X64",
    })
    void eachSystemGetsItsOwnJavaFx(String osName, String osArch, JavaFxPlatform expected) {
        assertThat(JavaFxPlatform.of(osName, osArch)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"Linux, arm", "Linux, riscv64", "Linux, x86", "Windows 11, aarch64", "Windows 10, x86", "FreeBSD, amd64", "SunOS, sparcv9"})
    void aSystemOpenJfxDoesNotBuildForHasNone(String osName, String osArch) {
        assertThat(JavaFxPlatform.of(osName, osArch)).isEmpty();
    }

    /** The pom's dist profile fetches each system's OpenJFX jars into the folder the picker looks in. */
    @ParameterizedTest
    @EnumSource(JavaFxPlatform.class)
    void theDistBuildFillsEachFolderThePickerReads(JavaFxPlatform platform) throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String artifact : new String[] {"javafx-base", "javafx-graphics", "javafx-controls"}) {
            assertThat(pom).contains("<artifactId>" + artifact + "</artifactId>\n"
                    + "                      <version>${javafx.version}</version>\n"
                    + "                      <classifier>" + platform.classifier() + "</classifier>\n"
                    + "                      <outputDirectory>${portable.javafx}/" + platform.folder() + "/lib</outputDirectory>");
        }
        assertThat(pom).as("natives where JavaFX looks for them")
                .contains("<classifier>" + platform.classifier() + "</classifier>\n"
                        + "                      <includes>" + nativePattern(platform) + "</includes>\n"
                        + "                      <outputDirectory>${portable.javafx}/" + platform.folder() + "/"
                        + platform.nativesFolder() + "</outputDirectory>");
    }

    private static String nativePattern(JavaFxPlatform platform) {
        return switch (platform) {
            case LINUX_X64, LINUX_AARCH64 -> "*.so";
            case MAC_X64, MAC_AARCH64 -> "*.dylib";
            case WINDOWS_X64 -> "*.dll";
        };
    }
}
