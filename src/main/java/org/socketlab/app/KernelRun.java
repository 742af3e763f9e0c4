// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.socketlab.lesson.loading.BuiltInLesson;
import org.socketlab.lesson.kernelrun.KernelProof;

/**
 * {@code socket-lab run LESSON --kernel}: the lesson on the model and, compiled with gcc, on this
 * machine's kernel under strace, call by call ({@link KernelProof}).
 */
final class KernelRun {
    /** Exit status: the model and the kernel differ. */
    static final int DIFFERS = 1;
    /** Exit status: the lesson cannot run on the kernel (tools missing, not a program, model-only). */
    static final int CANNOT_RUN = 2;

    private KernelRun() {
    }

    /** Proves a lesson file and prints the table (or JSON); returns the exit status. */
    static int run(Path lesson, boolean json, PrintWriter out, PrintWriter err) {
        KernelProof.Proof proof;
        try {
            proof = KernelProof.prove(lesson);
        } catch (KernelProof.CannotProve e) {
            err.println(e.getMessage());
            return CANNOT_RUN;
        } catch (IOException e) {
            err.println(lesson + ": " + e.getMessage());
            return CANNOT_RUN;
        }
        if (json) {
            KernelRunOutput.json(proof, out);
            out.println();
        } else {
            KernelRunOutput.table(proof, out);
        }
        return proof.agrees() ? 0 : DIFFERS;
    }

    /** A built-in lesson, copied out of the jar into a folder of its own for gcc, then proved. */
    static int runBuiltIn(BuiltInLesson lesson, boolean json, PrintWriter out, PrintWriter err) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("socket-lab-lesson-");
            Path file = dir.resolve(lesson.id() + ".c");
            try (InputStream in = KernelRun.class.getResourceAsStream(lesson.resource())) {
                if (in == null) {
                    err.println(lesson.resource() + ": not found in the jar");
                    return CANNOT_RUN;
                }
                Files.copy(in, file);
            }
            return run(file, json, out, err);
        } catch (IOException e) {
            err.println(lesson.id() + ": " + e.getMessage());
            return CANNOT_RUN;
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the run's answer stands
        }
    }
}
