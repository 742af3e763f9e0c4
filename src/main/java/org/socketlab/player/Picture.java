// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socketlab.kernel.Change;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.Errno;
import org.socketlab.kernel.EpollWatch;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Process;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.KernelCheck;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LocalizedText;

/**
 * What the window shows at rest for one frame, worked out from the frame alone: the views
 * draw this and nothing else, so going back or jumping draws the target directly.
 *
 * @param stage          what the current step does
 * @param step           the current step
 * @param processName    the application's label
 * @param leader         when the current step's process is a thread that shares its cabinet with a
 *                       lower pid (pthread_create()'s thread beside main), that pid; else -1
 * @param cabinets       every process's cabinet (threads share one), the current one marked
 * @param drawers        the current cabinet's drawers from 0, as many as worth showing
 * @param limit          the current cabinet's descriptor limit
 * @param workbench      the socket being built or torn down (in no drawer), or null
 * @param inspected      the socket the form panel shows, or null
 * @param changedFields  the inspected socket's fields this step wrote
 * @param memoryUsed     bytes in use in the kernel pool
 * @param memoryCapacity the pool's size
 * @param memoryChanged  this step took or gave back memory
 * @param allocations    the live sockets' memory blocks, oldest first: the newest {@link #MAX_ALLOCATIONS}
 * @param allocationsHidden how many older live sockets' blocks {@code allocations} leaves out
 * @param tickets        the socket descriptors the application holds, ascending
 * @param ticketsShown   the tickets worth drawing, ascending: all of them, or when there are more
 *                       than {@link #MAX_TICKETS} the highest ones and the one just handed out
 * @param stages         progress of the current socket() call through its three stages
 * @param codeLine       the code line being executed, or -1
 * @param say            the lesson's own words for this frame, or empty
 * @param check          for a replayed log: the model's prediction beside the kernel's result, or null
 */
public record Picture(
        Stage stage,
        Step step,
        String processName,
        int leader,
        List<Cabinet> cabinets,
        List<Drawer> drawers,
        int limit,
        ControlBlock workbench,
        ControlBlock inspected,
        Set<ControlBlock.Field> changedFields,
        long memoryUsed,
        long memoryCapacity,
        boolean memoryChanged,
        List<ControlBlock> allocations,
        int allocationsHidden,
        List<Integer> tickets,
        List<Integer> ticketsShown,
        Map<Stage, StageProgress> stages,
        int codeLine,
        LocalizedText say,
        KernelCheck check) {

    /** The cabinet always shows at least this many drawers (fewer only under a smaller limit). */
    public static final int MIN_DRAWERS = 8;
    /**
     * A cabinet shows at most this many drawers (four times Linux's default limit): a replayed
     * log may hold a descriptor in the millions, and one view per drawer would never finish.
     */
    public static final int MAX_DRAWERS = 4096;
    /** The memory manager shows at most this many blocks (the newest). */
    public static final int MAX_ALLOCATIONS = 6;
    /** The application shows at most this many tickets (a full cabinet holds a thousand). */
    public static final int MAX_TICKETS = 4;

    public Picture {
        cabinets = List.copyOf(cabinets);
        drawers = List.copyOf(drawers);
        changedFields = Set.copyOf(changedFields);
        allocations = List.copyOf(allocations);
        tickets = List.copyOf(tickets);
        ticketsShown = List.copyOf(ticketsShown);
        stages = Map.copyOf(stages);
    }

    /** The picture of a lesson's frame. */
    public static Picture of(Lesson lesson, int index) {
        return of(lesson.frame(index), lesson.frames(), index);
    }

    private static Picture of(Frame frame, List<Frame> frames, int index) {
        Step step = frame.step();
        KernelState state = step.state();
        int pid = step.pid();
        // After exit() the process is gone: name it from the state it left.
        KernelState named = state.hasProcess(pid) || index == 0 ? state : frames.get(index - 1).step().state();
        String processName = named.hasProcess(pid) ? named.process(pid).name() : "";
        // The cabinet the process used: a thread that exits leaves it with the other threads.
        int table = named.hasProcess(pid) ? named.process(pid).tableId() : -1;
        int leader = -1;
        for (Process p : named.processes()) {
            if (p.tableId() == table && p.pid() < pid && (leader < 0 || p.pid() < leader)) {
                leader = p.pid();
            }
        }

        Set<String> changedDrawers = new HashSet<>();
        Map<Integer, Set<ControlBlock.Field>> fieldsBySocket = new HashMap<>();
        int touchedSocket = -1;
        boolean memoryChanged = false;
        for (Change change : step.changes()) {
            if (change instanceof Change.DescriptorChanged d) {
                changedDrawers.add(d.pid() + ":" + d.fd());
            } else if (change instanceof Change.FieldChanged f) {
                fieldsBySocket.computeIfAbsent(f.socketId(), k -> EnumSet.noneOf(ControlBlock.Field.class))
                        .add(f.field());
                if (touchedSocket < 0) {
                    touchedSocket = f.socketId(); // the calling socket's changes come first
                }
            } else if (change instanceof Change.MemoryChanged) {
                memoryChanged = true;
            }
        }

        Set<Integer> socketsInDrawers = new HashSet<>();
        state.files().forEach((file, id) -> {
            if (file.kind() == FileKind.SOCKET) {
                socketsInDrawers.add(file.socketId());
            }
        });
        Set<Integer> queued = new HashSet<>();
        for (ControlBlock socket : state.sockets().values()) {
            queued.addAll(socket.acceptQueue());
        }

        List<Cabinet> cabinets = new ArrayList<>();
        Cabinet current = null;
        for (Map.Entry<Integer, List<Process>> entry : byTable(state).entrySet()) {
            List<Process> owners = entry.getValue();
            boolean isCurrent = entry.getKey() == table;
            Cabinet cabinet = cabinet(state, owners, changedDrawers, isCurrent);
            cabinets.add(cabinet);
            if (isCurrent) {
                current = cabinet;
            }
        }
        if (current == null && index > 0) {
            // After exit() the process's cabinet is gone: show it emptied, the way exit() left it.
            KernelState before = frames.get(index - 1).step().state();
            if (before.hasProcess(pid)) {
                DescriptorTable emptied = DescriptorTable.empty(before.tableOf(pid).limit());
                List<Drawer> none = new ArrayList<>();
                for (int fd = 0; fd < drawerCount(emptied); fd++) {
                    none.add(new Drawer(fd, null, "", -1, before.tableOf(pid).isOpen(fd), true));
                }
                current = new Cabinet(List.of(processName + " (" + pid + ")"), pid, none, emptied.limit(), true,
                        List.of(pid));
                cabinets.add(current);
            }
        }
        List<Drawer> drawers = current != null ? current.drawers() : List.of();
        List<Integer> tickets = new ArrayList<>();
        for (Drawer d : drawers) {
            if (d.kind() == FileKind.SOCKET) {
                tickets.add(d.fd());
            }
        }
        int limit = current != null ? current.limit() : 0;

        Set<Integer> created = new HashSet<>();
        for (Change change : step.changes()) {
            if (change instanceof Change.SocketCreated c) {
                created.add(c.socketId());
            }
        }
        ControlBlock workbench = null;
        for (ControlBlock socket : state.sockets().values()) {
            // An orphan (a closed connection's sock, a TIME_WAIT sock) is on the bench only in the
            // step that changes it; afterwards it shows in the memory manager alone.
            boolean benched = !socket.orphan() || fieldsBySocket.containsKey(socket.id())
                    || created.contains(socket.id());
            if (!socketsInDrawers.contains(socket.id()) && !queued.contains(socket.id()) && benched) {
                workbench = socket;
            }
        }
        ControlBlock inspected = workbench;
        if (inspected == null && touchedSocket >= 0) {
            inspected = state.sockets().get(touchedSocket);
        }
        if (inspected == null) {
            for (Drawer d : drawers) {
                if (d.changed() && d.socketId() >= 0) {
                    inspected = state.sockets().get(d.socketId());
                }
            }
        }
        if (inspected == null) {
            // A receive that changes nothing (MSG_PEEK, EAGAIN, a wait) is still about its own socket.
            inspected = receivingSocket(state, pid, step.call());
        }
        if (inspected == null && !tickets.isEmpty()) {
            inspected = state.sockets().get(drawers.get(tickets.get(tickets.size() - 1)).socketId());
        }
        Set<ControlBlock.Field> changedFields = inspected == null ? Set.of()
                : fieldsBySocket.getOrDefault(inspected.id(), Set.of());

        return new Picture(step.stage(), step, processName, leader, cabinets, drawers, limit, workbench,
                inspected, changedFields, state.memory().used(), state.memory().capacity(), memoryChanged,
                allocations(state), Math.max(0, state.sockets().size() - MAX_ALLOCATIONS), tickets,
                ticketsShown(tickets, drawers), stageProgress(frames, index),
                frame.codeLine(), frame.say(), frame.check());
    }

    /** The socket a receive call names, or null for any other call (or a descriptor that is no socket). */
    private static ControlBlock receivingSocket(KernelState state, int pid, Syscall call) {
        Syscall.Receive receive = call instanceof Syscall.Receive r ? r
                : call instanceof Syscall.ReceiveFromOutside o ? o.receive()
                : call instanceof Syscall.ReceiveMessage m ? m.receive() : null;
        return receive == null || !state.hasProcess(pid) ? null : state.socketOf(pid, receive.fd());
    }

    /**
     * True when the family refused socket() after sock_alloc() (__sock_create): the bare box this
     * step shows is being taken apart again, not closed.
     */
    public boolean socketTakenApart() {
        return step.call() instanceof Syscall.Socket && stage == Stage.RELEASE_SOCKET;
    }

    /** True when an execve() closed the socket's last descriptor (close-on-exec) and the socket is released. */
    public boolean releasedByExec() {
        return step.call() instanceof Syscall.Exec && stage == Stage.RELEASE_SOCKET;
    }

    /**
     * True when this step is about a thread as such: a clone() that shares the cabinet (pthread_create()),
     * or a thread that exits and leaves the cabinet to the others.
     */
    public boolean aboutThread() {
        return step.call() instanceof Syscall.Fork fork && fork.sharesTable() && stage == Stage.FORK
                || step.call() instanceof Syscall.Exit && stage == Stage.EXIT
                        && step.narration().key().equals("exit.thread");
    }

    /**
     * The name of this step's stage in the messages: {@code RELEASE_SOCKET.refused} for a socket() taken
     * apart, {@code RELEASE_SOCKET.exec} for a socket an execve() released (not close()'s words),
     * {@code FORK.thread} and {@code EXIT.thread} for a thread's start and end.
     */
    public String stageKey() {
        return socketTakenApart() ? stage.name() + ".refused"
                : releasedByExec() ? stage.name() + ".exec"
                : aboutThread() ? stage.name() + ".thread" : stage.name();
    }

    /** True when the current call has returned, successfully or with -1 and errno. */
    public boolean callReturned() {
        return step.outcome().isReturned();
    }

    /** True when the current call failed: the window draws it in its error style. */
    public boolean callFailed() {
        return step.outcome() instanceof Outcome.Failure;
    }

    /** True when the current call waits for something that never comes in this lesson. */
    public boolean callBlocked() {
        return step.outcome() instanceof Outcome.Blocked;
    }

    /** What the current call returned when it succeeded (the descriptor socket() handed out), else -1. */
    public int callValue() {
        return step.outcome() instanceof Outcome.Success success ? success.value() : -1;
    }

    /** The errno the current call failed with, or null when it did not fail. */
    public Errno callErrno() {
        return step.outcome() instanceof Outcome.Failure failure ? failure.errno() : null;
    }

    /** How many tickets the application holds but does not show. */
    public int ticketsHidden() {
        return tickets.size() - ticketsShown.size();
    }

    /** All tickets when they fit, else the highest ones with the one this step handed out among them. */
    private static List<Integer> ticketsShown(List<Integer> tickets, List<Drawer> drawers) {
        if (tickets.size() <= MAX_TICKETS) {
            return tickets;
        }
        int issued = -1;
        for (Drawer d : drawers) {
            if (d.changed() && d.kind() == FileKind.SOCKET) {
                issued = d.fd();
            }
        }
        List<Integer> shown = new ArrayList<>(tickets.subList(tickets.size() - MAX_TICKETS, tickets.size()));
        if (issued >= 0 && !shown.contains(issued)) {
            shown.remove(0);
            shown.add(issued);
            shown.sort(null);
        }
        return shown;
    }

    private static List<ControlBlock> allocations(KernelState state) {
        ArrayDeque<ControlBlock> newest = new ArrayDeque<>(MAX_ALLOCATIONS + 1);
        state.sockets().forEachInRange(0, Integer.MAX_VALUE, (socket, id) -> {
            newest.addLast(socket);
            if (newest.size() > MAX_ALLOCATIONS) {
                newest.removeFirst();
            }
        });
        return new ArrayList<>(newest);
    }

    /** Processes grouped by the table they use, ordered by their lowest pid. */
    private static Map<Integer, List<Process>> byTable(KernelState state) {
        Map<Integer, List<Process>> tables = new LinkedHashMap<>();
        for (Process p : state.processes()) {
            tables.computeIfAbsent(p.tableId(), k -> new ArrayList<>()).add(p);
        }
        return tables;
    }

    private static Cabinet cabinet(KernelState state, List<Process> owners, Set<String> changed, boolean current) {
        int pid = owners.get(0).pid();
        DescriptorTable table = state.tableOf(pid);
        List<Drawer> drawers = new ArrayList<>();
        int shown = drawerCount(table);
        for (int fd = 0; fd < shown; fd++) {
            OpenFile file = state.fileOf(pid, fd);
            boolean usable = fd < table.limit();
            String slot = ":" + fd;
            boolean wasChanged = owners.stream().anyMatch(p -> changed.contains(p.pid() + slot));
            if (file == null) {
                drawers.add(new Drawer(fd, null, "", -1, wasChanged, usable));
            } else {
                String label = file.kind() == FileKind.SOCKET ? state.sockets().get(file.socketId()).slab()
                        : file.name();
                String watching = file.kind() != FileKind.EPOLL ? null
                        : String.join(", ", file.watches().stream().map(EpollWatch::describe).toList());
                drawers.add(new Drawer(fd, file.kind(), label, file.socketId(), wasChanged, usable, watching));
            }
        }
        List<String> names = owners.stream().map(p -> p.name() + " (" + p.pid() + ")").toList();
        return new Cabinet(names, pid, drawers, table.limit(), current, owners.stream().map(Process::pid).toList());
    }

    /** Enough drawers to show every open one, the next free one and a few empty ones; {@link #MAX_DRAWERS} at most. */
    static int drawerCount(DescriptorTable table) {
        int wanted = Math.max(MIN_DRAWERS, Math.max(table.highestOpen(), table.lowestFree()) + 2);
        int shown = Math.min(wanted, Math.max(table.limit(), table.highestOpen() + 1));
        return Math.max(Math.min(shown, MAX_DRAWERS), 0);
    }

    /** Where the socket() call of frame {@code index} stands in its three stages. */
    private static Map<Stage, StageProgress> stageProgress(List<Frame> frames, int index) {
        Map<Stage, StageProgress> progress = new EnumMap<>(Stage.class);
        for (Stage s : List.of(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR)) {
            progress.put(s, StageProgress.WAITING);
        }
        Step current = frames.get(index).step();
        if (current.call() instanceof Syscall.Socket && current.stage() == Stage.RELEASE_SOCKET) {
            // The family refused after sock_alloc(): stage 1 was begun and is taken apart again.
            progress.put(Stage.ALLOCATE_MEMORY, StageProgress.FAILED);
            return progress;
        }
        if (!(current.call() instanceof Syscall.Socket) || !current.stage().isSocketStage()) {
            return progress;
        }
        // Walk back over the earlier steps of the same call.
        for (int i = index - 1; i > 0; i--) {
            Step earlier = frames.get(i).step();
            if (earlier.outcome().isReturned() || earlier.call() != current.call() || !earlier.stage().isSocketStage()) {
                break;
            }
            progress.put(earlier.stage(), StageProgress.DONE);
        }
        progress.put(current.stage(), current.outcome() instanceof Outcome.Failure
                ? StageProgress.FAILED : StageProgress.CURRENT);
        return progress;
    }
}
