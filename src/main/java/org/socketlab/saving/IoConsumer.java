// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.io.IOException;

/**
 * A callback that may throw {@link IOException}, such as "encode this picture into that
 * stream" handed to {@link AtomicFileWriter#write}.
 *
 * @param <T> what the callback receives, usually an {@code OutputStream}
 */
@FunctionalInterface
public interface IoConsumer<T> {

    /** Does the work with {@code value}. */
    void accept(T value) throws IOException;
}
