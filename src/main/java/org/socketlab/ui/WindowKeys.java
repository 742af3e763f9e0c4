// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys that no menu item declares: the clicker's and the presenter's plain keys, and
 * the other keys a zoom item answers besides its own accelerator. A menu item's key is declared
 * once, as that item's accelerator (MainMenus); this is the one table of all others, so a key is
 * declared in exactly one place.
 *
 * <p>Plain keys (no Ctrl) are the editor's while the user types there; keys with the shortcut
 * modifier work wherever the keyboard is, like the menus' accelerators.
 */
final class WindowKeys {
    /** One key and what it does; the action says whether it took the key (else the key goes on). */
    record Key(KeyCombination combination, BooleanSupplier action) {
        boolean plain() {
            return combination instanceof KeyCodeCombination code
                    && code.getShortcut() != KeyCombination.ModifierValue.DOWN
                    && code.getControl() != KeyCombination.ModifierValue.DOWN;
        }
    }

    private final List<Key> keys;

    WindowKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /** A plain key, with or without Shift. */
    static KeyCombination plain(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHIFT_ANY);
    }

    /** The shortcut modifier (Ctrl; Cmd on a Mac) and a key, with or without Shift. */
    static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    }

    /** Always takes the key. */
    static BooleanSupplier always(Runnable action) {
        return () -> {
            action.run();
            return true;
        };
    }

    /**
     * Runs the first key of the table that matches and takes it; plain keys only when {@code typing}
     * is false. True when a key took the event.
     */
    boolean handle(KeyEvent event, boolean typing) {
        for (Key key : keys) {
            if (key.combination().match(event) && !(typing && key.plain()) && key.action().getAsBoolean()) {
                return true;
            }
        }
        return false;
    }
}
