// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell scripts users and developers run are well-formed for every POSIX sh (shellcheck), and the
 * app image's launcher starts what its .cfg names.
 */
class LauncherScriptTest {

    @Test
    void theLauncherPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("src/main/launcher/socket-lab");
    }

    @Test
    void theAppImagesLauncherPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("src/main/launcher-image/SocketLab");
    }

    /**
     * The Linux app image's launcher starts the image's own runtime with what jpackage's .cfg names,
     * in jpackage's order, the user's arguments last, from wherever the image was copied to (here a
     * directory with a space in its name) and through a link to it; no rpm or dpkg in between.
     */
    @Test
    void theAppImagesLauncherStartsItsRuntimeWithTheOptionsOfItsCfg(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path image = temp.resolve("copied image/SocketLab");
        Path launcher = image.resolve("bin/SocketLab");
        Path java = image.resolve("lib/runtime/bin/java");
        Files.createDirectories(launcher.getParent());
        Files.createDirectories(java.getParent());
        Files.createDirectories(image.resolve("lib/app"));
        Files.copy(Path.of("src/main/launcher-image/SocketLab"), launcher);
        // A "java" that prints what it was given, one argument a line.
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$0\" \"$@\"\n");
        for (Path script : List.of(launcher, java)) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(image.resolve("lib/app/SocketLab.cfg"), JpackageCfg.withJavaOptions(
                "-XX:SharedArchiveFile=$APPDIR/socket-lab.jsa", "-Dimage.root=$ROOTDIR -Dimage.bin=$BINDIR",
                "-XX:TieredStopAtLevel=1"));
        Path link = temp.resolve("socket-lab");
        Files.createSymbolicLink(link, launcher);
        String root = image.toRealPath().toString();
        String app = root + "/lib/app";

        for (Path started : List.of(launcher, link)) {
            Process process = new ProcessBuilder(started.toString(), "--lang", "zh", "a file.lesson")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            assertThat(output.lines()).as("started as %s", started).containsExactly(
                    root + "/lib/runtime/bin/java",
                    "-Djpackage.app-version=0.1.0",
                    "-XX:SharedArchiveFile=" + app + "/socket-lab.jsa",
                    "-Dimage.root=" + root + " -Dimage.bin=" + root + "/bin",
                    "-XX:TieredStopAtLevel=1",
                    "-Djpackage.app-path=" + root + "/bin/SocketLab",
                    "-cp", app + "/socket-lab.jar:" + app + "/lib/javafx-base-21.jar",
                    "org.socketlab.app.Launcher",
                    "--lang", "zh", "a file.lesson");
        }
    }

    @Test
    void theAppImagesLauncherSaysWhatIsMissingFromAnIncompleteCopy(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path launcher = temp.resolve("SocketLab/bin/SocketLab");
        Files.createDirectories(launcher.getParent());
        Files.copy(Path.of("src/main/launcher-image/SocketLab"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process process = new ProcessBuilder(launcher.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).contains("this copy is incomplete", "SocketLab.cfg", "lib/runtime/bin/java", "此副本不完整");
    }

    @Test
    void theStartupBenchmarkPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/bench/startup.sh");
    }

    @Test
    void theRecordAndReplayScriptPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/record/try.sh");
    }

    @Test
    void theLessonPicturesScriptPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/screens/lessons.sh");
    }

    @Test
    void theScreenScriptsAndTheWaitsTheySharePassShellcheck() throws IOException, InterruptedException {
        for (String script : List.of("tools/screens/shots.sh", "tools/screens/lab-shots.sh",
                "tools/screens/waits.sh")) {
            assertShellcheckClean(script);
        }
    }

    static void assertShellcheckClean(String script) throws IOException, InterruptedException {
        Process shellcheck;
        try {
            shellcheck = new ProcessBuilder(List.of("shellcheck", "--format=gcc", script))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("shellcheck is needed to check " + script + ": apt-get install shellcheck", e);
        }
        String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor()).as(findings).isZero();
        assertThat(findings).isEmpty();
    }
}
