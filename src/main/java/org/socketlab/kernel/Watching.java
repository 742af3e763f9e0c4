// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An epoll instance's interest list (fs/eventpoll.c) and what a wait found. epoll_ctl() adds,
 * changes and removes entries; an entry goes by itself when the watched file's last reference goes
 * (eventpoll_release, called by __fput), and all of them with the epoll instance (ep_free). A wait
 * (poll, select, epoll_wait) changes nothing: its step shows which descriptors were found ready.
 */
final class Watching {
    private Watching() {
    }

    /** epoll_ctl(epfd, op, fd, event), checked as do_epoll_ctl checks it. */
    static List<Step> control(KernelState before, int pid, Syscall.EpollControl call) {
        OpenFile epoll = before.fileOf(pid, call.epfd());
        OpenFile target = before.fileOf(pid, call.fd());
        if (epoll == null || target == null) {
            return SocketLookup.refuse(before, pid, call, Stage.WATCH, Errno.EBADF, "epoll.ctl.EBADF", call.epfd(),
                    call.fd());
        }
        if (epoll.kind() != FileKind.EPOLL || call.epfd() == call.fd()) {
            return SocketLookup.refuse(before, pid, call, Stage.WATCH, Errno.EINVAL, "epoll.ctl.EINVAL", call.epfd(),
                    call.fd(), epoll.name());
        }
        List<EpollWatch> list = new ArrayList<>(epoll.watches());
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).fd() == call.fd() && list.get(i).fileId() == target.id()) {
                at = i;
            }
        }
        String events = Readiness.names(call.events(), "EPOLL");
        List<Step> refused = switch (call.op()) {
            case ADD -> at < 0 ? null : SocketLookup.refuse(before, pid, call, Stage.WATCH, Errno.EEXIST,
                    "epoll.ctl.EEXIST", call.epfd(), call.fd());
            case MOD, DEL -> at >= 0 ? null : SocketLookup.refuse(before, pid, call, Stage.WATCH, Errno.ENOENT,
                    "epoll.ctl.ENOENT", call.epfd(), call.fd(), "EPOLL_CTL_" + call.op().name());
        };
        if (refused != null) {
            return refused;
        }
        EpollWatch watch = new EpollWatch(call.fd(), target.id(), call.events());
        int change = switch (call.op()) {
            case ADD -> {
                list.add(watch);
                yield 1;
            }
            case MOD -> {
                list.set(at, watch);
                yield 0;
            }
            case DEL -> {
                list.remove(at);
                yield -1;
            }
        };
        SlotTrie<OpenFile> files = before.files().with(epoll.id(), epoll.withWatches(list));
        if (change != 0) {
            files = files.with(target.id(), files.get(target.id()).withWatchers(change));
        }
        KernelState after = before.withFiles(files, before.nextFileId());
        String key = "epoll.ctl." + call.op().name().toLowerCase(Locale.ROOT) + (list.isEmpty() ? ".last" : "");
        return List.of(new Step(pid, call, Stage.WATCH, after, List.of(new Change.DescriptorChanged(pid, call.epfd())),
                Narration.of(key, call.epfd(), call.fd(), events, describe(list), list.size()), new Outcome.Success(0)));
    }

    /** poll, select, epoll_wait: nothing changes; the descriptors found ready are the step's changes. */
    static List<Step> waited(KernelState before, int pid, Syscall.Wait call) {
        List<Change> changes = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        boolean connected = false;
        String prefix = call.epfd() >= 0 ? "EPOLL" : "POLL";
        for (Syscall.Wait.Found f : call.found()) {
            if (f.unsure()) {
                unsure.add(Integer.toString(f.fd()));
            }
            if (f.ready() == 0) {
                continue;
            }
            found.add(f.fd() + " " + Readiness.names(f.ready(), prefix));
            if (before.tableOf(pid).isOpen(f.fd())) {
                changes.add(new Change.DescriptorChanged(pid, f.fd()));
            }
            // A connect() that said EINPROGRESS leaves the socket SS_CONNECTING until the program asks
            // (SO_ERROR, or its next call): only then does a writable socket mean "the handshake ended".
            ControlBlock socket = before.socketOf(pid, f.fd());
            connected |= socket != null && socket.isStream() && socket.socketState() == SocketState.SS_CONNECTING
                    && (f.ready() & Readiness.POLLOUT) != 0;
        }
        String where = call.epfd() >= 0 ? Integer.toString(call.epfd()) : "";
        String key = (found.isEmpty() ? "wait.none" : connected ? "wait.connected" : "wait.found")
                + (unsure.isEmpty() ? "" : ".unsure");
        return List.of(new Step(pid, call, Stage.WAIT_READY, before, changes,
                Narration.of(key, call.name(), where, String.join(", ", found), found.size(),
                        String.join(", ", unsure), unsure.size(), connected ? 1 : 0),
                new Outcome.Success(found.size())));
    }

    /**
     * The file's last reference went (__fput). An epoll instance takes its entries with it (ep_free);
     * a watched file leaves every interest list it is in (eventpoll_release_file). Only a file with
     * watchers makes the model look through the epoll instances, as only one with {@code f_ep} set
     * makes the kernel look.
     */
    static KernelState released(KernelState state, OpenFile file) {
        KernelState out = state;
        for (EpollWatch w : file.watches()) {
            OpenFile watched = out.files().get(w.fileId());
            if (watched != null) {
                out = out.withFiles(out.files().with(watched.id(), watched.withWatchers(-1)), out.nextFileId());
            }
        }
        if (file.watchers() == 0) {
            return out;
        }
        List<OpenFile> epolls = new ArrayList<>();
        out.files().forEach((f, id) -> {
            if (f.kind() == FileKind.EPOLL && f.watches().stream().anyMatch(w -> w.fileId() == file.id())) {
                epolls.add(f);
            }
        });
        for (OpenFile epoll : epolls) {
            List<EpollWatch> kept = epoll.watches().stream().filter(w -> w.fileId() != file.id()).toList();
            out = out.withFiles(out.files().with(epoll.id(), epoll.withWatches(kept)), out.nextFileId());
        }
        return out;
    }

    /** "4 (EPOLLIN), 5 (EPOLLOUT)", or "" when the list is empty. */
    static String describe(List<EpollWatch> list) {
        return String.join(", ", list.stream().map(EpollWatch::describe).toList());
    }
}
