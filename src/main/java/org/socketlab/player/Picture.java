// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socketlab.kernel.Change;
import org.socketlab.kernel.ControlBlock;
import org.socketlab.kernel.DescriptorTable;
import org.socketlab.kernel.FileKind;
import org.socketlab.kernel.KernelState;
import org.socketlab.kernel.OpenFile;
import org.socketlab.kernel.Outcome;
import org.socketlab.kernel.Stage;
import org.socketlab.kernel.Step;
import org.socketlab.kernel.Syscall;
import org.socketlab.lesson.Frame;
import org.socketlab.lesson.Lesson;
import org.socketlab.lesson.LocalizedText;

/**
 * What the window shows at rest for one frame, worked out from the frame alone: the views
 * draw this and nothing else, so going back or jumping draws the target directly.
 *
 * @param stage          what the current step does
 * @param step           the current step
 * @param processName    the application's label
 * @param drawers        the cabinet's drawers from 0, as many as worth showing
 * @param limit          the cabinet's descriptor limit
 * @param workbench      the socket being built or torn down (in no drawer), or null
 * @param inspected      the socket the form panel shows, or null
 * @param changedFields  the inspected socket's fields this step wrote
 * @param memoryUsed     bytes in use in the kernel pool
 * @param memoryCapacity the pool's size
 * @param memoryChanged  this step took or gave back memory
 * @param allocations    the live sockets' memory blocks, oldest first (at most {@link #MAX_ALLOCATIONS})
 * @param tickets        the socket descriptors the application holds, ascending
 * @param stages         progress of the current socket() call through its three stages
 * @param codeLine       the code line being executed, or -1
 * @param say            the lesson's own words for this frame, or empty
 */
public record Picture(
        Stage stage,
        Step step,
        String processName,
        List<Drawer> drawers,
        int limit,
        ControlBlock workbench,
        ControlBlock inspected,
        Set<ControlBlock.Field> changedFields,
        long memoryUsed,
        long memoryCapacity,
        boolean memoryChanged,
        List<ControlBlock> allocations,
        List<Integer> tickets,
        Map<Stage, StageProgress> stages,
        int codeLine,
        LocalizedText say) {

    /** The cabinet always shows at least this many drawers (fewer only under a smaller limit). */
    public static final int MIN_DRAWERS = 8;
    /** The memory manager shows at most this many blocks. */
    public static final int MAX_ALLOCATIONS = 48;

    public Picture {
        drawers = List.copyOf(drawers);
        changedFields = Set.copyOf(changedFields);
        allocations = List.copyOf(allocations);
        tickets = List.copyOf(tickets);
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
        // After exit() the process is gone: its cabinet is shown empty.
        boolean alive = state.hasProcess(pid);
        DescriptorTable table = alive ? state.tableOf(pid) : DescriptorTable.empty(0);

        Set<Integer> changedDrawers = new HashSet<>();
        Map<Integer, Set<ControlBlock.Field>> fieldsBySocket = new HashMap<>();
        int touchedSocket = -1;
        boolean memoryChanged = false;
        for (Change change : step.changes()) {
            if (change instanceof Change.DescriptorChanged d && d.pid() == pid) {
                changedDrawers.add(d.fd());
            } else if (change instanceof Change.FieldChanged f) {
                fieldsBySocket.computeIfAbsent(f.socketId(), k -> EnumSet.noneOf(ControlBlock.Field.class))
                        .add(f.field());
                touchedSocket = f.socketId();
            } else if (change instanceof Change.MemoryChanged) {
                memoryChanged = true;
            }
        }

        List<Drawer> drawers = new ArrayList<>();
        List<Integer> tickets = new ArrayList<>();
        Set<Integer> socketsInDrawers = new HashSet<>();
        state.files().forEach((file, id) -> {
            if (file.kind() == FileKind.SOCKET) {
                socketsInDrawers.add(file.socketId());
            }
        });
        int shown = drawerCount(table);
        for (int fd = 0; fd < shown; fd++) {
            OpenFile file = alive ? state.fileOf(pid, fd) : null;
            boolean usable = fd < table.limit();
            if (file == null) {
                drawers.add(new Drawer(fd, null, "", -1, changedDrawers.contains(fd), usable));
            } else {
                String label = file.kind() == FileKind.SOCKET ? state.sockets().get(file.socketId()).slab()
                        : file.name();
                drawers.add(new Drawer(fd, file.kind(), label, file.socketId(), changedDrawers.contains(fd), usable));
                if (file.kind() == FileKind.SOCKET) {
                    tickets.add(fd);
                }
            }
        }

        ControlBlock workbench = null;
        for (ControlBlock socket : state.sockets().values()) {
            if (!socketsInDrawers.contains(socket.id())) {
                workbench = socket;
            }
        }
        ControlBlock inspected = workbench;
        if (inspected == null && touchedSocket >= 0) {
            inspected = state.sockets().get(touchedSocket);
        }
        if (inspected == null) {
            for (int fd : changedDrawers) {
                ControlBlock socket = alive ? state.socketOf(pid, fd) : null;
                if (socket != null) {
                    inspected = socket;
                }
            }
        }
        if (inspected == null && !tickets.isEmpty()) {
            inspected = state.socketOf(pid, tickets.get(tickets.size() - 1));
        }
        Set<ControlBlock.Field> changedFields = inspected == null ? Set.of()
                : fieldsBySocket.getOrDefault(inspected.id(), Set.of());

        String name = alive ? state.process(pid).name() : lastName(frames, index, pid);
        return new Picture(step.stage(), step, name, drawers, table.limit(), workbench,
                inspected, changedFields, state.memory().used(), state.memory().capacity(), memoryChanged,
                allocations(state), tickets, stageProgress(frames, index), frame.codeLine(), frame.say());
    }

    /** The name a process had in the last frame that still showed it. */
    private static String lastName(List<Frame> frames, int index, int pid) {
        for (int i = index - 1; i >= 0; i--) {
            KernelState earlier = frames.get(i).step().state();
            if (earlier.hasProcess(pid)) {
                return earlier.process(pid).name();
            }
        }
        return String.valueOf(pid);
    }

    private static List<ControlBlock> allocations(KernelState state) {
        List<ControlBlock> blocks = new ArrayList<>();
        state.sockets().forEachInRange(0, Integer.MAX_VALUE, (socket, id) -> {
            if (blocks.size() < MAX_ALLOCATIONS) {
                blocks.add(socket);
            }
        });
        return blocks;
    }

    /** Enough drawers to show every open one, the next free one and a few empty ones. */
    static int drawerCount(DescriptorTable table) {
        int wanted = Math.max(MIN_DRAWERS, Math.max(table.highestOpen(), table.lowestFree()) + 2);
        int shown = Math.min(wanted, Math.max(table.limit(), table.highestOpen() + 1));
        return Math.max(shown, 0);
    }

    /** Where the socket() call of frame {@code index} stands in its three stages. */
    private static Map<Stage, StageProgress> stageProgress(List<Frame> frames, int index) {
        Map<Stage, StageProgress> progress = new EnumMap<>(Stage.class);
        for (Stage s : List.of(Stage.ALLOCATE_MEMORY, Stage.INIT_CONTROL_BLOCK, Stage.ISSUE_DESCRIPTOR)) {
            progress.put(s, StageProgress.WAITING);
        }
        Step current = frames.get(index).step();
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
