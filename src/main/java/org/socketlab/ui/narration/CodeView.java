// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.narration;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.VBox;
import org.socketlab.lesson.Lesson;
import org.socketlab.player.Picture;
import org.socketlab.ui.common.HoverTips;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/** The lesson's code, one line per row, with the line being executed highlighted. */
public final class CodeView extends VBox {
    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ListView<String> list = new ListView<>(lines);
    private final Label title = new Label(null, Icons.icon(Icons.APPLICATION));
    private static final double CELL_HEIGHT = 21;
    private static final PseudoClass FOLLOWING = PseudoClass.getPseudoClass("following");
    /** The highlighted line; cells follow it (they live exactly as long as this view). */
    private final IntegerProperty currentLine =
            new SimpleIntegerProperty(this, "currentLine", -1);

    private final BooleanProperty following =
            new SimpleBooleanProperty(this, "following");

    public CodeView(Messages messages, ObservableValue<Lesson> lesson, ObservableValue<Picture> picture) {
        this.messages = messages;
        this.picture = picture;
        getStyleClass().addAll("panel", "code-panel");
        title.getStyleClass().add("panel-title");
        list.getStyleClass().add("code-list");
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new CodeCell());
        // Equal rows let the flow place any line exactly, also in a 100,000-line trace.
        list.setFixedCellSize(CELL_HEIGHT);
        getChildren().addAll(title, list);
        subscriptions.onChange(() -> lines.setAll(lesson.getValue().code()), lesson);
        subscriptions.onChange(this::show, picture, messages.localeProperty());
        // Following, the scroll bar takes no room and shows nothing (socket-lab.css); the flow still
        // scrolls, so show() keeps the highlighted line in sight.
        subscriptions.add(following.subscribe(on -> {
            list.pseudoClassStateChanged(FOLLOWING, on);
            follow();
        }));
        subscriptions.onChange(this::follow, list.heightProperty());
    }

    /**
     * The list shows whole rows only: the height the panel gives it is cut down to a whole number
     * of rows, so no line is cut in half at the bottom (the rest is the panel's own margin). The
     * panel itself keeps its size, so no region moves.
     */
    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double width = getWidth() - left - snappedRightInset();
        double height = getHeight() - top - snappedBottomInset();
        double titleHeight = snapSizeY(title.prefHeight(width));
        layoutInArea(title, left, top, width, titleHeight, 0, HPos.LEFT, VPos.TOP);
        double below = titleHeight + snapSpaceY(getSpacing());
        double insets = list.snappedTopInset() + list.snappedBottomInset();
        double rows = Math.max(1, Math.floor((height - below - insets) / CELL_HEIGHT));
        list.resizeRelocate(left, top + below, width, rows * CELL_HEIGHT + insets);
    }

    private void show() {
        title.setText(messages.get("code.title"));
        currentLine.set(picture.getValue().codeLine());
        follow();
    }

    /**
     * Scrolls the highlighted line into sight, or the first line when none is highlighted: at every
     * step, and when the panel changes height.
     */
    private void follow() {
        int line = currentLine.get();
        if (line < 0 && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(0); // before the first call (and Home): the code from its first line
        } else if (line >= 0 && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            // Rows are all CELL_HEIGHT tall, so the line one above the current one can be put at the
            // top exactly. (ListView.scrollTo keeps a replaced view reachable; VirtualFlow.scrollTo
            // mis-estimates long jumps.) The flow fills the list inside its border; the list's height
            // is known first (F5 makes the panel smaller before the flow is laid out again).
            double viewport = list.getHeight() - list.snappedTopInset() - list.snappedBottomInset();
            double hidden = lines.size() * CELL_HEIGHT - viewport;
            double top = Math.max(0, line - 1) * CELL_HEIGHT;
            flow.setPosition(hidden <= 0 ? 0 : Math.min(1, top / hidden));
        }
    }

    /**
     * Whether the code follows the highlighted line with no scroll bar (while presenting: a slide
     * has nothing to scroll, and a scroll bar on a projector only takes room). Off, a long lesson's
     * code has its scroll bar, so the reader can look ahead.
     */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** The highlighted line, or -1. */
    int currentLine() {
        return currentLine.get();
    }

    private final class CodeCell extends ListCell<String> {
        private final Label number = new Label();

        CodeCell() {
            getStyleClass().add("code-line");
            number.getStyleClass().add("code-line-number");
            // One row per line (traces have very long ones): the end is cut, the tooltip has it all.
            setPrefWidth(0);
            HoverTips.install(this, () -> isEmpty() ? null : getItem());
            currentLine.subscribe(this::highlight);
        }

        private void highlight() {
            pseudoClassStateChanged(Css.CURRENT, !isEmpty() && getIndex() == currentLine.get());
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            number.setText(empty ? "" : Integer.toString(getIndex() + 1));
            setGraphic(empty ? null : number);
            setText(empty ? null : line);
            highlight();
        }
    }

    public void dispose() {
        subscriptions.release();
    }
}
