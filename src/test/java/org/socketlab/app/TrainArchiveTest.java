// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/package/TrainArchive.java, which trains the app image's cache at `mvn -Papp package` on every
 * release runner, finds the launcher's .cfg and the runtime by the image's layout (Linux, macOS) and
 * starts that runtime headless with the launcher's class path and options, writing the cache the
 * launcher names; an image it cannot train is named with what is missing. The images here are laid out
 * in a temporary directory, and their "java" is a script that writes down its arguments, one a line,
 * and creates the file named by -XX:AOTCacheOutput= or -XX:ArchiveClassesAtExit=.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake images' java is a shell script")
class TrainArchiveTest {
    private static final String FAKE_JAVA = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$(dirname "$0")/arguments.txt"
            for argument in "$@"; do
                case $argument in
                    -XX:AOTCacheOutput=*) : > "${argument#*=}" ;;
                    -XX:ArchiveClassesAtExit=*) : > "${argument#*=}" ;;
                esac
            done
            """;

    /** The tool's exit status and what it printed; a refusal is one plain line, no stack trace. */
    private record Run(int exit, String output) {
    }

    private static Run train(Path image, Path preferences) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "tools/package/TrainArchive.java", image.toString(),
                preferences.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** An image with the given .cfg at appDir/SocketLab.cfg and the fake java at javaPath (either may be null). */
    private static void layOut(Path image, String appDir, String cfg, String javaPath) throws IOException {
        Files.createDirectories(image.resolve(appDir));
        if (cfg != null) {
            Files.writeString(image.resolve(appDir).resolve("SocketLab.cfg"), cfg);
        }
        if (javaPath != null) {
            Path java = image.resolve(javaPath);
            Files.createDirectories(java.getParent());
            Files.writeString(java, FAKE_JAVA);
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aLinuxImageWithAnAheadOfTimeCacheIsTrainedWithItsRuntimeClassPathAndOptions(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path image = temp.resolve("SocketLab");
        layOut(image, "lib/app", JpackageCfg.withJavaOptions("-XX:AOTCache=$APPDIR/socket-lab.aot", "-Xlog:aot=off",
                "-Dimage.root=$ROOTDIR -Dimage.bin=$BINDIR", "-XX:TieredStopAtLevel=1"), "lib/runtime/bin/java");
        Path preferences = temp.resolve("prefs");

        Run run = train(image, preferences);

        assertThat(run.exit()).as(run.output()).isZero();
        String app = image + "/lib/app";
        assertThat(Files.readAllLines(image.resolve("lib/runtime/bin/arguments.txt"))).containsExactly(
                "-XX:AOTCacheOutput=" + app + "/socket-lab.aot",
                "-Djpackage.app-version=0.1.0",
                "-Xlog:aot=off",
                "-Dimage.root=" + image + " -Dimage.bin=" + image + "/bin",
                "-XX:TieredStopAtLevel=1",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.util.prefs.userRoot=" + preferences,
                "-Dsocketlab.startup.probe=true",
                "-Dsocketlab.startup.session=true",
                "-cp", app + "/socket-lab.jar:" + app + "/lib/javafx-base-21.jar",
                "org.socketlab.app.Launcher");
        assertThat(image.resolve("lib/app/socket-lab.aot")).isRegularFile();
        assertThat(run.output()).contains("trained: " + app + "/socket-lab.aot");
    }

    /** The pom names the image target/app/SocketLab on every system; on macOS jpackage made SocketLab.app. */
    @Test
    void aMacImageWithAClassDataSharingArchiveIsTrainedWithTheRuntimeInsideItsBundle(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path bundle = temp.resolve("SocketLab.app");
        layOut(bundle, "Contents/app", JpackageCfg.withJavaOptions("-XX:SharedArchiveFile=$APPDIR/socket-lab.jsa",
                "-Xlog:cds=off", "-Dimage.bin=$BINDIR"), "Contents/runtime/Contents/Home/bin/java");
        Path preferences = temp.resolve("prefs");

        Run run = train(temp.resolve("SocketLab"), preferences);

        assertThat(run.exit()).as(run.output()).isZero();
        String app = bundle + "/Contents/app";
        assertThat(Files.readAllLines(bundle.resolve("Contents/runtime/Contents/Home/bin/arguments.txt")))
                .containsExactly(
                        "-XX:ArchiveClassesAtExit=" + app + "/socket-lab.jsa",
                        "-Djpackage.app-version=0.1.0",
                        "-Xlog:cds=off",
                        "-Dimage.bin=" + bundle + "/Contents/MacOS",
                        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Djava.util.prefs.userRoot=" + preferences,
                        "-Dsocketlab.startup.probe=true",
                        "-Dsocketlab.startup.session=true",
                        "-cp", app + "/socket-lab.jar:" + app + "/lib/javafx-base-21.jar",
                        "org.socketlab.app.Launcher");
        assertThat(bundle.resolve("Contents/app/socket-lab.jsa")).isRegularFile();
    }

    @Test
    void anImageWithoutItsLaunchersCfgIsNamedWithThePathThatIsMissing(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path image = temp.resolve("SocketLab");
        layOut(image, "lib/app", null, "lib/runtime/bin/java");

        Run run = train(image, temp.resolve("prefs"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains(image + "/lib/app/SocketLab.cfg is missing")
                .startsWith("TrainArchive: ").doesNotContain("\tat ");
        assertThat(image.resolve("lib/runtime/bin/arguments.txt")).doesNotExist();
    }

    @Test
    void anImageWithoutItsRuntimesJavaIsNamedWithThePathThatIsMissing(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path bundle = temp.resolve("SocketLab.app");
        layOut(bundle, "Contents/app", JpackageCfg.withJavaOptions("-XX:AOTCache=$APPDIR/socket-lab.aot"), null);

        Run run = train(bundle, temp.resolve("prefs"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains(bundle + "/Contents/runtime/Contents/Home/bin/java is missing")
                .startsWith("TrainArchive: ").doesNotContain("\tat ");
    }

    @Test
    void aFolderInNoAppImageLayoutIsToldWhichLayoutsAreKnown(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectories(temp.resolve("SocketLab"));

        Run run = train(folder, temp.resolve("prefs"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains(folder + " is not a jpackage app image",
                "lib/app/SocketLab.cfg (Linux)", "app/SocketLab.cfg (Windows)", "Contents/app/SocketLab.cfg (macOS)")
                .startsWith("TrainArchive: ").doesNotContain("\tat ");
    }

    @Test
    void aLauncherThatNamesNoCacheIsNotTrained(@TempDir Path temp) throws IOException, InterruptedException {
        Path image = temp.resolve("SocketLab");
        layOut(image, "lib/app", JpackageCfg.withJavaOptions("-XX:TieredStopAtLevel=1"), "lib/runtime/bin/java");

        Run run = train(image, temp.resolve("prefs"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains(image + "/lib/app/SocketLab.cfg names no -XX:AOTCache= or -XX:SharedArchiveFile=")
                .startsWith("TrainArchive: ").doesNotContain("\tat ");
        assertThat(image.resolve("lib/runtime/bin/arguments.txt")).doesNotExist();
    }
}
