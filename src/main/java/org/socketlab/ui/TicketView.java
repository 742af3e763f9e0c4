// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import javafx.scene.control.Label;

/** A coat-check ticket: a descriptor number the application holds. */
final class TicketView extends Label {
    TicketView(int fd) {
        super(Integer.toString(fd), Icons.icon(Icons.TICKET));
        getStyleClass().add("ticket");
    }
}
