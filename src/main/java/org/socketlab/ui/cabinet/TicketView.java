// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import javafx.scene.control.Label;
import org.socketlab.ui.theme.Icons;

/** A coat-check ticket: a descriptor number the application holds. */
public final class TicketView extends Label {
    public TicketView(int fd) {
        super(Integer.toString(fd), Icons.icon(Icons.TICKET));
        getStyleClass().add("ticket");
    }
}
