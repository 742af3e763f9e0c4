// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.dialogs;

import com.sun.javafx.runtime.VersionInfo;
import java.io.File;
import java.util.List;
import org.socketlab.ui.common.Version;
import org.socketlab.ui.language.Messages;

/**
 * What Help &gt; About and {@code --version} tell someone asking for help: Socket Lab's version,
 * the Java and JavaFX it runs on, and where its settings are kept on this system.
 *
 * @param version     Socket Lab's version
 * @param javaVersion the running Java's version ({@code java.version})
 * @param javaVendor  who built that Java ({@code java.vendor})
 * @param javaHome    the folder of that Java
 * @param javafx      the running JavaFX's version, with its build
 * @param settings    the file (or Windows registry key) the settings live in
 */
public record About(String version, String javaVersion, String javaVendor, String javaHome, String javafx,
                    String settings) {
    /** The preferences node that holds the app's settings and recent files. */
    public static final String SETTINGS_NODE = "/org/socketlab";
    private static final String PREFERENCES_FACTORY = "java.util.prefs.PreferencesFactory";
    private static final String FACTORY = "Factory";

    /** The facts of this run. Reads no setting and starts no toolkit. */
    public static About current() {
        return new About(Version.current(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"), VersionInfo.getRuntimeVersion(),
                settingsLocation(store(System.getProperty(PREFERENCES_FACTORY), System.getProperty("os.name")),
                        SETTINGS_NODE,
                        System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")),
                        System.getProperty("user.home"), File.separator));
    }

    /**
     * The store {@code java.util.prefs} uses on this system, named as its class, found without asking
     * {@link java.util.prefs.Preferences} itself: the first use of the user root creates its folder and
     * logs "Created user preferences directory." on standard error, which {@code --version} must not do.
     * A factory chosen by property wins; otherwise the JDK picks by system.
     */
    public static String store(String factory, String osName) {
        if (factory != null && !factory.isBlank()) {
            return factory.endsWith(FACTORY) ? factory.substring(0, factory.length() - FACTORY.length()) : factory;
        }
        if (osName.startsWith("Windows")) {
            return "java.util.prefs.WindowsPreferences";
        }
        if (osName.startsWith("Mac")) {
            return "java.util.prefs.MacOSXPreferences";
        }
        return "java.util.prefs.FileSystemPreferences";
    }

    /**
     * Where {@code java.util.prefs} keeps a user node, for the store the JDK chose on this system:
     * a {@code prefs.xml} under {@code userRoot/.java/.userPrefs} on Linux and other Unix systems,
     * a registry key on Windows, one property list for every Java program on macOS.
     */
    public static String settingsLocation(String store, String node, String userRoot, String home, String separator) {
        switch (store) {
            case "java.util.prefs.WindowsPreferences":
                return "HKEY_CURRENT_USER\\Software\\JavaSoft\\Prefs" + node.replace('/', '\\');
            case "java.util.prefs.MacOSXPreferences":
                return String.join(separator, home, "Library", "Preferences", "com.apple.java.util.prefs.plist")
                        + " (" + node + ")";
            case "java.util.prefs.FileSystemPreferences":
                return String.join(separator, userRoot, ".java", ".userPrefs")
                        + node.replace("/", separator) + separator + "prefs.xml";
            default:
                return node + " (" + store + ")";
        }
    }

    /** The lines {@code --version} prints, in the given language. */
    public List<String> lines(Messages messages) {
        return List.of(messages.get("about.header", version), javaLine(messages), javafxLine(messages),
                settingsLine(messages));
    }

    String javaLine(Messages messages) {
        return messages.get("about.java", javaVersion, javaVendor, javaHome);
    }

    String javafxLine(Messages messages) {
        return messages.get("about.javafx", javafx);
    }

    public String settingsLine(Messages messages) {
        return messages.get("about.settings", settings);
    }
}
