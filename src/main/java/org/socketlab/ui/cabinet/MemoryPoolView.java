// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.player.Picture;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;

/**
 * The memory manager's pool: how much is handed out, and one block per live socket (the newest
 * few, and how many older ones there are).
 */
public final class MemoryPoolView extends VBox {
    /** A block is never drawn thinner than this, so one socket in a large pool still shows. */
    private static final double MIN_VISIBLE_FILL = 0.02;

    private final Region fill = new Region();
    private final StackPane bar = new StackPane(fill);
    private final Label usage = new Label();
    private final FlowPane blocks = new FlowPane();
    private final Label older = new Label();
    private final List<Label> chips = new ArrayList<>();
    /** 0..1: how full the bar is drawn; animated when memory is taken or given back. */
    private final DoubleProperty fillFraction = new SimpleDoubleProperty(this, "fillFraction");

    public MemoryPoolView() {
        getStyleClass().add("memory-pool");
        bar.getStyleClass().add("memory-bar");
        fill.getStyleClass().add("memory-fill");
        fill.setManaged(false);
        fillFraction.subscribe(this::requestLayout);
        usage.getStyleClass().add("memory-usage");
        usage.setWrapText(true);
        blocks.getStyleClass().add("memory-blocks");
        older.getStyleClass().addAll("muted", "memory-older");
        getChildren().addAll(bar, usage, blocks);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double width = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        double height = bar.getHeight() - bar.snappedTopInset() - bar.snappedBottomInset();
        fill.resizeRelocate(bar.snappedLeftInset(), bar.snappedTopInset(), width * fillFraction.get(), height);
    }

    public void show(Picture picture, Messages messages, FieldTexts texts) {
        fillFraction.set(fractionOf(picture.memoryUsed(), picture.memoryCapacity()));
        pseudoClassStateChanged(Css.CHANGED, picture.memoryChanged());
        usage.setText(messages.get("memory.usage", texts.bytes(picture.memoryUsed()),
                texts.bytes(picture.memoryCapacity())));
        List<ControlBlock> allocations = picture.allocations();
        while (chips.size() < allocations.size()) {
            Label chip = new Label();
            chip.getStyleClass().add("memory-block");
            chips.add(chip);
        }
        List<Label> shown = new ArrayList<>();
        if (picture.allocationsHidden() > 0) {
            older.setText(messages.get("memory.olderBlocks", picture.allocationsHidden()));
            shown.add(older);
        }
        for (int i = 0; i < allocations.size(); i++) {
            ControlBlock socket = allocations.get(i);
            Label chip = chips.get(i);
            chip.setText(messages.get("memory.block", socket.slab(), socket.memoryBytes()));
            chip.pseudoClassStateChanged(Css.BLANK, socket.isBlank());
            shown.add(chip);
        }
        if (!blocks.getChildren().equals(shown)) {
            blocks.getChildren().setAll(shown);
        }
    }

    /** The fraction of the bar to fill for a pool's use. */
    public static double fractionOf(long used, long capacity) {
        if (used <= 0 || capacity <= 0) {
            return 0;
        }
        return Math.min(1, Math.max(MIN_VISIBLE_FILL, (double) used / capacity));
    }

    public DoubleProperty fillFractionProperty() {
        return fillFraction;
    }
}
