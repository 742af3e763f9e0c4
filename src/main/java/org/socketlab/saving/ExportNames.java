// SPDX-License-Identifier: Apache-2.0
package org.socketlab.saving;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names for exported pictures: safe on Linux, macOS and Windows, sorted in step order by
 * any file manager, and readable, e.g. step 1 of 12 "Allocate memory" →
 * {@code 01-allocate-memory.png}.
 *
 * <p>Slugs are lowercase ASCII letters, digits and single dashes: accents are dropped
 * ("Café" → "cafe"), everything else (spaces, {@code _}, {@code /}, {@code \}, dots, CJK
 * characters…) becomes a dash, and a title with no ASCII letters or digits at all (e.g. a
 * Chinese title) falls back to {@code step}. A slug therefore never contains a path separator
 * or {@code ..} and cannot escape the export folder.
 */
public final class ExportNames {

    /** Slug used when a title has no usable characters. */
    public static final String FALLBACK_SLUG = "step";

    /** Longest slug produced; longer titles are cut at a dash where possible. */
    public static final int MAX_SLUG_LENGTH = 60;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    /** Names Windows refuses for files, whatever the extension. */
    private static final Set<String> WINDOWS_RESERVED = Set.of(
            "con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private ExportNames() {
    }

    /** The slug of {@code text}, or {@link #FALLBACK_SLUG} if nothing usable is left. */
    public static String slug(String text) {
        return slug(text, FALLBACK_SLUG);
    }

    /**
     * The slug of {@code text}, or the slug of {@code fallback} if nothing usable is left (and
     * {@link #FALLBACK_SLUG} if that is empty too). {@code null} counts as empty.
     */
    public static String slug(String text, String fallback) {
        String s = rawSlug(text);
        if (s.isEmpty()) {
            s = rawSlug(fallback);
        }
        return s.isEmpty() ? FALLBACK_SLUG : s;
    }

    /**
     * The file name of step {@code number} (1-based) of {@code total}: the number zero-padded to
     * the number of digits of {@code total}, a dash, the slug of {@code title}, a dot and the
     * extension. {@code stepFileName(1, 12, "Allocate memory", "png")} is
     * {@code "01-allocate-memory.png"}; with a total of 9 it is {@code "1-allocate-memory.png"},
     * with 150 {@code "001-allocate-memory.png"}.
     *
     * @param extension e.g. {@code "png"} or {@code ".PNG"}: 1–10 ASCII letters or digits
     * @throws IllegalArgumentException if {@code number} is not within 1..total
     */
    public static String stepFileName(int number, int total, String title, String extension) {
        if (total < 1 || number < 1 || number > total) {
            throw new IllegalArgumentException("step number must be within 1.." + total + ", got " + number);
        }
        String digits = Integer.toString(number);
        String padded = "0".repeat(paddingWidth(total) - digits.length()) + digits;
        return padded + "-" + slug(title) + "." + extension(extension);
    }

    /**
     * The file name of step {@code step} of a lesson whose steps are numbered from 0 (its
     * starting picture) to {@code lastStep}, as the window counts them: at least two digits, so
     * step 1 "Allocate memory" is {@code "01-allocate-memory.png"} and the files sort in order.
     *
     * @throws IllegalArgumentException if {@code step} is not within 0..lastStep
     */
    public static String frameFileName(int step, int lastStep, String title, String extension) {
        if (step < 0 || step > lastStep) {
            throw new IllegalArgumentException("step must be within 0.." + lastStep + ", got " + step);
        }
        String digits = Integer.toString(step);
        int width = Math.max(2, Integer.toString(lastStep).length());
        return "0".repeat(width - digits.length()) + digits + "-" + slug(title) + "." + extension(extension);
    }

    /**
     * A single file name from a title, e.g. {@code fileName("socket() lesson", "gif")} is
     * {@code "socket-lesson.gif"}; Windows device names such as {@code con} get a {@code -file}
     * suffix.
     */
    public static String fileName(String title, String extension) {
        String s = slug(title);
        if (WINDOWS_RESERVED.contains(s)) {
            s = s + "-file";
        }
        return s + "." + extension(extension);
    }

    /** Digits needed to write {@code total}: 1 for up to 9, 2 for up to 99, … */
    public static int paddingWidth(int total) {
        if (total < 1) {
            throw new IllegalArgumentException("total must be at least 1, got " + total);
        }
        return Integer.toString(total).length();
    }

    private static String extension(String extension) {
        Objects.requireNonNull(extension, "extension");
        String e = extension.startsWith(".") ? extension.substring(1) : extension;
        e = e.toLowerCase(Locale.ROOT);
        if (!EXTENSION.matcher(e).matches()) {
            throw new IllegalArgumentException("invalid file extension: \"" + extension + "\"");
        }
        return e;
    }

    private static String rawSlug(String text) {
        if (text == null) {
            return "";
        }
        // NFKD splits "é" into "e" + accent and turns full-width "Ａ１" into "A1".
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("œ", "oe")
                .replace("Œ", "oe").replace("ø", "o").replace("Ø", "o").replace("đ", "d")
                .replace("Đ", "d").replace("ł", "l").replace("Ł", "l").replace("þ", "th");
        s = s.toLowerCase(Locale.ROOT);
        s = NOT_SLUG.matcher(s).replaceAll("-");
        s = trimDashes(s);
        if (s.length() > MAX_SLUG_LENGTH) {
            int cut = s.lastIndexOf('-', MAX_SLUG_LENGTH);
            s = trimDashes(s.substring(0, cut > MAX_SLUG_LENGTH / 2 ? cut : MAX_SLUG_LENGTH));
        }
        return s;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
