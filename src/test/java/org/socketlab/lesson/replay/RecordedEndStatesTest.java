// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded program ends, in the replay, with the descriptors and socket states the kernel
 * gave it: what {@code ls /proc/PID/fd} and {@code ss -anp} showed at the recording's moment
 * ({@code NAME.fds.txt}), plus what the log shows the process doing after that moment (close,
 * calls that return a descriptor). The same comparison as {@code tools/record/compare.py}, held
 * in every build. A TCP connection whose peer is outside the trace agrees in the state the log
 * shows or in the one it is in if that peer closed unseen ({@link ProcessAtEnd.OpenDescriptor#mayBe}):
 * wget's 3 and socket-activate's 4 are CLOSE_WAIT in {@code ss}, and no line of their logs shows the
 * FIN.
 */
class RecordedEndStatesTest {
    private static final Pattern LINE = Pattern.compile("^(\\d+)\\s+(\\d\\d):(\\d\\d):(\\d\\d\\.\\d+) (.*)$");
    private static final Pattern TAKEN = Pattern.compile("# Taken \\S+ (\\d\\d):(\\d\\d):(\\d\\d\\.\\d+)");
    private static final Pattern PID = Pattern.compile("^## pid (\\d+).*thread\\(s\\): ([\\d ]*)$");
    private static final Pattern LS = Pattern.compile(" (\\d+) -> (.*)$");
    private static final Pattern RESUMED = Pattern.compile("^<\\.\\.\\. \\w+ resumed>(.*)$");
    private static final Pattern RESULT = Pattern.compile("\\) += (-?\\d+)(<.*>)?(?: .*)?$");
    private static final Pattern PAIR_FD = Pattern.compile("[\\[ ](\\d+)<");
    private static final Map<String, String> SS_STATE = Map.ofEntries(Map.entry("LISTEN", "TCP_LISTEN"),
            Map.entry("ESTAB", "TCP_ESTABLISHED"), Map.entry("CLOSE-WAIT", "TCP_CLOSE_WAIT"),
            Map.entry("FIN-WAIT-1", "TCP_FIN_WAIT1"), Map.entry("FIN-WAIT-2", "TCP_FIN_WAIT2"),
            Map.entry("TIME-WAIT", "TCP_TIME_WAIT"), Map.entry("SYN-SENT", "TCP_SYN_SENT"),
            Map.entry("SYN-RECV", "TCP_SYN_RECV"), Map.entry("LAST-ACK", "TCP_LAST_ACK"),
            Map.entry("CLOSING", "TCP_CLOSING"), Map.entry("UNCONN", "TCP_CLOSE"));
    private static final Map<String, List<String>> SS_NETID = Map.of("u_str", List.of("AF_UNIX", "SOCK_STREAM"),
            "u_dgr", List.of("AF_UNIX", "SOCK_DGRAM"), "u_seq", List.of("AF_UNIX", "SOCK_SEQPACKET"),
            "udp", List.of("AF_INET", "SOCK_DGRAM"), "tcp", List.of("AF_INET", "SOCK_STREAM"),
            "nl", List.of("AF_NETLINK", "SOCK_RAW"), "raw", List.of("AF_INET", "SOCK_RAW"));

    static List<String> recordings() {
        return RecordedProgramsTest.recordings();
    }

    /** One descriptor the kernel had: what /proc named it, and ss's family, type and state if ss listed it. */
    private record KernelFd(String what, List<String> ss) {
        boolean fromTheLog() {
            return what.startsWith("(");
        }
    }

    /** A process of the snapshot: when it was taken, its threads, and its table then. */
    private record Snapshot(double taken, Set<Integer> threads, Map<Integer, KernelFd> fds) {
    }

    private static Path folder(String name) {
        try {
            return Path.of(RecordedEndStatesTest.class.getResource("/recorded").toURI()).resolve(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(String h, String m, String s) {
        return Integer.parseInt(h) * 3600 + Integer.parseInt(m) * 60 + Double.parseDouble(s);
    }

    private static Map<Integer, Snapshot> snapshots(Path fdsTxt) throws IOException {
        Map<Integer, Snapshot> procs = new LinkedHashMap<>();
        Integer pid = null;
        double taken = -1;
        String section = "";
        for (String line : Files.readAllLines(fdsTxt, StandardCharsets.UTF_8)) {
            Matcher t = TAKEN.matcher(line);
            if (t.find()) {
                taken = seconds(t.group(1), t.group(2), t.group(3));
            }
            Matcher p = PID.matcher(line);
            if (p.matches()) {
                pid = Integer.parseInt(p.group(1));
                Set<Integer> threads = new HashSet<>();
                threads.add(pid);
                for (String tid : p.group(2).trim().split(" +")) {
                    threads.add(Integer.parseInt(tid));
                }
                procs.put(pid, new Snapshot(taken, threads, new HashMap<>()));
                continue;
            }
            if (line.startsWith("$ ")) {
                section = line.split(" ")[1];
                continue;
            }
            if (pid == null || line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Map<Integer, KernelFd> fds = procs.get(pid).fds();
            if (section.equals("ls")) {
                Matcher m = LS.matcher(line);
                if (m.find()) {
                    fds.put(Integer.parseInt(m.group(1)), new KernelFd(m.group(2), null));
                }
            } else if (section.equals("ss") && !line.startsWith("Netid")) {
                String[] cols = line.trim().split("\\s+");
                List<String> netid = SS_NETID.getOrDefault(cols[0], List.of(cols[0], "?"));
                String family = (cols[0].equals("tcp") || cols[0].equals("udp")) && cols[4].startsWith("[")
                        ? "AF_INET6" : netid.get(0);
                String state = SS_STATE.getOrDefault(cols[1], cols[1]);
                Matcher fd = Pattern.compile("pid=" + pid + ",fd=(\\d+)").matcher(line);
                while (fd.find()) {
                    int n = Integer.parseInt(fd.group(1));
                    if (fds.containsKey(n)) {
                        fds.put(n, new KernelFd(fds.get(n).what(), List.of(family, netid.get(1), state)));
                    }
                }
            }
        }
        return procs;
    }

    /** A complete call of the log: the line it ended on, its pid, when and on which line it began, its text. */
    private record LoggedCall(int line, int pid, double started, int startLine, String text) {
    }

    private static List<LoggedCall> calls(Path log) throws IOException {
        Map<Integer, LoggedCall> pending = new HashMap<>();
        List<LoggedCall> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int n = 1; n <= lines.size(); n++) {
            Matcher m = LINE.matcher(lines.get(n - 1));
            if (!m.matches()) {
                continue;
            }
            int pid = Integer.parseInt(m.group(1));
            double t = seconds(m.group(2), m.group(3), m.group(4));
            String text = m.group(5);
            if (text.endsWith("<unfinished ...>")) {
                pending.put(pid, new LoggedCall(n, pid, t, n, text.substring(0, text.length() - "<unfinished ...>".length())));
                continue;
            }
            Matcher r = RESUMED.matcher(text);
            LoggedCall started = r.matches() ? pending.remove(pid) : null;
            out.add(started != null ? new LoggedCall(n, pid, started.started(), started.startLine(),
                    started.text() + r.group(1)) : new LoggedCall(n, pid, t, n, text));
        }
        return out;
    }

    /** The snapshot's table with what the log shows the process doing after the snapshot applied. */
    private static Map<Integer, KernelFd> atExit(Snapshot p, List<LoggedCall> calls) {
        int moment = calls.stream().filter(c -> c.started() <= p.taken() && p.threads().contains(c.pid()))
                .mapToInt(LoggedCall::startLine).max().orElse(0);
        Map<Integer, KernelFd> table = new HashMap<>(p.fds());
        for (LoggedCall c : calls) {
            if (!p.threads().contains(c.pid()) || c.startLine() <= moment) {
                continue;
            }
            String name = c.text().split("\\(", 2)[0];
            Matcher result = RESULT.matcher(c.text());
            boolean found = result.find();
            KernelFd made = new KernelFd("(from " + name + " on line " + c.line() + ")", null);
            if (name.equals("close") && found && result.group(1).equals("0")) {
                Matcher fd = Pattern.compile("^close\\((\\d+)").matcher(c.text());
                if (fd.find()) {
                    table.remove(Integer.parseInt(fd.group(1)));
                }
            } else if (Set.of("pipe", "pipe2", "socketpair").contains(name) && found && result.group(1).equals("0")) {
                Matcher fd = PAIR_FD.matcher(c.text().split("\\[", 2)[1]);
                while (fd.find()) {
                    table.put(Integer.parseInt(fd.group(1)), made);
                }
            } else if (found && result.group(2) != null && Integer.parseInt(result.group(1)) >= 0
                    && !Set.of("read", "write", "lseek").contains(name)) {
                table.put(Integer.parseInt(result.group(1)), made);
            }
        }
        return table;
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void eachRecordingEndsWithTheDescriptorsAndStatesTheKernelShowed(String name) throws Exception {
        Path dir = folder(name);
        Map<Integer, Snapshot> snapshots = snapshots(dir.resolve(name + ".fds.txt"));
        List<LoggedCall> calls = calls(dir.resolve(name + ".strace"));
        Replay replay = TraceReplay.importTrace(dir.resolve(name + ".strace"));

        assertThat(snapshots).as("%s: processes in fds.txt", name).isNotEmpty();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Integer, Snapshot> e : snapshots.entrySet()) {
            int pid = e.getKey();
            Map<Integer, KernelFd> kernel = atExit(e.getValue(), calls);
            Map<Integer, ProcessAtEnd.OpenDescriptor> model = new HashMap<>();
            replay.processes().stream().filter(p -> Integer.valueOf(pid).equals(p.pid())).findFirst()
                    .ifPresentOrElse(p -> p.open().forEach(d -> model.put(d.fd(), d)),
                            () -> differences.add("the replay has no process " + pid));
            Set<Integer> fds = new TreeSet<>(kernel.keySet());
            fds.addAll(model.keySet());
            for (int fd : fds) {
                KernelFd k = kernel.get(fd);
                ProcessAtEnd.OpenDescriptor r = model.get(fd);
                boolean same = (k == null) == (r == null);
                if (same && k != null && k.ss() != null && r.kind().equals("socket")) {
                    same = k.ss().get(0).equals(r.family()) && k.ss().get(1).equals(r.type())
                            && (k.ss().get(2).equals(r.state()) || k.ss().get(2).equals(r.mayBe()));
                } else if (same && k != null && k.what().startsWith("socket:") && !k.fromTheLog()) {
                    same = r.kind().equals("socket");
                }
                if (!same) {
                    differences.add("pid " + pid + " fd " + fd + ": kernel " + (k == null ? "closed" : k.what() + " "
                            + k.ss()) + ", replay " + r);
                }
            }
        }
        assertThat(differences).as(name).isEmpty();
    }
}
