// SPDX-License-Identifier: Apache-2.0
package org.socketlab.app.export;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javafx.application.Platform;

/**
 * Runs small pieces of work (one snapshot each) on the FX thread for an export that runs on
 * another thread. Each piece is its own {@code Platform.runLater}, so the window handles
 * input between two frames and never freezes for a whole export.
 */
final class FxCalls {
    private FxCalls() {
    }

    /** Starts {@code work} on the FX thread; the future completes with its result. */
    static <T> Future<T> submit(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("an export must not run on the FX thread: it would freeze the window");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    static <T> T call(Callable<T> work) {
        return await(submit(work));
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Waits for a piece of work. An interrupt (the user pressed Cancel) becomes a
     * {@link CancellationException}; an exception thrown on the FX thread is rethrown here.
     */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the export was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
