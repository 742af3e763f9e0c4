// SPDX-License-Identifier: Apache-2.0
package org.socketlab.kernel;

/** Something a step changed, so the picture can make it stand out. */
public sealed interface Change {
    /** A drawer of a process's cabinet was filled or emptied. */
    record DescriptorChanged(int pid, int fd) implements Change {
    }

    /** A control block came into existence (memory allocated). */
    record SocketCreated(int socketId) implements Change {
    }

    /** A control block is gone (its memory went back). */
    record SocketReleased(int socketId) implements Change {
    }

    /** A field of a control block's form was written. */
    record FieldChanged(int socketId, ControlBlock.Field field) implements Change {
    }

    /** The memory pool's use changed. */
    record MemoryChanged(long before, long after) implements Change {
    }
}
