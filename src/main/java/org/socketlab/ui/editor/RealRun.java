// SPDX-License-Identifier: Apache-2.0
package org.socketlab.ui.editor;

import java.io.IOException;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.socketlab.lesson.kernelrun.KernelProof;

/**
 * "Run it for real" (F9): the editor's lesson is proved against the real kernel
 * ({@link KernelProof#proveText}: gcc, strace, a temporary folder, a time limit) on a thread of its
 * own, never on the JavaFX thread. Its state is what the run panel shows; Stop interrupts the
 * run, which kills the program's whole process group.
 */
public final class RealRun {
    /** Proves a lesson's text (the real one compiles and runs it; tests may give another). */
    @FunctionalInterface
    public interface Prover {
        KernelProof.Proof prove(String fileName, String text) throws KernelProof.CannotProve, IOException;
    }

    /** Where a run is. */
    public sealed interface State {
        /** Nothing has run in this window yet, or the panel was closed. */
        record Idle() implements State {
        }

        /** gcc and strace are at work on {@code fileName}. */
        record Running(String fileName) implements State {
        }

        /** The run finished: the model's answers beside the kernel's. */
        record Proved(KernelProof.Proof proof) implements State {
        }

        /** The lesson could not run (it does not compile, a tool failed): the message says why. */
        record Failed(String fileName, String message) implements State {
        }

        /** Stop was pressed: the program and its children were killed. */
        record Stopped(String fileName) implements State {
        }
    }

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", new State.Idle());
    private final Prover prover;
    private Task<KernelProof.Proof> task;

    public RealRun(Prover prover) {
        this.prover = prover;
    }

    /** The tools a run needs that this machine lacks (empty when it can run). */
    public static List<String> missingTools() {
        return KernelProof.missingTools();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public boolean isRunning() {
        return state.get() instanceof State.Running;
    }

    /** Starts a run of the text (a run already going is stopped first). */
    public void start(String fileName, String text) {
        stop();
        Task<KernelProof.Proof> next = new Task<>() {
            @Override
            protected KernelProof.Proof call() throws Exception {
                return prover.prove(fileName, text);
            }
        };
        task = next;
        next.setOnSucceeded(e -> {
            if (task == next) {
                state.set(new State.Proved(next.getValue()));
            }
        });
        next.setOnFailed(e -> {
            if (task == next) {
                Throwable t = next.getException();
                state.set(new State.Failed(fileName, t.getMessage() == null ? t.toString() : t.getMessage()));
            }
        });
        state.set(new State.Running(fileName));
        Thread thread = new Thread(next, "socket-lab-real-run");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops a run that is going: its thread is interrupted, which kills the program's process group. */
    void stop() {
        if (task != null && state.get() instanceof State.Running running) {
            Task<KernelProof.Proof> stopping = task;
            task = null;
            stopping.cancel(true);
            state.set(new State.Stopped(running.fileName()));
        }
    }

    /** Closes the panel: stops a run that is going and forgets the last one. */
    public void close() {
        stop();
        task = null;
        state.set(new State.Idle());
    }
}
