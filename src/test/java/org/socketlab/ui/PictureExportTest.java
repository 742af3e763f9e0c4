// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.codec.ArgbImage;
import org.socketlab.ui.export.NodeSnapshot;
import org.socketlab.codec.PngEncoder;
import org.socketlab.player.Player;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Exporting the lesson canvas as a PNG, headless, and reading the pixels back. */
@ExtendWith(ApplicationExtension.class)
class PictureExportTest {
    /** The ticket colour, -sl-issue in the stylesheet. */
    private static final int TICKET_GREEN = 0x117a53;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Player player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.ENGLISH);
    }

    private BufferedImage exportPng(FxRobot robot, double scale) throws IOException {
        byte[][] png = new byte[1][];
        robot.interact(() -> {
            ArgbImage image = NodeSnapshot.take(window.getSnapshotTarget(), scale, Color.WHITE);
            png[0] = new PngEncoder().withDpi(96 * scale).encode(image);
        });
        return ImageIO.read(new ByteArrayInputStream(png[0]));
    }

    @Test
    void theExportedPictureHasTheCanvasSizeAndShowsTicketThree(FxRobot robot) throws IOException {
        robot.type(KeyCode.RIGHT, 3);
        Node canvas = window.getSnapshotTarget();
        Bounds canvasBounds = canvas.getLayoutBounds();
        Node ticket = robot.lookup(".ticket").query();
        Bounds ticketBounds = canvas.sceneToLocal(ticket.localToScene(ticket.getLayoutBounds()));
        Node applicationCard = robot.lookup(".application-card").query();
        Bounds cardBounds = canvas.sceneToLocal(applicationCard.localToScene(applicationCard.getLayoutBounds()));

        BufferedImage image = exportPng(robot, 1);

        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(canvasBounds.getWidth()));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(canvasBounds.getHeight()));
        // The ticket's left edge, beside the icon and the number, is solid ticket green.
        int x = (int) (ticketBounds.getMinX() + 3);
        int y = (int) (ticketBounds.getMinY() + ticketBounds.getHeight() / 2);
        assertThat(image.getRGB(x, y) & 0xffffff).isEqualTo(TICKET_GREEN);
        // Between two cards the theme's background shows, not white or black.
        int gapX = (int) cardBounds.getMaxX() + 5;
        assertThat(image.getRGB(gapX, (int) cardBounds.getCenterY()) & 0xffffff).isEqualTo(0xf3f5fa);
    }

    @Test
    void aTwiceScaledExportIsRenderedAtTwiceTheSize(FxRobot robot) throws IOException {
        Bounds canvasBounds = window.getSnapshotTarget().getLayoutBounds();

        BufferedImage image = exportPng(robot, 2);

        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(canvasBounds.getWidth() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(canvasBounds.getHeight() * 2));
    }
}
