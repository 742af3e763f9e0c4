// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, as Maven wrote it into the build. */
public final class Version {
    private Version() {
    }

    /** "0.1.0", or "dev" when run from sources without a build. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/socketlab/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
