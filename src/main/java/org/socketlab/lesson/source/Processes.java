// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which processes run the line being read. fork() adds a child to every running process;
 * {@code if (child == 0)} narrows the set to the children of the fork that set {@code child},
 * its {@code else} to the parents; exit() and return take processes out. Each process knows,
 * per variable, whether it holds a fork() result on the parent's or the child's side.
 */
final class Processes {
    /** How many processes a lesson may create in all, the first included. */
    static final int MAX = 16;

    /** Which side of a fork() a variable's value comes from. */
    enum Side { PARENT, CHILD }

    /** One process as the parser sees it. */
    static final class Proc {
        final String name;
        final int order;
        final Map<String, Side> forks;
        /** Its threads that pthread_create() started and no pthread_join() has waited for: handle → line. */
        final Map<String, Integer> unjoined = new LinkedHashMap<>();

        Proc(String name, int order, Map<String, Side> forks) {
            this.name = name;
            this.order = order;
            this.forks = forks;
        }
    }

    /** The two sets an {@code if} on a fork result splits the running processes into. */
    record Split(List<Proc> chosen, List<Proc> others) {
    }

    private final String rootName;
    private int created = 1;
    private int nameNumber = 1;
    private int threadNumber = 1;
    private List<Proc> running;
    private String whyNone = "";

    Processes(String rootName) {
        this.rootName = rootName;
        this.running = List.of(new Proc(rootName, 0, new HashMap<>()));
    }

    List<Proc> running() {
        return running;
    }

    /** Why no process runs the current line, for the hint. */
    String whyNone() {
        return whyNone;
    }

    /** Makes a set the running one; {@code whyNone} explains it if it is empty. */
    void restore(List<Proc> processes, String whyEmpty) {
        running = List.copyOf(processes);
        whyNone = whyEmpty;
    }

    /** Every running process forks; returns each new child's name, in the parents' order. */
    List<String> fork(Optional<String> variable) throws Complaint {
        if (created + running.size() > MAX) {
            throw new Complaint("too many processes: a lesson may have at most " + MAX,
                    "each fork() doubles the processes that run it; put forks inside if (...) blocks");
        }
        List<String> names = new ArrayList<>();
        List<Proc> after = new ArrayList<>(running);
        for (Proc parent : running) {
            Map<String, Side> copy = new HashMap<>(parent.forks);
            Proc child = new Proc(nextName(), created++, copy);
            variable.ifPresent(v -> {
                parent.forks.put(v, Side.PARENT);
                copy.put(v, Side.CHILD);
            });
            after.add(child);
            names.add(child.name);
        }
        after.sort(Comparator.comparingInt(p -> p.order));
        running = List.copyOf(after);
        return names;
    }

    /**
     * A thread that pthread_create() starts in a running process: its name ("thread", "thread2", ...).
     * It counts towards {@link #MAX} (a thread has a pid of its own, from the same numbers), but it is
     * not one of the running processes: its lines are its function's, which the parser reads apart.
     */
    String thread() throws Complaint {
        if (created + 1 > MAX) {
            throw new Complaint("too many processes and threads: a lesson may have at most " + MAX,
                    "each pthread_create() adds a thread, each fork() a process");
        }
        created++;
        while (true) {
            String name = threadNumber == 1 ? "thread" : "thread" + threadNumber;
            threadNumber++;
            if (!name.equals(rootName)) {
                return name;
            }
        }
    }

    private String nextName() {
        while (true) {
            String name = nameNumber == 1 ? "child" : "child" + nameNumber;
            nameNumber++;
            if (!name.equals(rootName)) {
                return name;
            }
        }
    }

    /** A call other than fork() stored its result in the variable: it no longer tells processes apart. */
    void assigned(String variable) {
        for (Proc p : running) {
            p.forks.remove(variable);
        }
    }

    /** The running processes end here. */
    void exit(int line) {
        restore(List.of(), "the processes that got this far ended on line " + line + " (exit or return)");
    }

    /** Splits the running processes by the side of the fork() whose result the variable holds. */
    Split split(String variable, Side wanted) throws Complaint {
        List<Proc> chosen = new ArrayList<>();
        List<Proc> others = new ArrayList<>();
        for (Proc p : running) {
            Side side = p.forks.get(variable);
            if (side == null) {
                throw new Complaint("'" + variable + "' does not hold the result of fork() here",
                        "Socket Lab reads if (...) as 'which process runs this block': test the variable "
                                + "that fork() set, e.g. pid_t child = fork(); if (child == 0) { ... }");
            }
            (side == wanted ? chosen : others).add(p);
        }
        return new Split(chosen, others);
    }

    /** The processes of both sets, in the order they were created. */
    static List<Proc> union(List<Proc> a, List<Proc> b) {
        List<Proc> all = new ArrayList<>(a);
        for (Proc p : b) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        all.sort(Comparator.comparingInt(p -> p.order));
        return all;
    }
}
