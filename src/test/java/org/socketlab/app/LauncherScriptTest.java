// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell scripts users and developers run are well-formed for every POSIX sh (shellcheck). */
class LauncherScriptTest {

    @Test
    void theLauncherPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("src/main/launcher/socket-lab");
    }

    @Test
    void theStartupBenchmarkPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/bench/startup.sh");
    }

    @Test
    void theRecordAndReplayScriptPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/record/try.sh");
    }

    @Test
    void theLessonPicturesScriptPassesShellcheck() throws IOException, InterruptedException {
        assertShellcheckClean("tools/screens/lessons.sh");
    }

    @Test
    void theScreenScriptsAndTheWaitsTheySharePassShellcheck() throws IOException, InterruptedException {
        for (String script : List.of("tools/screens/shots.sh", "tools/screens/lab-shots.sh",
                "tools/screens/waits.sh")) {
            assertShellcheckClean(script);
        }
    }

    static void assertShellcheckClean(String script) throws IOException, InterruptedException {
        Process shellcheck;
        try {
            shellcheck = new ProcessBuilder(List.of("shellcheck", "--format=gcc", script))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("shellcheck is needed to check " + script + ": apt-get install shellcheck", e);
        }
        String findings = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor()).as(findings).isZero();
        assertThat(findings).isEmpty();
    }
}
