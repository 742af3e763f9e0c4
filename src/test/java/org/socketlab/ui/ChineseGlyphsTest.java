// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketlab.codec.ArgbImage;
import org.socketlab.ui.export.NodeSnapshot;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.player.Player;
import org.socketlab.ui.cabinet.ControlBlockView;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Fonts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Chinese is drawn with the bundled font's glyphs, not with missing-glyph boxes ("tofu"). This
 * machine has no CJK system font and JavaFX never falls back to a loaded font, so the only way
 * to real hanzi is the stylesheet naming "Socket Lab Sans": remove that, or the font files, and
 * these tests fail.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseGlyphsTest {
    /** A private-use code point: no font has it, so it is drawn as the font's missing-glyph box. */
    private static final int NO_GLYPH = 0xE000;
    /** Share of inked pixels that must differ between two drawings to count as different. */
    private static final double DIFFERENT = 0.25;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Player player = TestWindow.threeStages();
        window = TestWindow.show(stage, player, Locale.CHINESE);
        player.step();
    }

    /** Which pixels of a drawing carry ink (darker than mid-grey on white). */
    private record Ink(int width, int height, boolean[] inked) {
        static Ink of(ArgbImage image) {
            boolean[] inked = new boolean[image.width() * image.height()];
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    int argb = image.argbAt(x, y);
                    int luma = (((argb >> 16) & 0xff) * 299 + ((argb >> 8) & 0xff) * 587 + (argb & 0xff) * 114) / 1000;
                    inked[y * image.width() + x] = luma < 128;
                }
            }
            return new Ink(image.width(), image.height(), inked);
        }

        boolean at(int x, int y) {
            return x < width && y < height && inked[y * width + x];
        }

        int count() {
            int n = 0;
            for (boolean b : inked) {
                n += b ? 1 : 0;
            }
            return n;
        }

        /** Pixels inked in exactly one of the two drawings, as a share of those inked in either. */
        double differenceFrom(Ink other) {
            int either = 0;
            int one = 0;
            for (int y = 0; y < Math.max(height, other.height); y++) {
                for (int x = 0; x < Math.max(width, other.width); x++) {
                    boolean a = at(x, y);
                    boolean b = other.at(x, y);
                    either += a || b ? 1 : 0;
                    one += a != b ? 1 : 0;
                }
            }
            return either == 0 ? 0 : (double) one / either;
        }
    }

    /** Draws a text in a label with the app's stylesheet, as the window would (plus a size). */
    private static Ink drawStyled(FxRobot robot, String text, String style, String... styleClasses) {
        return draw(robot, Fonts.FAMILY, () -> {
            Label label = new Label(text);
            label.getStyleClass().addAll(styleClasses);
            label.setStyle(style);
            new Scene(new StackPane(label)).getStylesheets().add(Css.STYLESHEET);
            return label;
        });
    }

    /** Draws a text in JavaFX's "System" font, which has no hanzi on this machine. */
    private static Ink drawInSystemFont(FxRobot robot, String text, double size) {
        return draw(robot, null, () -> {
            Label label = new Label(text);
            label.setFont(Font.font("System", size));
            new Scene(new StackPane(label));
            return label;
        });
    }

    /** Makes the label on the FX thread, checks its font family (unless null) and draws it. */
    private static Ink draw(FxRobot robot, String expectedFamily, Supplier<Label> make) {
        Label[] label = new Label[1];
        ArgbImage[] image = new ArgbImage[1];
        robot.interact(() -> {
            label[0] = make.get();
            label[0].applyCss();
            image[0] = NodeSnapshot.take(label[0], 1, Color.WHITE);
        });
        if (expectedFamily != null) {
            assertThat(label[0].getFont().getFamily()).as("the stylesheet's font for \"%s\"", label[0].getText())
                    .isEqualTo(expectedFamily);
        }
        return Ink.of(image[0]);
    }

    private static String asMissingGlyphs(String text) {
        StringBuilder boxes = new StringBuilder();
        text.codePoints().forEach(c -> boxes.appendCodePoint(
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? NO_GLYPH : c));
        return boxes.toString();
    }

    @Test
    void chineseLabelsInTheWindowUseTheBundledFont(FxRobot robot) {
        ControlBlockView form = robot.lookup(".control-block").queryAs(ControlBlockView.class);
        List<Labeled> labels = List.of(
                robot.lookup(".narration-text").queryAs(Label.class),
                robot.lookup(".stage-chip").queryAs(Label.class),
                robot.lookup("#step").queryAs(Button.class),
                robot.lookup(".summary-cell.summary-metaphor").queryAs(Label.class),
                robot.lookup(".stack-card .actor-title").queryAs(Label.class),
                form.value(ControlBlock.Field.PROTOCOL));
        for (Labeled label : labels) {
            assertThat(label.getText()).as("a Chinese label").matches("(?s).*\\p{IsHan}.*");
            assertThat(label.getFont().getFamily()).as("font of \"%s\"", label.getText()).isEqualTo(Fonts.FAMILY);
        }
    }

    @Test
    void aHanziIsItsOwnGlyphNotTheMissingGlyphBox(FxRobot robot) {
        String size = "-fx-font-size: 48px;";
        Ink tao = drawStyled(robot, "套", size);
        Ink box = drawStyled(robot, new String(Character.toChars(NO_GLYPH)), size);
        Ink taoWithoutTheBundledFont = drawInSystemFont(robot, "套", 48);

        assertThat(box.count()).as("the missing-glyph box is drawn").isPositive();
        assertThat(tao.count()).as("套 is drawn").isPositive();
        assertThat(tao.differenceFrom(box)).as("套 differs from the missing-glyph box").isGreaterThan(DIFFERENT);
        assertThat(tao.differenceFrom(taoWithoutTheBundledFont)).as("套 differs from 套 in a font without hanzi")
                .isGreaterThan(DIFFERENT);
    }

    @Test
    void theNarrationOfStepOneIsDrawnInHanziNotBoxes(FxRobot robot) {
        String narration = robot.lookup(".narration-text").queryAs(Label.class).getText();
        assertThat(narration).startsWith("阶段 1：一个空盒子。");

        Ink drawn = drawStyled(robot, narration, "", "narration-text");
        Ink allBoxes = drawStyled(robot, asMissingGlyphs(narration), "", "narration-text");

        // Were the hanzi missing, both would be the same row of boxes around the same Latin words.
        assertThat(drawn.differenceFrom(allBoxes)).isGreaterThan(DIFFERENT);
    }
}
