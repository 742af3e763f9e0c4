// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

import java.util.Optional;

/**
 * A resource-limit call: {@code prlimit64(0, RLIMIT_NOFILE, {rlim_cur=8, rlim_max=8}, NULL)},
 * {@code setrlimit(RLIMIT_NOFILE, {...})}, {@code getrlimit(RLIMIT_NOFILE, {...})}.
 *
 * @param resource the resource name, e.g. "RLIMIT_NOFILE"
 * @param pid      prlimit64's target (0 = the caller itself); null for set/getrlimit
 * @param newLimit the limit being set, or null when none is set
 * @param oldLimit the limit read back, or null when none is read (or the call failed)
 */
public record RlimitCall(String resource, Long pid, Limit newLimit, Limit oldLimit) {

    /** {@code RLIM_INFINITY}/{@code RLIM64_INFINITY}: no limit (all bits set). */
    public static final long INFINITY = -1L;

    /**
     * A soft and hard limit; products such as {@code 8192*1024} are multiplied out and
     * {@code RLIM64_INFINITY} is {@link RlimitCall#INFINITY}.
     */
    public record Limit(long cur, long max) {
        /** True when the soft limit is unlimited. */
        public boolean curUnlimited() {
            return cur == INFINITY;
        }

        /** True when the hard limit is unlimited. */
        public boolean maxUnlimited() {
            return max == INFINITY;
        }
    }

    static Optional<RlimitCall> of(TraceCall call) {
        int base;
        Long pid = null;
        switch (call.name()) {
            case "prlimit64" -> {
                base = 1;
                pid = call.arg(0).flatMap(a -> a.asLong().isPresent()
                        ? Optional.of(a.asLong().getAsLong()) : Optional.empty()).orElse(null);
            }
            case "setrlimit", "getrlimit", "ugetrlimit" -> base = 0;
            default -> {
                return Optional.empty();
            }
        }
        Optional<Arg> res = call.arg(base);
        if (res.isEmpty() || res.get().flagNames().size() != 1) {
            return Optional.empty();
        }
        Limit newLimit = null;
        Limit oldLimit = null;
        if (call.name().equals("prlimit64")) {
            newLimit = limit(call.arg(base + 1));
            oldLimit = call.result().isError() ? null : limit(call.arg(base + 2));
        } else if (call.name().equals("setrlimit")) {
            newLimit = limit(call.arg(base + 1));
        } else if (!call.result().isError()) {
            oldLimit = limit(call.arg(base + 1));
        }
        return Optional.of(new RlimitCall(res.get().flagNames().get(0), pid, newLimit, oldLimit));
    }

    private static Limit limit(Optional<Arg> arg) {
        if (arg.isEmpty() || !(arg.get() instanceof Arg.Struct s)) {
            return null;
        }
        var cur = s.field("rlim_cur").map(Arg::asLong);
        var max = s.field("rlim_max").map(Arg::asLong);
        if (cur.isEmpty() || max.isEmpty() || cur.get().isEmpty() || max.get().isEmpty()) {
            return null;
        }
        return new Limit(cur.get().getAsLong(), max.get().getAsLong());
    }
}
