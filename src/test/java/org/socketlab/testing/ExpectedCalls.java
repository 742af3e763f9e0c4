// SPDX-License-Identifier: Apache-2.0
package org.socketlab.testing;

import org.socketlab.lesson.kernelrun.FreshPorts;
import org.socketlab.lesson.kernelrun.RealKernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a strace log must show, in order: the facts a kernel-truth fixture claims, written the
 * way strace prints them ({@code expect.txt}), checked against a fresh log.
 *
 * <p>Each line of an expectation file is one of:
 * <ul>
 *   <li>blank, or a {@code #} comment;</li>
 *   <li>{@code as: nobody} — run the program as user nobody when the build runs as root
 *       ({@link RealKernel.Options#asNobody()});</li>
 *   <li>a pattern: a log line must contain it, after the line the previous pattern matched;</li>
 *   <li>{@code root: pattern} / {@code user: pattern} — the same, only when the program ran as
 *       root / as anyone else;</li>
 *   <li>{@code absent: pattern} — no line of the whole log may contain it.</li>
 * </ul>
 * A pattern is strace's text, where these words stand for what changes from run to run:
 * {@code FD} a descriptor with its {@code -yy} decoration ({@code 3<TCP:[127.0.0.1:8080->...]>}
 * or just {@code 3}), {@code NUM} a number, {@code PORT} a port, {@code ...} any text (as little
 * as possible). A literal port of the program — {@code htons(8080)}, or after an address as in
 * {@code 127.0.0.1:8080} — becomes the run's fresh port. Calls that strace
 * split ({@code <unfinished ...>} then {@code <... accept resumed>}) are joined into one line, at
 * the place where the call returned; runs of spaces (strace pads results to a column) count as
 * one.
 */
public final class ExpectedCalls {
    private static final Pattern TOKENS = Pattern.compile("\\.\\.\\.|\\bFD\\b|\\bNUM\\b|\\bPORT\\b");
    private static final String DESCRIPTOR = "\\d+(?:<(?:->|[^>])*>)?";
    private static final Pattern ADDRESS_PORT = Pattern.compile("(?<=[0-9\\]]:)\\d{4,5}\\b");
    private static final Pattern UNFINISHED = Pattern.compile("^(\\d+\\s+|)(.*) <unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+\\s+|)<\\.\\.\\. \\w+ resumed>(.*)$");

    /** One expected line, where it came from. */
    record Expectation(int line, Kind kind, String text, Pattern pattern) {
    }

    /** When an expectation applies. */
    enum Kind { ALWAYS, ROOT, USER, ABSENT }

    private final String name;
    private final boolean asNobody;
    private final List<Expectation> expectations;

    private ExpectedCalls(String name, boolean asNobody, List<Expectation> expectations) {
        this.name = name;
        this.asNobody = asNobody;
        this.expectations = List.copyOf(expectations);
    }

    /**
     * Reads an expectation file's text.
     *
     * @param name the file's name for messages ({@code kernel-truth/bind-checks/expect.txt})
     * @throws IllegalArgumentException naming {@code file:line} for a line it cannot read
     */
    public static ExpectedCalls parse(String name, String text, FreshPorts.Mapping ports) {
        return parse(name, text, line -> addressPorts(ports.apply(line), p -> String.valueOf(ports.fresh(p))));
    }

    /**
     * Reads an expectation file for a log whose ports are not known (a recorded log): a literal
     * {@code htons(8080)} matches any port.
     */
    public static ExpectedCalls parseAnyPorts(String name, String text) {
        return parse(name, text, line -> addressPorts(FreshPorts.anyPort(line), p -> "PORT"));
    }

    /** The port of each {@code 127.0.0.1:8080} or {@code [::1]:8080} (1024 or more), replaced. */
    private static String addressPorts(String line, IntFunction<String> replacement) {
        Matcher m = ADDRESS_PORT.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = Integer.parseInt(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(port >= 1024 && port <= 65535
                    ? replacement.apply(port) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static ExpectedCalls parse(String name, String text, UnaryOperator<String> ports) {
        List<Expectation> expectations = new ArrayList<>();
        boolean nobody = false;
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("as:")) {
                String who = line.substring(3).strip();
                if (!who.equals("nobody")) {
                    throw new IllegalArgumentException(name + ":" + number + ":1: unknown user '" + who
                            + "' (only 'as: nobody' exists)");
                }
                nobody = true;
                continue;
            }
            Kind kind = Kind.ALWAYS;
            for (Kind k : List.of(Kind.ROOT, Kind.USER, Kind.ABSENT)) {
                String prefix = k.name().toLowerCase() + ":";
                if (line.startsWith(prefix)) {
                    kind = k;
                    line = line.substring(prefix.length()).strip();
                }
            }
            if (line.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + number + ":1: an empty pattern");
            }
            String pattern = spaced(ports.apply(line));
            expectations.add(new Expectation(number, kind, pattern, compile(pattern)));
        }
        if (expectations.isEmpty()) {
            throw new IllegalArgumentException(name + ":1:1: no expected line");
        }
        return new ExpectedCalls(name, nobody, expectations);
    }

    /** True when the file asks for the program to run as user nobody. */
    public boolean asNobody() {
        return asNobody;
    }

    /** How many patterns the file has. */
    public int size() {
        return expectations.size();
    }

    /**
     * Checks a log against the expectations.
     *
     * @param ranAsRoot whether the program ran as root (selects {@code root:}/{@code user:} lines)
     * @return nothing when every expectation holds; otherwise one message per broken one, each
     *         naming {@code file:line}, the pattern and where in the log it was looked for
     */
    public List<String> check(String log, boolean ranAsRoot) {
        List<LogLine> calls = joined(log);
        List<String> problems = new ArrayList<>();
        LogLine after = null;
        for (Expectation e : expectations) {
            if (e.kind() == Kind.ROOT && !ranAsRoot || e.kind() == Kind.USER && ranAsRoot) {
                continue;
            }
            if (e.kind() == Kind.ABSENT) {
                for (LogLine call : calls) {
                    if (e.pattern().matcher(call.text()).find()) {
                        problems.add(name + ":" + e.line() + ": must not appear, but log line " + call.number()
                                + " has it: " + call.text());
                    }
                }
                continue;
            }
            LogLine found = null;
            for (int i = after == null ? 0 : calls.indexOf(after) + 1; i < calls.size() && found == null; i++) {
                if (e.pattern().matcher(calls.get(i).text()).find()) {
                    found = calls.get(i);
                }
            }
            if (found == null) {
                String where = after == null ? "anywhere in the log"
                        : "after log line " + after.number() + " (" + after.text() + ")";
                problems.add(name + ":" + e.line() + ": '" + e.text() + "' not found " + where);
                return problems;
            }
            after = found;
        }
        return problems;
    }

    /** One space wherever strace put several (it pads results to a column). */
    private static String spaced(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A call as the log shows it, numbered by the log line where it returned. */
    record LogLine(int number, String text) {
    }

    /**
     * The log's lines with split calls joined where they returned, and every run of spaces made
     * one.
     */
    static List<LogLine> joined(String log) {
        Map<String, String> pending = new HashMap<>();
        List<LogLine> out = new ArrayList<>();
        List<String> lines = log.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher u = UNFINISHED.matcher(line);
            if (u.matches()) {
                pending.put(u.group(1).strip(), u.group(1) + u.group(2));
                continue;
            }
            Matcher r = RESUMED.matcher(line);
            if (r.matches() && pending.containsKey(r.group(1).strip())) {
                out.add(new LogLine(i + 1, spaced(pending.remove(r.group(1).strip()) + r.group(2))));
                continue;
            }
            out.add(new LogLine(i + 1, spaced(line)));
        }
        for (String call : pending.values()) { // calls still running when the program was killed
            out.add(new LogLine(lines.size(), spaced(call)));
        }
        return out;
    }

    private static Pattern compile(String text) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TOKENS.matcher(text);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(last, m.start())));
            regex.append(switch (m.group()) {
                case "..." -> ".*?";
                case "FD" -> DESCRIPTOR;
                case "NUM" -> "-?\\d+";
                default -> "\\d{1,5}";
            });
            last = m.end();
        }
        regex.append(Pattern.quote(text.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
