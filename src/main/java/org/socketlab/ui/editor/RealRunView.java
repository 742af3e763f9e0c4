// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.editor;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketlab.lesson.kernelrun.KernelProof.CallComparison;
import org.socketlab.lesson.kernelrun.KernelProof;
import org.socketlab.lesson.kernelrun.RealKernel;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/**
 * What "Run it for real" (F9) shows under the picture: while it runs, a progress indicator and
 * Stop; then every call, the model's answer beside the real kernel's, each disagreement marked
 * with a style class, an icon and a word (not colour alone); or why the lesson could not run.
 */
public final class RealRunView extends VBox {
    public static final String DISAGREES = "disagrees";

    private final Messages messages;
    private final RealRun run;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button stop = new Button();
    private final Button close = new Button();
    private final TableView<CallComparison> table = new TableView<>();

    public RealRunView(Messages messages, RealRun run) {
        this.messages = messages;
        this.run = run;
        getStyleClass().addAll("panel", "real-run");
        title.getStyleClass().add("panel-title");
        summary.getStyleClass().add("real-run-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        progress.getStyleClass().add("real-run-progress");
        progress.setPrefSize(22, 22);
        stop.getStyleClass().add("real-run-stop");
        stop.setOnAction(e -> run.stop());
        close.getStyleClass().add("real-run-close");
        close.setOnAction(e -> run.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, title, progress, spacer, stop, close);
        top.setAlignment(Pos.CENTER_LEFT);
        table.getStyleClass().add("real-run-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CallComparison item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(DISAGREES);
                if (!empty && item != null && !item.agrees()) {
                    getStyleClass().add(DISAGREES);
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(top, summary, table);
        subscriptions.onChange(this::show, run.stateProperty(), messages.localeProperty());
    }

    private TableColumn<CallComparison, String> column(String key, Function<CallComparison, String> value,
                                                       double width) {
        TableColumn<CallComparison, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private String answer(KernelProof.Answer a) {
        return a == null ? messages.get("run.real.noCall") : a.describe();
    }

    private void columns() {
        TableColumn<CallComparison, String> verdict = column("run.real.column.verdict",
                c -> c.agrees() ? messages.get("run.real.agrees") : messages.get("run.real.differs"), 140);
        verdict.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                CallComparison row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                setGraphic(row == null ? null : Icons.icon(row.agrees() ? Icons.AGREES : Icons.ERROR));
                if (row != null && !row.agrees()) {
                    setTooltip(new Tooltip(row.disagreement()));
                } else {
                    setTooltip(null);
                }
            }
        });
        table.getColumns().setAll(List.of(
                column("run.real.column.line", c -> c.line() == 0 ? "" : String.valueOf(c.line()), 60),
                column("run.real.column.call", CallComparison::call, 120),
                column("run.real.column.model", c -> answer(c.model()), 170),
                column("run.real.column.kernel", c -> answer(c.kernel()), 170),
                verdict));
    }

    /** How a program ended, in the reader's language ("exited with 0", "以状态 0 退出"). */
    private String ended(RealKernel.Ending ending) {
        // (Java 17: no patterns in switch; every Ending is named once, in its order)
        if (ending instanceof RealKernel.Ending.Exited e) {
            return messages.get("run.real.ending.exited", e.status());
        } else if (ending instanceof RealKernel.Ending.Killed k) {
            return messages.get("run.real.ending.killed", k.signal());
        } else if (ending instanceof RealKernel.Ending.TimedOut t) {
            return messages.get("run.real.ending.timedOut", t.after().toSeconds());
        }
        throw new IllegalStateException("an Ending this view does not name: " + ending);
    }

    private void show() {
        title.setText(messages.get("run.real.title"));
        stop.setText(messages.get("run.real.stop"));
        close.setText(messages.get("run.real.close"));
        columns();
        table.setPlaceholder(new Label(messages.get("run.real.empty")));
        RealRun.State state = run.stateProperty().get();
        boolean running = state instanceof RealRun.State.Running;
        progress.setVisible(running);
        progress.setManaged(running);
        stop.setDisable(!running);
        summary.pseudoClassStateChanged(Css.ERROR, false);
        // (Java 17: no patterns in switch; every State is named once, in its order)
        table.setItems(FXCollections.observableArrayList());
        if (state instanceof RealRun.State.Idle) {
            summary.setText("");
        } else if (state instanceof RealRun.State.Running r) {
            summary.setText(messages.get("run.real.running", r.fileName(), KernelProof.TIME_LIMIT.toSeconds()));
        } else if (state instanceof RealRun.State.Proved p) {
            KernelProof.Proof proof = p.proof();
            long differ = proof.calls().stream().filter(c -> !c.agrees()).count();
            String ending = messages.get("run.real.ending", ended(proof.ending()), ended(proof.modelEnding()),
                    proof.asUser());
            summary.setText((proof.agrees() ? messages.get("run.real.agree", proof.calls().size())
                    : messages.get("run.real.disagree", differ, proof.calls().size())) + " " + ending);
            summary.pseudoClassStateChanged(Css.ERROR, !proof.agrees());
            table.setItems(FXCollections.observableArrayList(proof.calls()));
            // The first call that differs comes into sight (at the top, or as far up as the table scrolls).
            for (int i = 0; i < proof.calls().size(); i++) {
                if (!proof.calls().get(i).agrees()) {
                    table.scrollTo(i);
                    break;
                }
            }
        } else if (state instanceof RealRun.State.Failed f) {
            summary.setText(messages.get("run.real.failed", f.fileName()) + "\n" + f.message());
            summary.pseudoClassStateChanged(Css.ERROR, true);
        } else if (state instanceof RealRun.State.Stopped s) {
            summary.setText(messages.get("run.real.stopped", s.fileName()));
        }
    }

    /** The summary line: what the run found, or why it could not run. */
    public String summaryText() {
        return summary.getText();
    }

    public TableView<CallComparison> table() {
        return table;
    }

    public void dispose() {
        subscriptions.release();
    }
}
