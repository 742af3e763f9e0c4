// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portable download's class path: the jar, its libraries, and one system's JavaFX, nothing else. */
class PortableMainTest {

    @TempDir
    Path home;

    @Test
    void theClassPathHoldsTheJarTheLibrariesAndThisSystemsJavaFxOnly() throws IOException {
        touch("socket-lab.jar", "lib/picocli-4.7.7.jar", "lib/controlsfx-11.2.2.jar", "lib/notes.txt",
                "lib/javafx/linux-x64/lib/javafx-graphics-21-linux.jar", "lib/javafx/linux-x64/lib/libglass.so",
                "lib/javafx/mac-aarch64/lib/javafx-graphics-21-mac-aarch64.jar",
                "lib/javafx/windows-x64/lib/javafx-graphics-21-win.jar", "lib/javafx/windows-x64/bin/glass.dll");

        assertThat(relative(PortableMain.classPath(home, JavaFxPlatform.LINUX_X64))).containsExactly(
                "socket-lab.jar", "lib/controlsfx-11.2.2.jar", "lib/picocli-4.7.7.jar",
                "lib/javafx/linux-x64/lib/javafx-graphics-21-linux.jar");
        assertThat(relative(PortableMain.classPath(home, JavaFxPlatform.WINDOWS_X64))).containsExactly(
                "socket-lab.jar", "lib/controlsfx-11.2.2.jar", "lib/picocli-4.7.7.jar",
                "lib/javafx/windows-x64/lib/javafx-graphics-21-win.jar");
    }

    @Test
    void anUnsupportedSystemIsToldWhichSystemsTheDownloadHasInItsLanguage() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertThat(PortableMain.message("portable.unsupported", "FreeBSD", "amd64", "linux-x64, mac-x64"))
                    .contains("FreeBSD", "amd64", "linux-x64, mac-x64", "mvn javafx:run");
            Locale.setDefault(Locale.CHINESE);
            assertThat(PortableMain.message("portable.unsupported", "FreeBSD", "amd64", "linux-x64, mac-x64"))
                    .contains("FreeBSD", "amd64", "linux-x64, mac-x64", "系统");
        } finally {
            Locale.setDefault(system);
        }
    }

    private void touch(String... files) throws IOException {
        for (String file : files) {
            Path path = home.resolve(file);
            Files.createDirectories(path.getParent());
            Files.createFile(path);
        }
    }

    private List<String> relative(URL[] urls) {
        return Arrays.stream(urls).map(url -> {
            try {
                return home.toUri().relativize(url.toURI()).getPath();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toList());
    }
}
