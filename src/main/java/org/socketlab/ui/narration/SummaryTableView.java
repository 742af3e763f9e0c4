// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.narration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.socketlab.kernel.Stage;
import org.socketlab.player.Picture;
import org.socketlab.player.StageProgress;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/** The lesson's three-row summary: step, who, action, result, metaphor; the current row lit. */
public final class SummaryTableView extends GridPane {
    private static final List<Stage> ROWS = List.of(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK,
            Stage.ISSUE_DESCRIPTOR);
    private static final List<String> COLUMNS = List.of("step", "who", "action", "result", "metaphor");

    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final List<Label> headers = new ArrayList<>();
    private final List<List<Label>> cells = new ArrayList<>();

    private final ViewOptions options;

    public SummaryTableView(Messages messages, ObservableValue<Picture> picture, ViewOptions options) {
        this.messages = messages;
        this.options = options;
        this.picture = picture;
        getStyleClass().add("summary-table");
        double[] widths = {7, 21, 27, 27, 18};
        for (int c = 0; c < COLUMNS.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(widths[c]);
            column.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(column);
            Label header = new Label();
            header.getStyleClass().addAll("summary-header", "summary-" + COLUMNS.get(c));
            header.setMaxWidth(Double.MAX_VALUE);
            headers.add(header);
            add(header, c, 0);
        }
        for (int r = 0; r < ROWS.size(); r++) {
            List<Label> row = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                Label cell = new Label();
                cell.getStyleClass().addAll("summary-cell", "summary-" + COLUMNS.get(c),
                        "stage-" + ROWS.get(r).name().toLowerCase(Locale.ROOT));
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMaxHeight(Double.MAX_VALUE);
                cell.setWrapText(true);
                row.add(cell);
                add(cell, c, r + 1);
            }
            row.get(0).setGraphic(Icons.icon(NarrationView.iconOf(ROWS.get(r))));
            cells.add(row);
        }
        subscriptions.onChange(this::show, picture, messages.localeProperty(), options.kernelViewProperty());
    }

    private void show() {
        Picture p = picture.getValue();
        boolean kernel = options.isKernelView();
        for (int c = 0; c < COLUMNS.size(); c++) {
            headers.get(c).setText(messages.get("summary." + column(c, kernel)));
        }
        for (int r = 0; r < ROWS.size(); r++) {
            Stage stage = ROWS.get(r);
            StageProgress progress = p.stages().get(stage);
            List<Label> row = cells.get(r);
            row.get(0).setText(Integer.toString(r + 1));
            for (int c = 1; c < COLUMNS.size(); c++) {
                row.get(c).setText(messages.get("summary." + stage.name() + "." + column(c, kernel)));
                row.get(c).pseudoClassStateChanged(Css.KERNEL, kernel && c == COLUMNS.size() - 1);
            }
            for (Label cell : row) {
                cell.pseudoClassStateChanged(Css.CURRENT, progress == StageProgress.CURRENT);
                cell.pseudoClassStateChanged(Css.DONE, progress == StageProgress.DONE);
                cell.pseudoClassStateChanged(Css.ERROR, progress == StageProgress.FAILED);
            }
        }
    }

    /** In the kernel view the metaphor column names the Linux functions instead. */
    private static String column(int c, boolean kernel) {
        return kernel && c == COLUMNS.size() - 1 ? "kernel" : COLUMNS.get(c);
    }

    /** The cells of a stage's row (for tests). */
    public List<Label> row(Stage stage) {
        return cells.get(ROWS.indexOf(stage));
    }

    public void dispose() {
        subscriptions.release();
    }
}
