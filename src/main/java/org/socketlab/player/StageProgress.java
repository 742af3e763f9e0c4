// SPDX-License-Identifier: Apache-2.0
package org.socketlab.player;

/** How far the current socket() call has got with one of its three stages. */
public enum StageProgress {
    /** Not reached (or no socket() call is under way). */
    WAITING,
    /** Finished earlier in this call. */
    DONE,
    /** The current step is this stage. */
    CURRENT,
    /** The call failed at this stage. */
    FAILED
}
