// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.theme;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.javafx.IkonResolver;
import org.socketlab.kernel.FileKind;

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
    public static final String ADDRESS = "mdi2m-map-marker-outline";
    public static final String AUTOBIND = "mdi2m-map-marker-plus";
    public static final String LISTEN = "mdi2e-ear-hearing";
    public static final String PACKET = "mdi2e-email-outline";
    public static final String HANDSHAKE = "mdi2h-handshake-outline";
    public static final String ACCEPT = "mdi2a-account-plus-outline";
    public static final String SEND = "mdi2s-send-outline";
    public static final String SHUTDOWN = "mdi2c-close-octagon-outline";
    public static final String RECEIVE = "mdi2i-inbox-arrow-down";
    public static final String FIN = "mdi2f-flag-checkered";
    public static final String RST = "mdi2l-lightning-bolt";
    public static final String OPTION = "mdi2t-tune";
    public static final String SIGNAL = "mdi2f-flash";
    public static final String DUPLICATE = "mdi2c-content-copy";
    public static final String FLAGS = "mdi2f-flag-outline";
    public static final String FORK = "mdi2s-source-fork";
    public static final String EXIT = "mdi2e-exit-run";
    public static final String EXEC = "mdi2a-application-export";
    public static final String LIMIT = "mdi2g-gauge";
    public static final String WAITING = "mdi2t-timer-sand";
    public static final String PREDICT = "mdi2h-help-circle-outline";
    public static final String RESET = "mdi2r-restart";
    public static final String BACK = "mdi2s-step-backward";
    public static final String STEP = "mdi2s-step-forward";
    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";
    public static final String SPEED = "mdi2s-speedometer";
    public static final String SAVE_IMAGE = "mdi2e-export";
    public static final String COPY = "mdi2c-content-copy";
    public static final String EXPORT = "mdi2f-filmstrip";
    public static final String AGREES = "mdi2c-check-circle-outline";
    public static final String FIND = "mdi2m-magnify";
    public static final String RECORD = "mdi2r-record-circle-outline";
    public static final String EPOLL = "mdi2r-radar";
    public static final String EVENTFD = "mdi2c-counter";
    public static final String TIMERFD = "mdi2t-timer-outline";
    public static final String SIGNALFD = "mdi2b-bell-ring-outline";
    public static final String INOTIFY = "mdi2f-file-eye-outline";
    public static final String FANOTIFY = "mdi2e-eye-settings-outline";
    public static final String PIDFD = "mdi2a-application-cog";
    public static final String MEMFD = "mdi2c-chip";
    public static final String PIPE_READ = "mdi2d-download-outline";
    public static final String PIPE_WRITE = "mdi2u-upload-outline";
    /** A pipe end the log does not say the side of: neither arrow. */
    public static final String PIPE = "mdi2p-pipe";

    private Icons() {
    }

    /**
     * Finds the icon packs and loads their font ahead of the first icon, from any thread: the
     * resolver does both once, in its class initialiser, which other threads wait for.
     */
    public static void preload() {
        IkonResolver.getInstance();
    }

    /** The icon of what a drawer holds. */
    public static String of(FileKind kind) {
        return switch (kind) {
            case TERMINAL -> TERMINAL;
            case SOCKET, NETLINK -> BOX;
            case FILE, UNKNOWN -> FILE;
            case EPOLL -> EPOLL;
            case EVENTFD -> EVENTFD;
            case TIMERFD -> TIMERFD;
            case SIGNALFD -> SIGNALFD;
            case INOTIFY -> INOTIFY;
            case FANOTIFY -> FANOTIFY;
            case PIDFD -> PIDFD;
            case MEMFD -> MEMFD;
            case PIPE_READ -> PIPE_READ;
            case PIPE_WRITE -> PIPE_WRITE;
            case PIPE -> PIPE;
        };
    }

    /** A new icon node; its colour and size come from the stylesheet. */
    public static FontIcon icon(String code) {
        FontIcon icon = new FontIcon(code);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
