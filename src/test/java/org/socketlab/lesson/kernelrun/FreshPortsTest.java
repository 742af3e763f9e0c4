// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.kernelrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which literals of a C program are ports, and the fresh ports that replace them. */
class FreshPortsTest {
    private static final String PROGRAM = """
            #define PORT 8080
            #define BACKUP_PORT 9090
            #define BUFFER 4096
            int main(void) {
                a.sin_port = htons(PORT);
                b.sin_port = htons( 7000 );
                c.sin_port = htons(80);
                d.sin_port = htons(0);
                e.sin_port = htons(8080);
                char buf[4096];
            }
            """;

    @Test
    void portsAreHtonsLiteralsAndPortDefinesFrom1024Up() {
        assertThat(FreshPorts.literals(PROGRAM)).containsExactly(8080, 9090, 7000);
    }

    @Test
    void eachLiteralGetsItsOwnFreshPortEverywhereItAppears() throws IOException {
        FreshPorts.Mapping mapping = FreshPorts.choose(PROGRAM);
        int p8080 = mapping.fresh(8080);
        int p9090 = mapping.fresh(9090);
        int p7000 = mapping.fresh(7000);

        assertThat(mapping.apply(PROGRAM))
                .contains("#define PORT " + p8080 + "\n", "#define BACKUP_PORT " + p9090 + "\n",
                        "htons(" + p7000 + ")", "e.sin_port = htons(" + p8080 + ")")
                .contains("#define BUFFER 4096", "htons(80)", "htons(0)", "char buf[4096]");
        assertThat(List.of(p8080, p9090, p7000)).doesNotHaveDuplicates();
        for (int port : new int[] {p8080, p9090, p7000}) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(port)); // free again: the reservation was closed
            }
        }
    }
}
