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
 */
public record Cabinet(List<String> owners, int pid, List<Drawer> drawers, int limit, boolean current) {
    public Cabinet {
        owners = List.copyOf(owners);
        drawers = List.copyOf(drawers);
    }
}
