// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A datagram sent (or a datagram socket connected) to an AF_UNIX path nobody of its type is bound to
 * fails as the kernel fails it (unix_find_other → unix_find_bsd): ENOENT when no file is at the path,
 * ECONNREFUSED when the file bind() made outlived its socket, EPROTOTYPE when a stream socket holds
 * it. The lesson runs on this machine's kernel and on the model, call by call.
 */
class UnixDatagramNobodyProofTest {
    private static final Path LESSON = Path.of("src/test/resources/lessons/unix-dgram-nobody.c");

    @Test
    void sendtoAndConnectToAPathNobodyIsBoundToFailAsTheKernelSays() throws Exception {
        KernelProof.Proof proof = KernelProof.prove(LESSON);

        assertThat(proof.describeDisagreements()).isEmpty();
        assertThat(proof.calls()).extracting(c -> c.call() + " " + c.model().describe() + " / "
                + c.kernel().describe()).containsExactly("socket 3 / 3", "bind 0 / 0", "socket 4 / 4",
                "sendto -1 ENOENT / -1 ENOENT", "sendto 3 / 3", "connect -1 ENOENT / -1 ENOENT", "close 0 / 0",
                "sendto -1 ECONNREFUSED / -1 ECONNREFUSED", "connect -1 ECONNREFUSED / -1 ECONNREFUSED",
                "socket 3 / 3", "bind 0 / 0", "sendto -1 EPROTOTYPE / -1 EPROTOTYPE", "close 0 / 0", "close 0 / 0");
    }
}
