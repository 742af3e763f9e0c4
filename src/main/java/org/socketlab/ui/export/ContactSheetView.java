// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.export;

import java.util.ArrayList;
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
import org.socketlab.ui.common.Version;
import org.socketlab.ui.language.Languages;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Theme;

/**
 * A printable page with every step of a lesson: a grid of step pictures, each with its step
 * number, its stage and its full narration underneath. The page has the proportions of A4
 * portrait; it takes as few columns as let everything fit. When even four columns do not,
 * the lesson is cut into A4 pages of three columns, whole rows to a page, numbered in the footer
 * ({@link #layOutPages}).
 */
public final class ContactSheetView extends VBox {
    /** The page width in layout pixels: A4 at 150 dpi, so a 2× picture prints at 300 dpi. */
    public static final double PAGE_WIDTH = 1240;
    /** The page height for that width: A4's 297 / 210. */
    public static final double PAGE_HEIGHT = Math.round(PAGE_WIDTH * 297 / 210);
    private static final int MAX_COLUMNS = 4;
    /** The columns of a lesson too long for one page: pictures big enough to read on paper. */
    static final int PAGED_COLUMNS = 3;

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
        this(messages, title, subtitle, cells, "");
    }

    private ContactSheetView(Messages messages, String title, String subtitle, List<Cell> cells, String page) {
        this.messages = messages;
        this.cells = List.copyOf(cells);
        getStyleClass().add("contact-sheet");
        pseudoClassStateChanged(Css.CJK, Languages.usesCjkScript(messages.getLocale()));
        Label heading = new Label(title);
        heading.getStyleClass().add("sheet-title");
        Label lead = new Label(subtitle);
        lead.getStyleClass().add("sheet-subtitle");
        lead.setWrapText(true);
        lead.setVisible(!subtitle.isEmpty());
        lead.setManaged(!subtitle.isEmpty());
        grid.getStyleClass().add("sheet-grid");
        VBox.setVgrow(grid, Priority.ALWAYS);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        String made = messages.get("sheet.footer", Version.current());
        Label footer = new Label(page.isEmpty() ? made : made + " · " + page);
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

    /**
     * Lays out the lesson on as many A4 pages as it needs: one page as {@link #layOut} when it
     * fits there, else pages of {@value #PAGED_COLUMNS} columns filled with whole rows, the
     * title on each, the lesson's description on the first, "page N of M" in each footer.
     */
    public static List<ContactSheetView> layOutPages(Messages messages, Theme theme, String title, String subtitle,
                                                     List<Cell> cells) {
        ContactSheetView single = layOut(messages, theme, title, subtitle, cells);
        if (single.getHeight() <= PAGE_HEIGHT) {
            return List.of(single);
        }
        List<List<Cell>> pages = new ArrayList<>();
        List<Cell> current = new ArrayList<>();
        int i = 0;
        while (i < cells.size()) {
            List<Cell> row = cells.subList(i, Math.min(i + PAGED_COLUMNS, cells.size()));
            List<Cell> trial = new ArrayList<>(current);
            trial.addAll(row);
            ContactSheetView probe = page(messages, theme, title, pages.isEmpty() ? subtitle : "", trial, "…");
            if (current.isEmpty() || probe.prefHeight(PAGE_WIDTH) <= PAGE_HEIGHT) {
                current = trial;
                i += row.size();
            } else {
                pages.add(current);
                current = new ArrayList<>();
            }
        }
        pages.add(current);
        List<ContactSheetView> laidOut = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            ContactSheetView page = page(messages, theme, title, p == 0 ? subtitle : "", pages.get(p),
                    messages.get("sheet.page", p + 1, pages.size()));
            page.resize(PAGE_WIDTH, Math.max(PAGE_HEIGHT, page.prefHeight(PAGE_WIDTH)));
            page.layout();
            laidOut.add(page);
        }
        return List.copyOf(laidOut);
    }

    private static ContactSheetView page(Messages messages, Theme theme, String title, String subtitle,
                                         List<Cell> cells, String page) {
        ContactSheetView sheet = new ContactSheetView(messages, title, subtitle, cells, page);
        Scene scene = new Scene(sheet);
        theme.applyTo(scene);
        sheet.arrange(PAGED_COLUMNS);
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
