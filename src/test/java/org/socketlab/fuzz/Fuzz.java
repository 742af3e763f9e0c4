// SPDX-License-Identifier: Apache-2.0
package org.socketlab.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Marks a fuzzing property (or a class of them): tagged {@code fuzz}, so that {@code mvn verify
 * -Pfuzz} runs these and nothing else, and given {@link FuzzTries}, so that {@code -Dfuzz.tries=N}
 * (which the profile sets to 200,000) raises every such property's tries. In the normal build
 * each keeps its own short default.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Fuzz.TAG)
@AddLifecycleHook(FuzzTries.class)
public @interface Fuzz {
    /** The JUnit Platform tag the fuzz profile selects. */
    String TAG = "fuzz";
}
