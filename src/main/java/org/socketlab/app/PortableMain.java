// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The jar's entry point (docs/decisions/0011). Beside a build's jar, JavaFX is on the manifest's
 * class path and this hands straight over to {@link Launcher}. In the portable download, which
 * carries JavaFX for several systems under {@code lib/javafx/<system>}, it picks this system's
 * folder and starts {@link Launcher} in a class loader that sees the jar, {@code lib/} and that
 * folder. It touches no JavaFX class itself, so it runs wherever Java 17 does.
 */
public final class PortableMain {
    /** The folder beside the jar that holds one JavaFX per system, only in the portable download. */
    static final String JAVAFX_FOLDER = "lib/javafx";

    private PortableMain() {
    }

    public static void main(String[] args) throws Throwable {
        Path home = home();
        Path javafx = home.resolve(JAVAFX_FOLDER);
        if (!Files.isDirectory(javafx)) {
            Launcher.main(args);
            return;
        }
        String osName = System.getProperty("os.name");
        String osArch = System.getProperty("os.arch");
        JavaFxPlatform platform = JavaFxPlatform.of(osName, osArch).orElse(null);
        if (platform == null || !Files.isDirectory(javafx.resolve(platform.folder()))) {
            System.err.println(message("portable.unsupported", osName, osArch, folders(javafx)));
            System.exit(1);
            return;
        }
        ClassLoader loader = new URLClassLoader("socket-lab", classPath(home, platform),
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        try {
            loader.loadClass(Launcher.class.getName()).getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The portable class path: the jar, every jar in {@code lib/}, then the jars of this system's
     * JavaFX (JavaFX finds its native libraries from where its jars are).
     */
    static URL[] classPath(Path home, JavaFxPlatform platform) throws IOException {
        List<Path> entries = new ArrayList<>();
        entries.add(home.resolve("socket-lab.jar"));
        entries.addAll(jars(home.resolve("lib")));
        entries.addAll(jars(home.resolve(JAVAFX_FOLDER).resolve(platform.folder()).resolve("lib")));
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IOException(entry + ": " + e.getMessage(), e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static String folders(Path javafx) throws IOException {
        try (Stream<Path> files = Files.list(javafx)) {
            return files.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted()
                    .collect(Collectors.joining(", "));
        }
    }

    /** Where the jar is (the download's folder); a folder of classes when run from the sources. */
    private static Path home() throws URISyntaxException {
        Path location = Path.of(PortableMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(location) ? location : location.getParent();
    }

    /** A message in the system's language; the window's own {@code Messages} needs JavaFX. */
    static String message(String key, Object... arguments) {
        ResourceBundle words = ResourceBundle.getBundle("org.socketlab.ui.messages");
        return new MessageFormat(words.getString(key), words.getLocale()).format(arguments);
    }
}
