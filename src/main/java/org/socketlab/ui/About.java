// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import com.sun.javafx.runtime.VersionInfo;
import java.io.File;
import java.util.List;
import java.util.prefs.Preferences;

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

    /** The facts of this run. Reads no setting and starts no toolkit. */
    public static About current() {
        return new About(Version.current(), System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.home"), VersionInfo.getRuntimeVersion(),
                settingsLocation(Preferences.userRoot().getClass().getName(), SETTINGS_NODE,
                        System.getProperty("java.util.prefs.userRoot", System.getProperty("user.home")),
                        System.getProperty("user.home"), File.separator));
    }

    /**
     * Where {@code java.util.prefs} keeps a user node, for the store the JDK chose on this system:
     * a {@code prefs.xml} under {@code userRoot/.java/.userPrefs} on Linux and other Unix systems,
     * a registry key on Windows, one property list for every Java program on macOS.
     */
    static String settingsLocation(String store, String node, String userRoot, String home, String separator) {
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

    String settingsLine(Messages messages) {
        return messages.get("about.settings", settings);
    }
}
