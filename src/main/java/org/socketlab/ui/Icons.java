// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui;

import org.kordamp.ikonli.javafx.FontIcon;

/** The icons the window uses (Material Design Icons via Ikonli), by what they stand for. */
public final class Icons {
    public static final String APPLICATION = "mdi2a-application";
    public static final String STACK = "mdi2l-layers-outline";
    public static final String MEMORY = "mdi2m-memory";
    public static final String CABINET = "mdi2f-file-cabinet";
    public static final String BOX = "mdi2p-package-variant-closed";
    public static final String FORM = "mdi2c-clipboard-text-outline";
    public static final String TICKET = "mdi2t-ticket-confirmation";
    public static final String TERMINAL = "mdi2c-console";
    public static final String FILE = "mdi2f-file-document-outline";
    public static final String ERROR = "mdi2a-alert-circle-outline";
    public static final String RELEASE = "mdi2r-recycle";
    public static final String RESET = "mdi2r-restart";
    public static final String BACK = "mdi2s-step-backward";
    public static final String STEP = "mdi2s-step-forward";
    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";
    public static final String SPEED = "mdi2s-speedometer";
    public static final String SAVE_IMAGE = "mdi2e-export";
    public static final String COPY = "mdi2c-content-copy";
    public static final String EXPORT = "mdi2f-filmstrip";

    private Icons() {
    }

    /** A new icon node; its colour and size come from the stylesheet. */
    public static FontIcon icon(String code) {
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
