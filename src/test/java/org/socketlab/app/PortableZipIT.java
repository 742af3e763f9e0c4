// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The portable download `mvn -Pdist verify` built (target/socket-lab-VERSION.zip): what is inside
 * for every system, and that on this one it starts from the unpacked folder with nothing else —
 * no Maven repository, no JavaFX cache, a home of its own.
 */
class PortableZipIT {
    private static final Path ZIP = Path.of(System.getProperty("portable.zip", "target/socket-lab-0.1.0.zip"));
    private static final String VERSION = System.getProperty("portable.version", "0.1.0");
    private static final String JAVAFX = "21.0.11";
    private static final String TOP = "socket-lab-" + VERSION + "/";

    @TempDir
    static Path scratch;
    private static Path unpacked;
    private static Path home;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        assertThat(ZIP).as("built by mvn -Pdist package").isRegularFile();
        Path into = Files.createDirectories(scratch.resolve("unpacked"));
        // unzip, as users do: it keeps the launcher's executable bit, which java.util.zip cannot read.
        Result unzip = run(List.of("unzip", "-q", ZIP.toAbsolutePath().toString(), "-d", into.toString()), scratch, Map.of());
        assertThat(unzip.exit).as(unzip.output).isZero();
        unpacked = into.resolve(TOP);
        home = Files.createDirectories(scratch.resolve("home"));
    }

    @ParameterizedTest
    @EnumSource(JavaFxPlatform.class)
    void everySystemHasItsJavaFxJarsAndNativesWhereJavaFxLooks(JavaFxPlatform platform) throws IOException {
        String folder = TOP + "lib/javafx/" + platform.folder() + "/";
        List<String> names = names();
        for (String module : new String[] {"base", "graphics", "controls"}) {
            assertThat(names).contains(folder + "lib/javafx-" + module + "-" + JAVAFX + "-" + platform.classifier() + ".jar");
        }
        String glass = switch (platform) {
            case LINUX_X64, LINUX_AARCH64 -> "libglass.so";
            case MAC_X64, MAC_AARCH64 -> "libglass.dylib";
            case WINDOWS_X64 -> "glass.dll";
        };
        assertThat(names).contains(folder + platform.nativesFolder() + "/" + glass);
    }

    @Test
    void theTopHoldsTheJarTheLaunchersAndTheLibrariesWithoutAnyOneSystemsJavaFx() throws IOException {
        List<String> names = names();
        assertThat(names).contains(TOP + "socket-lab.jar", TOP + "socket-lab", TOP + "socket-lab.cmd",
                TOP + "LICENSE", TOP + "README.md", TOP + "lib/picocli-4.7.7.jar", TOP + "lib/controlsfx-11.2.2.jar");
        assertThat(names).noneMatch(name -> name.startsWith(TOP + "lib/javafx-"));
        assertThat(names).as("one folder per system, nothing else").filteredOn(name -> name.matches(".*/lib/javafx/[^/]+/"))
                .hasSize(JavaFxPlatform.values().length);
        try (JarFile jar = new JarFile(unpacked.resolve("socket-lab.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(PortableMain.class.getName());
        }
    }

    @Test
    void theWindowsLauncherHasWindowsLineEndingsAndTheShellOneIsExecutable() throws IOException {
        String cmd = Files.readString(unpacked.resolve("socket-lab.cmd"), StandardCharsets.US_ASCII);
        assertThat(cmd.split("\n")).allMatch(line -> line.endsWith("\r"));
        assertThat(cmd).contains("socket-lab.jar");
        assertThat(Files.isExecutable(unpacked.resolve("socket-lab"))).isTrue();
    }

    @Test
    void theLauncherStartsFromTheUnpackedFolderWithOnlyJavaOnThePath() throws IOException, InterruptedException {
        Result version = run(List.of(unpacked.resolve("socket-lab").toString(), "--version"), scratch, Map.of());

        assertThat(version.exit).as(version.output).isZero();
        assertThat(version.output).contains("Socket Lab " + VERSION);
    }

    @Test
    void javaJarExportsALessonHeadlessWithTheNativesOfThisSystemFromTheFolder() throws IOException, InterruptedException {
        Path out = Files.createDirectories(scratch.resolve("out"));

        Result export = run(List.of(java(), "-Djavafx.verbose=true", "-jar", unpacked.resolve("socket-lab.jar").toString(),
                "export", "--out", out.toString(), "--steps", "1", "--lang", "zh"), scratch, Map.of());

        assertThat(export.exit).as(export.output).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("01-allocate-memory.png");
        }
        JavaFxPlatform here = JavaFxPlatform.of(System.getProperty("os.name"), System.getProperty("os.arch")).orElseThrow();
        assertThat(export.output).contains(unpacked.resolve("lib/javafx/" + here.folder() + "/lib").toString());
        assertThat(home.resolve(".openjfx")).as("no natives extracted to a cache").doesNotExist();
    }

    @Test
    void aSystemWithoutJavaFxIsToldWhichSystemsTheDownloadHas() throws IOException, InterruptedException {
        Result refused = run(List.of(java(), "-Dos.arch=riscv64", "-jar", unpacked.resolve("socket-lab.jar").toString(), "--version"),
                scratch, Map.of("LANG", "C"));

        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.output).contains("riscv64", "linux-x64, mac-aarch64, mac-x64, windows-x64");
    }

    private static List<String> names() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
            }
            return names;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exit, String output) {
    }

    /** Runs with a bare environment: this JDK and the system's tools on the PATH, a fresh home. */
    private static Result run(List<String> command, Path directory, Map<String, String> extra)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", Path.of(java()).getParent() + ":/usr/bin:/bin");
        if (home != null) {
            environment.put("HOME", home.toString());
        }
        environment.putAll(extra);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after two minutes: " + command + "\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
