// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the simulated kernel knows at one instant: processes, their descriptor tables,
 * open files, socket control blocks and the memory pool. Immutable; every operation returns
 * a new state that shares all unchanged parts with the old one.
 *
 * @param processes    processes by ascending pid
 * @param tables       descriptor tables by table id
 * @param files        open files by id
 * @param sockets      control blocks by id
 * @param memory       the kernel memory pool
 * @param nextFileId   the id the next open file gets
 * @param nextSocketId the inode number the next socket gets
 * @param nextPort     the ephemeral port the next autobind takes
 * @param outsideWorld whether processes the model does not see may hold ports ({@link MachineSetup#outsideWorld})
 * @param unixPaths    the AF_UNIX socket files bind() has made on this machine: a file outlives its socket
 *                     (a send or connect to it is ECONNREFUSED, to a path with no file ENOENT)
 */
public record KernelState(
        List<Process> processes,
        Map<Integer, DescriptorTable> tables,
        SlotTrie<OpenFile> files,
        SlotTrie<ControlBlock> sockets,
        KernelMemory memory,
        int nextFileId,
        int nextSocketId,
        int nextPort,
        boolean outsideWorld,
        Set<String> unixPaths) {

    /** Inode numbers of sockets start here, so they look like the ones strace shows. */
    public static final int FIRST_SOCKET_INODE = 6840;

    public KernelState {
        processes = List.copyOf(processes);
        tables = Map.copyOf(tables);
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(sockets, "sockets");
        Objects.requireNonNull(memory, "memory");
        unixPaths = Set.copyOf(unixPaths);
    }

    /**
     * A machine with one process whose stdin, stdout and stderr (0, 1, 2) lead to the terminal.
     */
    public static KernelState boot(MachineSetup setup) {
        SlotTrie<OpenFile> files = SlotTrie.empty();
        DescriptorTable table = DescriptorTable.empty(setup.descriptorLimit());
        String[] names = {"stdin", "stdout", "stderr"};
        for (int fd = 0; fd < names.length; fd++) {
            files = files.with(fd, new OpenFile(fd, FileKind.TERMINAL, names[fd], -1, 1, false));
            table = table.with(new Descriptor(fd, fd, false));
        }
        Process process = new Process(setup.pid(), 0, setup.processName(), setup.credentials());
        return new KernelState(List.of(process), Map.of(0, table), files, SlotTrie.empty(),
                new KernelMemory(setup.memoryCapacity(), 0), names.length, FIRST_SOCKET_INODE, Network.FIRST_EPHEMERAL_PORT,
                setup.outsideWorld(), Set.of());
    }

    /** The process with this pid. */
    public Process process(int pid) {
        for (Process p : processes) {
            if (p.pid() == pid) {
                return p;
            }
        }
        throw new NoSuchElementException("no process " + pid);
    }

    /** True when a process with this pid exists. */
    public boolean hasProcess(int pid) {
        for (Process p : processes) {
            if (p.pid() == pid) {
                return true;
            }
        }
        return false;
    }

    /** The descriptor table the process uses. */
    public DescriptorTable tableOf(int pid) {
        return tables.get(process(pid).tableId());
    }

    /** The open file behind a process's descriptor, or null when the descriptor is not open. */
    public OpenFile fileOf(int pid, int fd) {
        Descriptor d = tableOf(pid).get(fd);
        return d == null ? null : files.get(d.fileId());
    }

    /** The control block behind a process's descriptor, or null when it is not a socket. */
    public ControlBlock socketOf(int pid, int fd) {
        OpenFile file = fileOf(pid, fd);
        return file == null || file.kind() != FileKind.SOCKET ? null : sockets.get(file.socketId());
    }

    KernelState withTable(int pid, DescriptorTable table) {
        int tableId = process(pid).tableId();
        Map<Integer, DescriptorTable> newTables;
        if (tables.size() == 1 && tables.containsKey(tableId)) {
            // One cabinet, the usual case: no map to copy twice (here and in the constructor).
            newTables = Map.of(tableId, table);
        } else {
            newTables = new HashMap<>(tables);
            newTables.put(tableId, table);
        }
        return new KernelState(processes, newTables, files, sockets, memory, nextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    KernelState withFiles(SlotTrie<OpenFile> newFiles, int newNextFileId) {
        return new KernelState(processes, tables, newFiles, sockets, memory, newNextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    KernelState withSockets(SlotTrie<ControlBlock> newSockets, int newNextSocketId) {
        return new KernelState(processes, tables, files, newSockets, memory, nextFileId, newNextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    /** This state with the next ephemeral port taken; returns the new state and the port. */
    KernelState withNextPort(int port) {
        return new KernelState(processes, tables, files, sockets, memory, nextFileId, nextSocketId, port,
                outsideWorld, unixPaths);
    }

    /** This state with an AF_UNIX socket file made at {@code path} (bind). */
    KernelState withUnixPath(String path) {
        if (unixPaths.contains(path)) {
            return this;
        }
        Set<String> paths = new HashSet<>(unixPaths);
        paths.add(path);
        return new KernelState(processes, tables, files, sockets, memory, nextFileId, nextSocketId, nextPort,
                outsideWorld, paths);
    }

    /** The state with one control block replaced. */
    KernelState withSocket(ControlBlock socket) {
        return withSockets(sockets.with(socket.id(), socket), nextSocketId);
    }

    /** Every process that uses a table. */
    List<Process> processesUsing(int tableId) {
        List<Process> using = new ArrayList<>(1);
        for (Process p : processes) {
            if (p.tableId() == tableId) {
                using.add(p);
            }
        }
        return Collections.unmodifiableList(using);
    }

    KernelState withoutProcess(int pid) {
        Process gone = process(pid);
        List<Process> newProcesses = processes.stream().filter(p -> p.pid() != pid).toList();
        Map<Integer, DescriptorTable> newTables = new HashMap<>(tables);
        if (newProcesses.stream().noneMatch(p -> p.tableId() == gone.tableId())) {
            newTables.remove(gone.tableId());
        }
        return new KernelState(newProcesses, newTables, files, sockets, memory, nextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    /** The state with a process's record replaced (same pid). */
    KernelState withProcessReplaced(Process changed) {
        List<Process> newProcesses = processes.stream().map(p -> p.pid() == changed.pid() ? changed : p).toList();
        return new KernelState(newProcesses, tables, files, sockets, memory, nextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    KernelState withMemory(KernelMemory newMemory) {
        return new KernelState(processes, tables, files, sockets, newMemory, nextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }

    /** A table id no process uses yet. */
    int unusedTableId() {
        return tables.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    KernelState withProcess(Process process, DescriptorTable newTable) {
        List<Process> newProcesses = new ArrayList<>(processes);
        newProcesses.add(process);
        newProcesses.sort((a, b) -> Integer.compare(a.pid(), b.pid()));
        Map<Integer, DescriptorTable> newTables = new HashMap<>(tables);
        if (newTable != null) {
            newTables.put(process.tableId(), newTable);
        }
        return new KernelState(newProcesses, newTables, files, sockets, memory, nextFileId, nextSocketId, nextPort,
                outsideWorld, unixPaths);
    }
}
