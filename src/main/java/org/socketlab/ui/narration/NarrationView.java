// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.narration;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.socketlab.kernel.Stage;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.player.Picture;
import org.socketlab.ui.common.ViewOptions;
import org.socketlab.ui.common.ViewSubscriptions;
import org.socketlab.ui.language.Messages;
import org.socketlab.ui.theme.Css;
import org.socketlab.ui.theme.Icons;

/** What is happening, in words: the stage, the lesson's own line, and the kernel's story. */
public final class NarrationView extends VBox {
    private final Messages messages;
    private final ObservableValue<Picture> picture;
    private final ViewSubscriptions subscriptions = new ViewSubscriptions();
    private final FontIcon stageIcon = Icons.icon(Icons.BOX);
    private final Label stageChip = new Label(null, stageIcon);
    private final Label say = new Label();
    private final Label text = new Label();
    private final Label kernelLine = new Label();
    private final Label checkLine = new Label();
    private final ViewOptions options;

    public NarrationView(Messages messages, ObservableValue<Picture> picture, ViewOptions options) {
        this.messages = messages;
        this.options = options;
        this.picture = picture;
        getStyleClass().add("narration");
        stageChip.getStyleClass().add("stage-chip");
        say.getStyleClass().add("narration-say");
        say.setWrapText(true);
        text.getStyleClass().add("narration-text");
        text.setWrapText(true);
        HBox chipLine = new HBox(stageChip);
        chipLine.getStyleClass().add("stage-chip-line");
        kernelLine.getStyleClass().add("narration-kernel");
        kernelLine.setWrapText(true);
        checkLine.getStyleClass().add("kernel-check");
        checkLine.setWrapText(true);
        getChildren().addAll(chipLine, say, text, kernelLine, checkLine);
        // Never cut the story short: the diagram above gives way instead.
        setMinHeight(USE_PREF_SIZE);
        subscriptions.onChange(this::show, picture, messages.localeProperty(), options.kernelViewProperty(),
                options.largeTypeProperty());
    }

    private void show() {
        Picture p = picture.getValue();
        Stage stage = p.stage();
        for (Stage s : Stage.values()) {
            stageChip.getStyleClass().remove("stage-" + s.name().toLowerCase(Locale.ROOT));
        }
        stageChip.getStyleClass().add("stage-" + stage.name().toLowerCase(Locale.ROOT));
        stageChip.pseudoClassStateChanged(Css.ERROR, p.callFailed());
        stageIcon.setIconLiteral(p.callFailed() ? Icons.ERROR
                : p.callBlocked() ? Icons.WAITING : iconOf(stage));
        stageChip.setText(messages.get("stage." + p.stageKey() + ".chip"));
        text.setText(messages.narration(p.step().narration()));
        boolean kernel = options.isKernelView() && stage != Stage.START;
        kernelLine.setText(kernel ? messages.get("kernel.stage." + p.stageKey()) : "");
        kernelLine.setVisible(kernel);
        kernelLine.setManaged(kernel);
        pseudoClassStateChanged(Css.LARGE, options.largeTypeProperty().get());
        KernelCheck check = p.check();
        boolean checked = check != null && p.callReturned();
        checkLine.setVisible(checked);
        checkLine.setManaged(checked);
        checkLine.pseudoClassStateChanged(Css.ERROR, checked && check.mismatch());
        checkLine.setText(checked ? checkText(check) : "");
        String words = messages.lessonText(p.say());
        say.setText(words);
        say.setVisible(!words.isEmpty());
        say.setManaged(!words.isEmpty());
    }

    /** "The model predicted 3; the kernel returned 3." with the verdict. */
    private String checkText(KernelCheck check) {
        String actual = check.actualErrno() != null ? "-1 " + check.actualErrno() : list(check.actual());
        if (!check.known()) {
            return messages.get("check.unknown", actual);
        }
        String predicted = check.predictedErrno() != null ? "-1 " + check.predictedErrno() : list(check.predicted());
        return messages.get(check.mismatch() ? "check.mismatch" : "check.agree", predicted, actual);
    }

    private static String list(List<Integer> fds) {
        return fds.isEmpty() ? "0" : fds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String iconOf(Stage stage) {
        return switch (stage) {
            case START -> Icons.APPLICATION;
            case CHECK_ARGUMENTS -> Icons.STACK;
            case ALLOCATE_MEMORY -> Icons.BOX;
            case INIT_CONTROL_BLOCK -> Icons.FORM;
            case ISSUE_DESCRIPTOR -> Icons.TICKET;
            case CLOSE_DESCRIPTOR -> Icons.CABINET;
            case RELEASE_SOCKET -> Icons.RELEASE;
            case BIND -> Icons.ADDRESS;
            case LISTEN -> Icons.LISTEN;
            case AUTOBIND -> Icons.AUTOBIND;
            case SEND_SYN -> Icons.PACKET;
            case ESTABLISH -> Icons.HANDSHAKE;
            case ACCEPT_CONNECTION -> Icons.ACCEPT;
            case SEND_DATA -> Icons.SEND;
            case SHUTDOWN -> Icons.SHUTDOWN;
            case RECEIVE_DATA -> Icons.RECEIVE;
            case SEND_FIN -> Icons.FIN;
            case SEND_RESET -> Icons.RST;
            case SET_OPTION, GET_OPTION -> Icons.OPTION;
            case SIGNAL -> Icons.SIGNAL;
            case DUPLICATE -> Icons.DUPLICATE;
            case FILE_FLAGS -> Icons.FLAGS;
            case FORK -> Icons.FORK;
            case EXIT -> Icons.EXIT;
            case EXEC -> Icons.EXEC;
            case SET_LIMIT -> Icons.LIMIT;
            case OPEN_FILE -> Icons.FILE;
            case NETLINK_SOCKET -> Icons.BOX;
            case NETLINK_BIND -> Icons.ADDRESS;
            case INCOMING_CONNECTION -> Icons.HANDSHAKE;
            case ATTACH -> Icons.APPLICATION;
            case WATCH -> Icons.EPOLL;
            case WAIT_READY -> Icons.WAITING;
        };
    }

    public void dispose() {
        subscriptions.release();
    }
}
