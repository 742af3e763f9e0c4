// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A printable page with every step of a lesson: a grid of step pictures, each with its step
 * number, its stage and its full narration underneath. The page has the proportions of A4
 * portrait; it takes as few columns as let everything fit, and grows only when even four
 * columns do not.
 */
public final class ContactSheetView extends VBox {
    /** The page width in layout pixels: A4 at 150 dpi, so a 2× picture prints at 300 dpi. */
    public static final double PAGE_WIDTH = 1240;
    /** The page height for that width: A4's 297 / 210. */
    public static final double PAGE_HEIGHT = Math.round(PAGE_WIDTH * 297 / 210);
    private static final int MAX_COLUMNS = 4;

    /**
     * One step on the sheet.
     *
     * @param picture   the step's picture
     * @param number    the step number, as the window counts (0 is the start)
     * @param chip      the stage, in words
     * @param narration what happens, in full
     * @param failed    whether the step failed (its label is drawn as an error)
     */
    public record Cell(Image picture, int number, String chip, String narration, boolean failed) {
    }

    private final GridPane grid = new GridPane();
    private final List<Cell> cells;
    private final Messages messages;

    private ContactSheetView(Messages messages, String title, String subtitle, List<Cell> cells) {
        this.messages = messages;
        this.cells = List.copyOf(cells);
        getStyleClass().add("contact-sheet");
        pseudoClassStateChanged(Css.CJK, Languages.usesCjkScript(messages.getLocale()));
        Label heading = new Label(title);
        heading.getStyleClass().add("sheet-title");
        Label lead = new Label(subtitle);
        lead.getStyleClass().add("sheet-subtitle");
        lead.setWrapText(true);
        grid.getStyleClass().add("sheet-grid");
        VBox.setVgrow(grid, Priority.ALWAYS);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        Label footer = new Label(messages.get("sheet.footer", Version.current()));
        footer.getStyleClass().add("sheet-footer");
        getChildren().addAll(heading, lead, grid, fill, footer);
        setMinWidth(PAGE_WIDTH);
        setPrefWidth(PAGE_WIDTH);
        setMaxWidth(PAGE_WIDTH);
        setMinHeight(PAGE_HEIGHT);
    }

    /**
     * Lays out a sheet in a scene of its own styled with {@code theme}, ready to be
     * snapshotted. Runs on the FX thread.
     */
    public static ContactSheetView layOut(Messages messages, Theme theme, String title, String subtitle,
                                          List<Cell> cells) {
        ContactSheetView sheet = new ContactSheetView(messages, title, subtitle, cells);
        Scene scene = new Scene(sheet);
        theme.applyTo(scene);
        for (int columns = 1; columns <= MAX_COLUMNS; columns++) {
            sheet.arrange(columns);
            if (sheet.prefHeight(PAGE_WIDTH) <= PAGE_HEIGHT || columns == Math.min(MAX_COLUMNS, cells.size())) {
                break;
            }
        }
        sheet.resize(PAGE_WIDTH, Math.max(PAGE_HEIGHT, sheet.prefHeight(PAGE_WIDTH)));
        sheet.layout();
        return sheet;
    }

    /** How many columns the grid has. */
    public int columns() {
        return grid.getColumnCount();
    }

    private void arrange(int columns) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        applyCss();
        double gap = grid.getHgap();
        double inner = PAGE_WIDTH - snappedLeftInset() - snappedRightInset();
        double cellWidth = Math.floor((inner - gap * (columns - 1)) / columns);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints(cellWidth);
            grid.getColumnConstraints().add(column);
        }
        for (int i = 0; i < cells.size(); i++) {
            grid.add(cell(cells.get(i), cellWidth), i % columns, i / columns);
        }
        applyCss();
        layout();
    }

    private VBox cell(Cell cell, double width) {
        ImageView picture = new ImageView(cell.picture());
        picture.setPreserveRatio(true);
        picture.setSmooth(true);
        picture.setFitWidth(width - 2);
        VBox frame = new VBox(picture);
        frame.getStyleClass().add("sheet-picture");
        Label step = new Label(messages.get("sheet.step", cell.number(), cell.chip()));
        step.getStyleClass().add("sheet-step");
        step.pseudoClassStateChanged(Css.ERROR, cell.failed());
        step.setWrapText(true);
        Label narration = new Label(cell.narration());
        narration.getStyleClass().add("sheet-narration");
        narration.setWrapText(true);
        narration.setMinHeight(USE_PREF_SIZE);
        VBox box = new VBox(frame, step, narration);
        box.getStyleClass().add("sheet-cell");
        box.setMaxWidth(width);
        return box;
    }
}
