// SPDX-License-Identifier: Apache-2.0
package org.socketlab.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets a long fuzzing run raise the number of tries of every {@link Fuzz} property without
 * touching the code: {@code mvn -o -B verify -Pfuzz} (200,000 tries each), or
 * {@code -Dfuzz.tries=N} with the profile or with {@code -Dtest=...}. Without the property each
 * property keeps its short default; {@code @Example}s run once either way.
 */
public class FuzzTries implements AroundPropertyHook {

    /** The tries asked for with -Dfuzz.tries, or 0 when none (or not a positive number). */
    public static int requested() {
        try {
            return Math.max(0, Integer.parseInt(System.getProperty("fuzz.tries", "0").trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        int tries = requested();
        boolean example = context.attributes().tries().map(t -> t <= 1).orElse(false);
        if (tries > 0 && !example) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
