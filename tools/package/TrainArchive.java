// SPDX-License-Identifier: Apache-2.0
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Trains the class data sharing archive of the jpackage app image that `mvn -Papp package`
 * builds (docs/decisions/0007): starts the image's own runtime with the class path, main class
 * and options of its launcher's .cfg file, headless (Monocle) until the first frame, with
 * -XX:ArchiveClassesAtExit pointing where the launcher's -XX:SharedArchiveFile looks.
 *
 * <p>The launcher itself cannot train: its options name the archive, which does not exist yet,
 * and a JVM given a missing -XX:SharedArchiveFile refuses to write one. The class path must be
 * the launcher's, in its order, or the JVM would refuse the archive later.
 *
 * <p>An image whose runtime is Java 25 or newer and whose launcher names an ahead-of-time cache
 * ({@code -XX:AOTCache}, `mvn -Papp,aot`, JEP 483/514/515) gets that cache instead, written by the
 * same run with -XX:AOTCacheOutput: the classes loaded and linked and the method profiles of a
 * start up to 30 pulses after the first frame.
 *
 * <pre>java tools/package/TrainArchive.java target/app/SocketLab target/cds-prefs</pre>
 */
public final class TrainArchive {
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String AOT_CACHE_OPTION = "-XX:AOTCache=";

    private TrainArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path image = Path.of(args[0]).toAbsolutePath();
        Path preferences = Path.of(args[1]).toAbsolutePath();
        Path cfg = find(image, "SocketLab.cfg");
        // Linux keeps the runtime in lib/runtime, Windows in runtime.
        Path runtime = Files.isDirectory(image.resolve("lib/runtime")) ? image.resolve("lib/runtime")
                : image.resolve("runtime");
        Path java = runtime.resolve("bin").resolve(System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java");
        String appDir = cfg.getParent().toString();
        List<String> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        String archive = null;
        String writeOption = "-XX:ArchiveClassesAtExit=";
        for (String line : Files.readAllLines(cfg)) {
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir);
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
        if (archive == null || mainClass == null) {
            throw new IllegalStateException(cfg + " names no " + ARCHIVE_OPTION + " or " + AOT_CACHE_OPTION
                    + " or no main class");
        }
        Files.deleteIfExists(Path.of(archive));
        List<String> command = new ArrayList<>(List.of(java.toString(), writeOption + archive));
        command.addAll(options);
        command.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.util.prefs.userRoot=" + preferences, "-Dsocketlab.startup.probe=true",
                "-cp", String.join(File.pathSeparator, classPath), mainClass));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0 || !Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("the training run failed (exit " + exit + "): " + command);
        }
        System.out.println("trained: " + archive);
    }

    private static Path find(Path root, String name) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in " + root));
        }
    }
}
