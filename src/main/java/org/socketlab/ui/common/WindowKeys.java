// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A table of keys that no menu item declares, each with what it means: the window's clicker and
 * presenter keys, the ink's keys while presenting, the editor's find keys. A menu item's key is
 * declared once, as that item's accelerator; every other key is declared once, in one of these
 * tables. Help › Keyboard shortcuts is made from the same tables, so it lists what the keys do.
 *
 * <p>Plain keys (no Ctrl) are the editor's while the user types there; keys with the shortcut
 * modifier work wherever the keyboard is, like the menus' accelerators.
 */
public final class WindowKeys {
    /**
     * One key, the message key of what it does, and the action, which says whether it took the key
     * (else the key goes on). An unlisted key is another spelling of a listed one (the keypad's
     * digits, Ctrl and the keypad's +) and is left out of Help › Keyboard shortcuts.
     */
    public record Key(KeyCombination combination, String meaning, BooleanSupplier action, boolean listed) {
        public Key(KeyCombination combination, String meaning, BooleanSupplier action) {
            this(combination, meaning, action, true);
        }

        /** The same key, left out of the list of shortcuts. */
        public Key unlisted() {
            return new Key(combination, meaning, action, false);
        }

        boolean plain() {
            return combination instanceof KeyCodeCombination code
                    && code.getShortcut() != KeyCombination.ModifierValue.DOWN
                    && code.getControl() != KeyCombination.ModifierValue.DOWN;
        }
    }

    /**
     * One row of Help › Keyboard shortcuts: the keys that do one thing, in the order declared, and
     * the message key of what they do.
     */
    public record Shortcut(String meaning, List<KeyCombination> combinations) {
        public Shortcut {
            combinations = List.copyOf(combinations);
        }

        /** The keys as this system writes them ("Ctrl+O", "⌘O"), each spelling once, comma separated. */
        public String keysText() {
            return String.join(", ", combinations.stream().map(KeyCombination::getDisplayText).distinct().toList());
        }
    }

    private final List<Key> keys;

    public WindowKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A plain key, with or without Shift. */
    public static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_ANY);
    }

    /** A key with no modifier at all. */
    public static KeyCombination alone(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    /** The shortcut modifier (Ctrl; Cmd on a Mac) and a key, with or without Shift. */
    public static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    }

    /** Always takes the key. */
    public static BooleanSupplier always(Runnable action) {
        return () -> {
            action.run();
            return true;
        };
    }

    /** Takes the key only while {@code condition} holds; otherwise leaves it to whoever comes next. */
    public static BooleanSupplier when(BooleanSupplier condition, Runnable action) {
        return () -> {
            if (!condition.getAsBoolean()) {
                return false;
            }
            action.run();
            return true;
        };
    }

    /**
     * Runs the first key of the table that matches and takes it; plain keys only when {@code typing}
     * is false. True when a key took the event.
     */
    public boolean handle(KeyEvent event, boolean typing) {
        for (Key key : keys) {
            if (key.combination().match(event) && !(typing && key.plain()) && key.action().getAsBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** The listed keys as rows, one per meaning, in the order each meaning was first declared. */
    public List<Shortcut> shortcuts() {
        Map<String, List<KeyCombination>> rows = new LinkedHashMap<>();
        for (Key key : keys) {
            if (key.listed()) {
                rows.computeIfAbsent(key.meaning(), meaning -> new ArrayList<>()).add(key.combination());
            }
        }
        List<Shortcut> shortcuts = new ArrayList<>();
        rows.forEach((meaning, combinations) -> shortcuts.add(new Shortcut(meaning, combinations)));
        return shortcuts;
    }

    /**
     * {@code rows} with the keys of {@code more} added to the row of the same meaning (the menu's
     * Zoom in and the window's other zoom-in keys); a meaning of {@code more} with no row is left out.
     */
    public static List<Shortcut> joined(List<Shortcut> rows, List<Shortcut> more) {
        List<Shortcut> joined = new ArrayList<>();
        for (Shortcut row : rows) {
            List<KeyCombination> combinations = new ArrayList<>(row.combinations());
            more.stream().filter(other -> other.meaning().equals(row.meaning()))
                    .forEach(other -> combinations.addAll(other.combinations()));
            joined.add(new Shortcut(row.meaning(), combinations));
        }
        return joined;
    }
}
