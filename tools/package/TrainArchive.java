// SPDX-License-Identifier: Apache-2.0
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the class data sharing archive or ahead-of-time cache of the jpackage app image that
 * `mvn -Papp package` builds (docs/decisions/0007): starts the image's own runtime with the class
 * path, main class and options of its launcher's .cfg file, headless (Monocle) until the first
 * frame, with -XX:ArchiveClassesAtExit pointing where the launcher's -XX:SharedArchiveFile looks.
 *
 * <p>The launcher itself cannot train: its options name the archive, which does not exist yet,
 * and a JVM given a missing -XX:SharedArchiveFile refuses to write one. The class path must be
 * the launcher's, in its order, or the JVM would refuse the archive later.
 *
 * <p>An image whose runtime is Java 25 or newer and whose launcher names an ahead-of-time cache
 * ({@code -XX:AOTCache}, `mvn -Papp,aot`, JEP 483/514/515) gets that cache instead, written by the
 * same run with -XX:AOTCacheOutput: the classes loaded and linked and the method profiles of a
 * start up to 30 pulses after the first frame, and of the short session that follows
 * ({@code app.TrainingSession}: the lesson stepped through, the editor opened and closed). Unlike
 * JDK 17's archive, the cache is still used once the image is moved or installed elsewhere.
 *
 * <p>The image's system is told by its layout (jpackage's), not by the system this runs on:
 * Linux {@code lib/app/SocketLab.cfg} and {@code lib/runtime/bin/java}; Windows
 * {@code app/SocketLab.cfg} and {@code runtime/bin/java.exe}; macOS ({@code SocketLab.app})
 * {@code Contents/app/SocketLab.cfg} and {@code Contents/runtime/Contents/Home/bin/java}. jpackage
 * names the macOS image NAME.app, so an image path without it is also looked for with it (the pom
 * passes target/app/SocketLab on every system).
 *
 * <pre>java tools/package/TrainArchive.java target/app/SocketLab target/cds-prefs</pre>
 */
public final class TrainArchive {
    private static final String CFG = "SocketLab.cfg";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String AOT_CACHE_OPTION = "-XX:AOTCache=";

    /** Where jpackage puts things in an app image of one system, relative to the image. */
    private record Layout(String system, String appDir, String binDir, String java) {
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout("Linux", "lib/app", "bin", "lib/runtime/bin/java"),
            new Layout("Windows", "app", ".", "runtime/bin/java.exe"),
            new Layout("macOS", "Contents/app", "Contents/MacOS", "Contents/runtime/Contents/Home/bin/java"));

    /** A reason to stop that the user can act on: printed without a stack trace. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private TrainArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try {
            train(args);
        } catch (Failure failure) {
            System.err.println("TrainArchive: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void train(String[] args) throws IOException, InterruptedException, Failure {
        if (args.length != 2) {
            throw new Failure("usage: java tools/package/TrainArchive.java <app image> <scratch settings directory>");
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        Path bundle = image.resolveSibling(image.getFileName() + ".app");
        if (!Files.isDirectory(image) && Files.isDirectory(bundle)) {
            image = bundle;
        }
        Path preferences = Path.of(args[1]).toAbsolutePath();
        Layout layout = layoutOf(image);
        Path appDir = image.resolve(layout.appDir());
        Path cfg = appDir.resolve(CFG);
        Path java = image.resolve(layout.java());
        if (!Files.isRegularFile(cfg)) {
            throw new Failure("no launcher configuration in this " + layout.system() + " app image: " + cfg + " is missing");
        }
        if (!Files.isRegularFile(java)) {
            throw new Failure("no Java runtime in this " + layout.system() + " app image: " + java + " is missing");
        }
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        String archive = null;
        String writeOption = "-XX:ArchiveClassesAtExit=";
        for (String line : Files.readAllLines(cfg)) {
            String value = line.substring(line.indexOf('=') + 1)
                    .replace("$APPDIR", appDir.toString())
                    .replace("$BINDIR", image.resolve(layout.binDir()).normalize().toString())
                    .replace("$ROOTDIR", image.toString());
            if (line.startsWith("app.classpath=")) {
                classPath.add(value);
            } else if (line.startsWith("app.mainclass=")) {
                mainClass = value;
            } else if (line.startsWith("java-options=") && value.startsWith(ARCHIVE_OPTION)) {
                archive = value.substring(ARCHIVE_OPTION.length());
            } else if (line.startsWith("java-options=") && value.startsWith(AOT_CACHE_OPTION)) {
                archive = value.substring(AOT_CACHE_OPTION.length());
                writeOption = "-XX:AOTCacheOutput=";
            } else if (line.startsWith("java-options=")) {
                options.add(value);
            }
        }
        if (archive == null) {
            throw new Failure(cfg + " names no " + AOT_CACHE_OPTION + " or " + ARCHIVE_OPTION
                    + " in its java-options: the launcher would use no cache, so there is nothing to train");
        }
        if (mainClass == null) {
            throw new Failure(cfg + " names no app.mainclass");
        }
        Files.deleteIfExists(Path.of(archive));
        List<String> command = new ArrayList<>(List.of(java.toString(), writeOption + archive));
        command.addAll(options);
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.util.prefs.userRoot=" + preferences, "-Dsocketlab.startup.probe=true",
                "-Dsocketlab.startup.session=true", "-cp", String.join(File.pathSeparator, classPath), mainClass));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new Failure("the training run failed (exit " + exit + "): " + command);
        }
        if (!Files.isRegularFile(Path.of(archive))) {
            throw new Failure("the training run wrote no " + archive + ": " + command);
        }
        System.out.println("trained: " + archive);
    }

    /** The layout whose launcher configuration directory the image has. */
    private static Layout layoutOf(Path image) throws Failure {
        if (!Files.isDirectory(image)) {
            throw new Failure("no app image at " + image);
        }
        for (Layout layout : LAYOUTS) {
            if (Files.isDirectory(image.resolve(layout.appDir()))) {
                return layout;
            }
        }
        StringBuilder expected = new StringBuilder();
        for (Layout layout : LAYOUTS) {
            expected.append(expected.isEmpty() ? "" : ", ").append(layout.appDir()).append('/').append(CFG)
                    .append(" (").append(layout.system()).append(')');
        }
        throw new Failure(image + " is not a jpackage app image: it has none of " + expected);
    }
}
