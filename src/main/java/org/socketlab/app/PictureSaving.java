// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.socketlab.export.ArgbImage;
import org.socketlab.export.AtomicFileWriter;
import org.socketlab.export.ExportException;
import org.socketlab.export.NodeSnapshot;
import org.socketlab.export.PngEncoder;
import org.socketlab.ui.Dialogs;
import org.socketlab.ui.MainWindow;
import org.socketlab.ui.Messages;
import org.socketlab.ui.Version;

/** "Save picture as PNG": the lesson canvas as the app draws it, written without partial files. */
final class PictureSaving {
    /** The screen resolution a 1x picture is meant for. */
    private static final double BASE_DPI = 96;

    private PictureSaving() {
    }

    static void saveWithDialog(MainWindow window, Messages messages) {
        Node target = window.getSnapshotTarget();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("save.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("save.filter"), "*.png"));
        chooser.setInitialFileName("socket-lab-step-" + window.director().getPicture().step().stage().name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png");
        File file = chooser.showSaveDialog(target.getScene().getWindow());
        if (file == null) {
            return;
        }
        window.director().finishRunning();
        try {
            // The file chooser has already asked before replacing an existing file.
            savePng(target, file.toPath(), 1, true);
        } catch (ExportException e) {
            Dialogs.error(target, messages, messages.get("save.failed"), e.getMessage());
        }
    }

    /** Writes a node's picture as a PNG at a scale; nothing is left behind when it fails. */
    static void savePng(Node node, Path file, double scale, boolean overwrite) throws ExportException {
        ArgbImage image = NodeSnapshot.take(node, scale, Color.WHITE);
        PngEncoder encoder = new PngEncoder().withDpi(BASE_DPI * scale)
                .withText("Software", "Socket Lab " + Version.current());
        AtomicFileWriter.write(file, overwrite, out -> encoder.encode(image, out));
    }
}
