// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socketlab.kernel.CallEffect;
import org.socketlab.kernel.Descriptor;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.Kernel;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.Narration;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.LessonScript;
import org.socketlab.lesson.LocalizedText;
import org.socketlab.lesson.strace.Decoration;
import org.socketlab.lesson.strace.FdRef;
import org.socketlab.lesson.strace.TraceCall;

/**
 * The kernel model during a replay: the lesson being built, and the inferences that keep the
 * model in step with a log that does not show everything — descriptors opened or closed out
 * of sight, and sockets the model cannot build (kept as open files it remembers as sockets).
 */
final class ModelSession {
    /** A socket the model cannot build: what the log says about it. */
    record ForeignSocket(String family, String type) {
    }

    /** A netlink socket the model built: its protocol ("ROUTE") and socket type as the log names them. */
    record NetlinkSocket(String protocol, String type) {
    }

    /**
     * At most this many drawers are filled as "opened out of sight" for one call (64 Ki: far
     * more than a traced program holds, few enough to keep a frame's state a few megabytes).
     */
    static final int MAX_OPENED_OUTSIDE = 1 << 16;

    private final LessonScript script;
    private final ReplayLog log;
    /** Sockets the model keeps as opaque open files, by open-file id. */
    private final Map<Integer, ForeignSocket> foreign = new HashMap<>();
    /** Netlink sockets, by open-file id. */
    private final Map<Integer, NetlinkSocket> netlink = new HashMap<>();

    ModelSession(LessonScript script, ReplayLog log) {
        this.script = script;
        this.log = log;
    }

    LessonScript script() {
        return script;
    }

    KernelState state() {
        return script.state();
    }

    /** What the model would do, without keeping it. */
    List<Step> predict(int pid, Syscall call) {
        return Kernel.execute(state(), pid, call);
    }

    /** What the model would do, without keeping it or the pictures of its steps. */
    CallEffect effect(int pid, Syscall call) {
        return Kernel.effect(state(), pid, call);
    }

    /** Keeps the {@link #effect} of a call on the current state as frames of the call on {@code line}. */
    Outcome keep(int line, int pid, Syscall call, CallEffect effect, LocalizedText say, KernelCheck check) {
        script.keep(line - 1, pid, call, effect, say, check);
        return effect.outcome();
    }

    /** Keeps the steps of {@link #predict} on the current state as frames of the call on {@code line}. */
    Outcome keep(int line, int pid, Syscall call, List<Step> steps, LocalizedText say, KernelCheck check) {
        script.keep(line - 1, pid, call, steps, say, check);
        return steps.get(steps.size() - 1).outcome();
    }

    /** Keeps steps that are not what running the call again would give (a call cut short) as they are. */
    void keepAsShown(int line, List<Step> steps, LocalizedText say, KernelCheck check) {
        script.append(line - 1, steps, say, check);
    }

    /** Runs a call and keeps its steps. */
    Outcome run(int line, int pid, Syscall call, LocalizedText say, KernelCheck check) {
        return keep(line, pid, call, effect(pid, call), say, check);
    }

    /**
     * Shows a failure the kernel reported and the model cannot produce itself: the state stays
     * as it is (a failed call changes nothing). Without an errno the model knows, no frame.
     */
    void kernelFailed(int line, int pid, Syscall call, Stage stage, String errno, Object expected,
                      LocalizedText say, KernelCheck check) {
        Optional<Errno> known = Errno.named(errno);
        if (known.isEmpty()) {
            return;
        }
        Step failed = new Step(pid, call, stage, state(), List.of(),
                Narration.of("replay.kernelFailed", call.name(), errno, expected), new Outcome.Failure(known.get()));
        script.append(line - 1, List.of(failed), say, check);
    }

    /** The socket the model keeps as an open file behind this descriptor, or null. */
    ForeignSocket foreignSocket(int pid, int fd) {
        Descriptor d = state().tableOf(pid).get(fd);
        return d == null ? null : foreign.get(d.fileId());
    }

    /** Remembers what the netlink socket behind this descriptor is, if the model holds one there. */
    void rememberNetlink(int pid, int fd, NetlinkSocket what) {
        Descriptor d = state().tableOf(pid).get(fd);
        if (d != null && state().files().get(d.fileId()).kind() == FileKind.NETLINK) {
            netlink.put(d.fileId(), what);
        }
    }

    /** The netlink socket behind this descriptor, or null. */
    NetlinkSocket netlinkSocket(int pid, int fd) {
        Descriptor d = state().tableOf(pid).get(fd);
        return d == null || state().files().get(d.fileId()).kind() != FileKind.NETLINK ? null
                : netlink.getOrDefault(d.fileId(), new NetlinkSocket("?", null));
    }

    /** The netlink socket behind an open file, or null. */
    NetlinkSocket netlinkSocket(OpenFile file) {
        return file.kind() != FileKind.NETLINK ? null : netlink.getOrDefault(file.id(), new NetlinkSocket("?", null));
    }

    /** The socket behind an open file the model keeps opaque, or null. */
    ForeignSocket foreignSocket(OpenFile file) {
        return foreign.get(file.id());
    }

    /**
     * Makes sure the descriptor is open, because the log shows it in use: if the model does
     * not have it, it was opened out of sight, and the decoration (if any) says what it is. A
     * pipe's decoration does not say which end: call {@code c}, which uses it, may ({@link PipeEnds#shownBy},
     * asked only then), else it is {@link FileKind#PIPE}.
     */
    void ensureOpen(TraceCall c, int pid, FdRef ref, boolean socketCall) {
        int line = c.line();
        DescriptorTable table = state().tableOf(pid);
        int fd = ref.fd();
        if (table.isOpen(fd) || fd >= table.limit()) {
            return;
        }
        Decoration d = ref.decoration();
        if (d != null && d.isSocket() || d == null && socketCall) {
            placeForeignSocket(line, pid, fd, d == null ? "socket" : CallArgs.label(d),
                    d == null ? new ForeignSocket(null, null) : foreignOf(d), ReplayTexts.OPENED_OUTSIDE);
        } else {
            String label = d == null ? "?" : CallArgs.label(d);
            FileKind kind = d == null ? FileKind.UNKNOWN : FileKind.named(label).orElse(FileKind.FILE);
            if (kind == FileKind.PIPE) {
                kind = PipeEnds.shownBy(c, fd);
            }
            run(line, pid, new Syscall.Open(fd, kind, label), ReplayTexts.OPENED_OUTSIDE, null);
        }
        log.warn(line, ReplayWarning.Kind.OPENED_OUTSIDE, fd);
    }

    /** Puts a socket the model cannot build in a drawer, remembering what it is. */
    void placeForeignSocket(int line, int pid, int fd, String label, ForeignSocket what, LocalizedText say) {
        Outcome out = run(line, pid, new Syscall.Open(fd, FileKind.UNKNOWN, label), say, null);
        if (out instanceof Outcome.Success) {
            foreign.put(state().tableOf(pid).get(fd).fileId(), what);
        }
    }

    /** The model's descriptor was closed by something the log does not show. */
    void closeOutside(int line, int pid, int fd) {
        if (state().tableOf(pid).isOpen(fd)) {
            run(line, pid, new Syscall.Close(fd), ReplayTexts.CLOSED_OUTSIDE, null);
            log.warn(line, ReplayWarning.Kind.CLOSED_OUTSIDE, fd);
        }
    }

    /**
     * Brings the model to where the kernel gave out {@code target} as the lowest free
     * descriptor: everything below it must be in use (opened out of sight) and it must be free
     * (closed out of sight). A target over the limit shows the limit is higher. A target more
     * than {@link #MAX_OPENED_OUTSIDE} drawers above the lowest free one is not followed: filling
     * them would take minutes and gigabytes for one line (a damaged log, or "= 2000000000").
     */
    void align(int line, int pid, int target) {
        DescriptorTable table = state().tableOf(pid);
        long gap = (long) target - table.lowestFree();
        if (gap > MAX_OPENED_OUTSIDE) {
            log.warn(line, ReplayWarning.Kind.TOO_FAR_OUTSIDE, target, gap);
            return;
        }
        if (target >= table.limit()) {
            int raised = Math.max(target + 1, Math.min(Integer.MAX_VALUE / 2, table.limit()) * 2);
            log.warn(line, ReplayWarning.Kind.LIMIT_INFERRED, table.limit(), raised);
            run(line, pid, new Syscall.SetLimit(raised), ReplayTexts.LIMIT_INFERRED, null);
        }
        closeOutside(line, pid, target);
        int lowest = state().tableOf(pid).lowestFree();
        if (lowest < target) {
            int before = state().tableOf(pid).openCount();
            run(line, pid, new Syscall.OpenedOutside(target), ReplayTexts.OPENED_OUTSIDE, null);
            int filled = state().tableOf(pid).openCount() - before;
            if (filled == 1) {
                log.warn(line, ReplayWarning.Kind.OPENED_OUTSIDE, lowest);
            } else {
                log.warn(line, ReplayWarning.Kind.OPENED_OUTSIDE_MANY, lowest, target - 1, filled);
            }
        }
    }

    /** What a {@code -yy} decoration says about a socket's family and type. */
    static ForeignSocket foreignOf(Decoration d) {
        String kind = d.kind();
        String family = kind.startsWith("TCPv6") || kind.startsWith("UDPv6") || kind.startsWith("RAWv6")
                || kind.startsWith("PINGv6") ? "AF_INET6"
                : kind.startsWith("TCP") || kind.startsWith("UDP") || kind.startsWith("RAW") || kind.startsWith("PING")
                ? "AF_INET" : kind.startsWith("UNIX") ? "AF_UNIX" : kind.startsWith("NETLINK") ? "AF_NETLINK"
                : kind.startsWith("PACKET") ? "AF_PACKET" : null;
        String type = kind.startsWith("TCP") || kind.equals("UNIX-STREAM") ? "SOCK_STREAM"
                : kind.startsWith("UDP") || kind.startsWith("PING") || kind.equals("UNIX-DGRAM") ? "SOCK_DGRAM"
                : kind.startsWith("RAW") ? "SOCK_RAW" : kind.equals("UNIX-SEQPACKET") ? "SOCK_SEQPACKET" : null;
        return new ForeignSocket(family, type);
    }
}
