// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import org.socketlab.lesson.LocalizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketlab.kernel.Credentials;

/**
 * Reads the {@code // key: value} comments: the header directives before the first line of
 * code, and the {@code say:} narration anywhere.
 */
final class Directives {
    static final List<String> KEYS = List.of("title", "description", "limit", "memory", "privileges",
            "ping-group", "process", "pid", "predict", "model-only");
    private static final Pattern DIRECTIVE = Pattern.compile("(\\s*)([A-Za-z][A-Za-z0-9_-]*)\\s*:(.*)", Pattern.DOTALL);
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*([A-Za-z]*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + HeaderSettings.MAX_NAME + "}");

    private final Problems problems;
    private final Map<String, Integer> firstLine = new HashMap<>();
    private final List<Narrator.Say> says = new ArrayList<>();
    private LocalizedText title;
    private LocalizedText description = LocalizedText.EMPTY;
    private int limit = HeaderSettings.DEFAULT.descriptorLimit();
    private long memory = HeaderSettings.DEFAULT.memoryCapacity();
    private boolean root;
    private boolean predict;
    private Boolean pingGroup;
    private String process = HeaderSettings.DEFAULT.processName();
    private int pid = HeaderSettings.DEFAULT.pid();

    Directives(Problems problems) {
        this.problems = problems;
    }

    /** Reads every comment; those before {@code firstCode} (an offset) are the header. */
    void read(List<Comment> comments, int firstCode) {
        for (Comment c : comments) {
            Matcher m = DIRECTIVE.matcher(c.body());
            if (!m.matches()) {
                continue;
            }
            String written = m.group(2);
            String key = written.toLowerCase(Locale.ROOT);
            String rest = m.group(3);
            String value = rest.strip();
            int keyColumn = c.columnOf(m.start(2));
            int valueColumn = value.isEmpty() ? c.columnOf(c.body().length())
                    : c.columnOf(m.start(3) + rest.indexOf(value.charAt(0)));
            boolean header = c.start() < firstCode;
            boolean spaced = rest.isEmpty() || Character.isWhitespace(rest.charAt(0));
            if (key.equals("say")) {
                say(c, value, valueColumn);
            } else if (KEYS.contains(key)) {
                if (!header) {
                    problems.add(c.line(), keyColumn, "'" + written + ":' must be in the header",
                            "header directives come before the first line of code");
                } else if (firstLine.containsKey(key)) {
                    problems.add(c.line(), keyColumn, "duplicate '" + key + ":' (the first is on line "
                            + firstLine.get(key) + ")", "a lesson gives each directive once; delete one of them");
                } else {
                    firstLine.put(key, c.line());
                    apply(key, value, c.line(), valueColumn);
                }
            } else if (spaced && header) {
                problems.add(c.line(), keyColumn, "unknown directive '" + written + ":'",
                        Suggestions.closest(key, allKeys()).map(k -> "did you mean '" + k + ":'?")
                                .orElse("the directives are " + String.join(", ", allKeys())
                                        + "; for a plain comment, leave out the colon or use /* ... */"));
            } else if (spaced && Suggestions.closest(key, List.of("say")).isPresent() && key.length() <= 4) {
                problems.add(c.line(), keyColumn, "unknown directive '" + written + ":'", "did you mean 'say:'?");
            }
        }
    }

    /**
     * True for a comment the code panel leaves out: a {@code say:} anywhere, or a header
     * directive (before {@code firstCode}, an offset).
     */
    static boolean isShownApart(Comment c, int firstCode) {
        Matcher m = DIRECTIVE.matcher(c.body());
        if (!m.matches()) {
            return false;
        }
        String key = m.group(2).toLowerCase(Locale.ROOT);
        return key.equals("say") || c.start() < firstCode && KEYS.contains(key);
    }

    private static List<String> allKeys() {
        List<String> keys = new ArrayList<>(KEYS);
        keys.add("say");
        return keys;
    }

    private void say(Comment c, String value, int valueColumn) {
        LocalizedText text = localized("say", value, c.line(), valueColumn);
        if (text != null) {
            says.add(new Narrator.Say(c.start(), c.line(), c.column(), text));
        }
    }

    private LocalizedText localized(String key, String value, int line, int column) {
        try {
            LocalizedText text = LocalizedText.parse(value);
            if (!text.isEmpty()) {
                return text;
            }
            problems.add(line, column, "'" + key + ":' needs some text", "e.g. " + key + ": 第一个套接字 | the first socket");
        } catch (IllegalArgumentException e) {
            problems.add(line, column, e.getMessage(),
                    "separate the languages with one ' | ' (中文 | English); write \\| for a bar inside the text");
        }
        return null;
    }

    private void apply(String key, String value, int line, int column) {
        try {
            switch (key) {
                case "title" -> title = localized(key, value, line, column);
                case "description" -> {
                    LocalizedText text = localized(key, value, line, column);
                    description = text == null ? LocalizedText.EMPTY : text;
                }
                case "limit" -> limit = (int) whole(value, HeaderSettings.MAX_LIMIT, 0,
                        "limit must be a whole number from 0 to " + HeaderSettings.MAX_LIMIT,
                        "limit sets RLIMIT_NOFILE, the highest descriptor number plus one; Linux's default is 1024, "
                                + "e.g. limit: 8");
                case "memory" -> memory = size(value);
                case "privileges" -> root = choice(value, "user", "root",
                        "privileges: user is an ordinary process; root may also create SOCK_RAW sockets");
                case "ping-group" -> pingGroup = choice(value, "no", "yes",
                        "ping-group: yes puts the process inside net.ipv4.ping_group_range, "
                                + "so it may create ICMP datagram sockets");
                case "process" -> process = name(value);
                case "predict" -> predict = choice(value, "no", "yes",
                        "predict: yes turns predict mode on when the lesson opens: the class guesses each ticket, "
                                + "state and errno before it is shown");
                case "pid" -> pid = (int) whole(value, HeaderSettings.MAX_PID, 1,
                        "pid must be a whole number from 1 to " + HeaderSettings.MAX_PID, "e.g. pid: 4242");
                case "model-only" -> {
                    // why the lesson cannot run on a real kernel; KernelProof reads it, the model need not
                    if (value.isEmpty()) {
                        throw new Complaint("'model-only:' needs a reason",
                                "say why the real kernel cannot run it, e.g. model-only: memory: is a model setting");
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        } catch (Complaint c) {
            problems.add(line, column, c.getMessage(), c.hint());
        }
    }

    private static long whole(String value, long max, long min, String message, String hint) throws Complaint {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Long.parseLong(value) > max || Long.parseLong(value) < min) {
            throw new Complaint(message + (value.isEmpty() ? "" : ", not '" + value + "'"), hint);
        }
        return Long.parseLong(value);
    }

    private static long size(String value) throws Complaint {
        String hint = "a size in bytes, KiB, MiB or GiB (1 KiB = 1024 bytes), at most 1 GiB; "
                + "a TCP socket takes 3.5 KiB, a UDP socket 2.5 KiB";
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new Complaint("memory must be a size such as 16 KiB, 4096 or 1 MiB, not '" + value + "'", hint);
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 0;
            case "kib" -> 10;
            case "mib" -> 20;
            case "gib" -> 30;
            default -> -1;
        };
        if (shift < 0) {
            throw new Complaint("unknown unit '" + m.group(2) + "' in memory: " + value,
                    "write B, KiB, MiB or GiB (powers of 1024), e.g. memory: 16 KiB");
        }
        long bytes = Long.parseLong(m.group(1)) << shift;
        if (bytes > HeaderSettings.MAX_MEMORY) {
            throw new Complaint("memory: " + value + " is more than 1 GiB", hint);
        }
        return bytes;
    }

    private static boolean choice(String value, String no, String yes, String hint) throws Complaint {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals(no) && !v.equals(yes)) {
            throw new Complaint("expected '" + no + "' or '" + yes + "', not '" + value + "'", hint);
        }
        return v.equals(yes);
    }

    private static String name(String value) throws Complaint {
        if (!NAME.matcher(value).matches()) {
            throw new Complaint("a process name is 1 to " + HeaderSettings.MAX_NAME + " letters, digits, '.', '_' or '-'"
                    + (value.isEmpty() ? "" : ", not '" + value + "'"), "e.g. process: server");
        }
        return value;
    }

    /** The title, or the file's name without its folders and extension. */
    LocalizedText title(String sourceName) {
        if (title != null) {
            return title;
        }
        String base = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return LocalizedText.of(dot > 0 ? base.substring(0, dot) : base);
    }

    LocalizedText description() {
        return description;
    }

    HeaderSettings settings() {
        boolean ping = pingGroup == null ? root : pingGroup;
        return new HeaderSettings(limit, memory, new Credentials(root, ping), process, pid, predict);
    }

    List<Narrator.Say> says() {
        return says;
    }
}
