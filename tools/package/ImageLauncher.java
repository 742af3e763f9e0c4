// SPDX-License-Identifier: Apache-2.0
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Puts the shell launcher src/main/launcher-image/SocketLab in place of jpackage's native one in a
 * Linux app image that `mvn -Papp package` built (docs/decisions/0007): JDK 17's native launcher
 * asks {@code rpm -qf} and {@code dpkg -S} twice whether a package installed it before it starts
 * Java, which costs a few tenths of a second on every start. The shell launcher reads the same
 * lib/app/SocketLab.cfg and starts the same runtime with the same options. Windows and macOS images
 * (no lib/runtime/bin/java, or not Linux) keep jpackage's launcher.
 *
 * <pre>java tools/package/ImageLauncher.java target/app/SocketLab src/main/launcher-image/SocketLab</pre>
 */
public final class ImageLauncher {
    private ImageLauncher() {
    }

    public static void main(String[] args) throws IOException {
        Path image = Path.of(args[0]).toAbsolutePath();
        Path script = Path.of(args[1]).toAbsolutePath();
        Path launcher = image.resolve("bin").resolve(image.getFileName());
        boolean linux = System.getProperty("os.name").equals("Linux");
        if (!linux || !Files.isRegularFile(launcher) || !Files.isExecutable(image.resolve("lib/runtime/bin/java"))) {
            System.out.println("kept jpackage's launcher: not a Linux app image: " + image);
            return;
        }
        Files.copy(script, launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.out.println("launcher: " + launcher);
    }
}
