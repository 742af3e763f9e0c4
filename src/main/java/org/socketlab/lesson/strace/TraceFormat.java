// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.strace;

/**
 * Which of strace's output options a log was recorded with, as far as its lines show.
 *
 * @param timestamps  the timestamp style before each line
 * @param durations   true when calls carry {@code -T} durations ({@code <0.000022>})
 * @param decorations true when descriptors carry {@code -y}/{@code -yy} decorations
 * @param pids        true when lines carry pids ({@code -f}: "5046  ..." or "[pid 5046] ...")
 */
public record TraceFormat(TimestampStyle timestamps, boolean durations, boolean decorations, boolean pids) {

    /** The timestamp options of strace. */
    public enum TimestampStyle {
        /** No timestamps. */
        NONE,
        /** {@code -t}: wall-clock time of day, "22:31:07". */
        TIME_OF_DAY,
        /** {@code -tt}: time of day with microseconds, "22:31:07.123456". */
        TIME_OF_DAY_MICROS,
        /** {@code -ttt}: seconds since the epoch, "1732660267.123456". */
        EPOCH,
        /** {@code -r}: seconds since the previous line, "0.000123". */
        RELATIVE,
        /** Lines disagree (e.g. two logs concatenated). */
        MIXED;

        /** The style a timestamp's text shows. */
        static TimestampStyle of(String ts) {
            if (ts.indexOf(':') >= 0) {
                return ts.indexOf('.') >= 0 ? TIME_OF_DAY_MICROS : TIME_OF_DAY;
            }
            int dot = ts.indexOf('.');
            int whole = dot < 0 ? ts.length() : dot;
            return whole >= 9 ? EPOCH : RELATIVE;
        }
    }

    /**
     * Seconds a raw timestamp stands for: since midnight for -t/-tt, since the epoch for
     * -ttt, since the previous line for -r; NaN if the text is not a timestamp.
     */
    public static double seconds(String timestamp) {
        try {
            if (timestamp.indexOf(':') >= 0) {
                String[] hms = timestamp.split(":");
                if (hms.length != 3) {
                    return Double.NaN;
                }
                return Integer.parseInt(hms[0]) * 3600.0 + Integer.parseInt(hms[1]) * 60.0
                        + Double.parseDouble(hms[2]);
            }
            return Double.parseDouble(timestamp);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
