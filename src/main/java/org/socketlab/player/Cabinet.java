// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

import java.util.List;

/**
 * One descriptor cabinet as the picture shows it: the processes that use it (threads share
 * one), its drawers from 0, and whether the current step's process is one of them.
 *
 * @param owners  the processes using this table, e.g. "app (4242)"; threads are listed together
 * @param pid     the lowest pid using it
 * @param drawers the drawers worth showing
 * @param limit   the descriptor limit
 * @param current the current step's process uses this cabinet
 * @param focus   the drawer to keep in sight when not all fit: the first one this step changed,
 *                else the lowest free one (where the next descriptor goes), else the last
 * @param pids    the pids of {@code owners}, in the same order: more than one when threads share it
 */
public record Cabinet(List<String> owners, int pid, List<Drawer> drawers, int limit, boolean current, int focus,
                      List<Integer> pids) {
    public Cabinet {
        owners = List.copyOf(owners);
        drawers = List.copyOf(drawers);
        pids = List.copyOf(pids);
    }

    /** A cabinet focused as {@link #focus} says. */
    public Cabinet(List<String> owners, int pid, List<Drawer> drawers, int limit, boolean current, List<Integer> pids) {
        this(owners, pid, drawers, limit, current, focusOf(drawers), pids);
    }

    /** True when more than one thread uses this cabinet (clone with CLONE_FILES: pthread_create()). */
    public boolean shared() {
        return pids.size() > 1;
    }

    private static int focusOf(List<Drawer> drawers) {
        for (Drawer d : drawers) {
            if (d.changed()) {
                return d.fd();
            }
        }
        for (Drawer d : drawers) {
            if (d.isEmpty() && d.usable()) {
                return d.fd();
            }
        }
        return drawers.size() - 1;
    }
}
