// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.cabinet;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.Protocol;
import org.socketlab.kernel.Syscall;
import org.socketlab.kernel.TcpState;
import org.socketlab.player.Picture;
import org.socketlab.ui.language.Messages;

/**
 * Turns kernel values into the words the window shows, in the current language. The one place
 * that knows how a field reads, so every view shows it the same way.
 */
public final class FieldTexts {
    private final Messages messages;

    public FieldTexts(Messages messages) {
        this.messages = messages;
    }

    /** The text of a control block field; "—" for what zeroed memory holds. */
    String field(ControlBlock socket, ControlBlock.Field field) {
        boolean blank = socket.isBlank();
        return switch (field) {
            case FAMILY -> socket.family() == null ? messages.get("value.blank") : socket.family().name();
            case TYPE -> socket.type() == null ? messages.get("value.blank") : socket.type().name();
            case PROTOCOL -> blank ? messages.get("value.blank") : Protocol.nameOf(socket.protocol());
            case FLAGS -> socket.flags().isEmpty() ? messages.get("value.noFlags")
                    : socket.flags().stream().map(Enum::name).sorted().collect(Collectors.joining(" | "));
            case SOCKET_STATE -> blank ? messages.get("value.blank") : socket.socketState().name();
            case TCP_STATE -> blank ? messages.get("value.blank") : tcpState(socket);
            case LOCAL -> endpoint(socket, true);
            case REMOTE -> endpoint(socket, false);
            case SEND_BUFFER -> blank ? messages.get("value.blank") : messages.get("value.bytes", socket.sendBufferLimit());
            case RECEIVE_BUFFER -> blank ? messages.get("value.blank")
                    : messages.get("value.bytes", socket.receiveBufferLimit());
            case QUEUED -> blank ? messages.get("value.blank") : queued(socket);
            case ACCEPT_QUEUE -> messages.get("value.acceptQueue", socket.acceptQueue().size(), socket.backlog());
            case PACKETS -> messages.get("value.packets", socket.packetsSent());
            case MEMORY -> messages.get(socket.orphan() ? "value.bytes.orphan" : "value.bytes", socket.memoryBytes());
            case ERROR -> socket.error() == null ? messages.get("value.noError") : socket.error().name();
            case OPTIONS -> options(socket);
        };
    }

    /**
     * sk_state; for a connection whose peer is outside what the model sees, also the state a FIN it
     * cannot see would have left: "TCP_ESTABLISHED (or TCP_CLOSE_WAIT?)", explained by {@link #peerNote}.
     */
    private String tcpState(ControlBlock socket) {
        TcpState unseen = socket.ifPeerClosedUnseen();
        return unseen == null ? socket.tcpState().name()
                : messages.get("value.tcpState.peerOutside", socket.tcpState().name(), unseen.name());
    }

    /** Why a connection's state is only as far as the log shows (its peer is outside the trace), or "". */
    String peerNote(ControlBlock socket) {
        TcpState unseen = socket.isBlank() ? null : socket.ifPeerClosedUnseen();
        return unseen == null ? ""
                : messages.get("controlBlock.peerOutside", socket.tcpState().name(), unseen.name());
    }

    private String options(ControlBlock socket) {
        List<String> set = new ArrayList<>();
        if (socket.reuseAddress()) {
            set.add("SO_REUSEADDR");
        }
        if (socket.lingerZero()) {
            set.add("SO_LINGER {1, 0}");
        }
        if (socket.v6only()) {
            set.add("IPV6_V6ONLY");
        }
        return set.isEmpty() ? messages.get("value.noOptions") : String.join(" | ", set);
    }

    private String endpoint(ControlBlock socket, boolean local) {
        if (socket.isBlank()) {
            return messages.get("value.blank");
        }
        var endpoint = local ? socket.local() : socket.remote();
        return endpoint.isUnset()
                ? messages.get(local ? "value.unbound" : "value.unknownPeer", endpoint.toString())
                : endpoint.toString();
    }

    /** The form's three plain-language rows: state, addresses, buffers. */
    String formState(ControlBlock socket) {
        return socket.isBlank() ? messages.get("form.unwritten")
                : messages.get("form.state." + socket.socketState().name());
    }

    String formAddresses(ControlBlock socket) {
        if (socket.isBlank()) {
            return messages.get("form.unwritten");
        }
        if (socket.local().isUnset() && socket.remote().isUnset()) {
            return messages.get("form.addresses.none");
        }
        return socket.local() + " → " + socket.remote();
    }

    String formBuffers(ControlBlock socket) {
        if (socket.isBlank()) {
            return messages.get("form.unwritten");
        }
        return socket.sendQueued() + socket.receiveQueued() == 0 && socket.messages().isEmpty()
                ? messages.get("form.buffers.empty") : queued(socket);
    }

    /** The queues' bytes, and how many messages they are on a socket that keeps boundaries. */
    private String queued(ControlBlock socket) {
        return socket.messages().isEmpty()
                ? messages.get("value.queued", socket.sendQueued(), socket.receiveQueued())
                : messages.get("value.queued.messages", socket.sendQueued(), socket.receiveQueued(),
                        socket.messages().size());
    }

    /** What the last call returned, as C would show it: "socket() = 3", "= -1 EMFILE". */
    public String result(Picture picture) {
        Syscall call = picture.step().call();
        if (call == null) {
            return "";
        }
        if (call instanceof Syscall.Exit exit && picture.callReturned()) {
            return messages.get(picture.aboutThread() ? "result.exit.thread" : "result.exit",
                    exit.status());
        }
        if (picture.callBlocked()) {
            return messages.get("result.blocked", call.name());
        }
        if (!picture.callReturned()) {
            return "";
        }
        Errno errno = picture.callErrno();
        if (errno != null) {
            return messages.get("result.failure", call.name(), errno.name(), errno.message());
        }
        return messages.get("result.success", call.name(), picture.callValue());
    }

    /** A byte count with a readable unit: "3,584 B", "64 MiB". */
    String bytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return messages.get("value.mebibytes", bytes / (1024 * 1024));
        }
        if (bytes >= 64 * 1024 && bytes % 1024 == 0) {
            return messages.get("value.kibibytes", bytes / 1024);
        }
        return messages.get("value.bytes", bytes);
    }
}
