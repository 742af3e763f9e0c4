// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an argument of a written form may be, the calls a lesson refuses (with what to write
 * instead), and how a short form becomes the canonical argument list of {@link Call#parameters()}.
 */
final class Calls {
    /** What an argument position accepts. */
    enum Kind {
        /** A number, constant, {@code |} of constants, or a variable. */
        INT,
        /** A quoted address. */
        ADDRESS,
        /** A quoted string of data. */
        DATA,
        /** NULL (or 0): a pointer Socket Lab does not use; dropped from the canonical form. */
        NULL,
        /** An int array of two elements that the call fills in: socketpair()'s {@code sv}. */
        ARRAY,
        /** A char buffer the call fills in ({@code buf} of {@code char buf[64];}); its size is the argument. */
        BUFFER,
        /** A pointer to an int variable whose value is known: setsockopt()'s {@code &one}. */
        VALUE,
        /**
         * A pointer to an int the call fills in: getsockopt()'s {@code &err} and {@code &len}. The
         * variable is declared first ({@code int err;}); the lesson shows what the call wrote.
         */
        OUT,
        /** A pointer to a {@code struct rlimit}: setrlimit()'s {@code &lim}; the argument is rlim_cur. */
        LIMIT,
        /** A program's path in quotes: execl()'s, execv()'s and execve()'s first argument. */
        PATH,
        /**
         * A program's arguments: a {@code char *args[]} declared with its strings and NULL (execv, execve),
         * or for execl() the strings written one by one up to {@code (char *)NULL}.
         */
        ARGV,
        /** execve()'s environment: NULL or a {@code char *env[]}; the model does not use it (dropped). */
        ENVP,
        /**
         * pthread_create()'s handle ({@code &t}), start function and argument: the statement parser
         * reads them, since the function is the lesson's own.
         */
        THREAD
    }

    /** Calls C programs often make that a lesson cannot, with what to do instead. */
    static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("getsockname", "Socket Lab shows the local address itself; leave the call out"),
            Map.entry("wait", "the parent need not wait: lines run in the order they are written"),
            Map.entry("waitpid", "the parent need not wait: lines run in the order they are written"),
            Map.entry("pthread_detach", "a lesson joins every thread it starts: pthread_join(t, NULL);"),
            Map.entry("execlp", "Socket Lab does not search PATH: write the whole path with execl(\"/bin/ls\", ...)"),
            Map.entry("execvp", "Socket Lab does not search PATH: write the whole path with execv(\"/bin/ls\", args)"),
            Map.entry("htons", "htons() goes into an address's port: addr.sin_port = htons(8080);"),
            Map.entry("getrlimit", "set the limit with setrlimit(RLIMIT_NOFILE, &lim), or // limit: 8 in the header"));

    private Calls() {
    }

    /** "socket() takes 3 arguments, got 2" */
    static String countMessage(Call call, int got) {
        List<Integer> counts = new ArrayList<>();
        for (List<Kind> form : call.forms()) {
            if (!counts.contains(form.size())) {
                counts.add(form.size());
            }
        }
        String takes = counts.size() == 2 ? counts.get(0) + " or " + counts.get(1) : String.valueOf(counts.get(0));
        String noun = counts.size() == 1 && counts.get(0) == 1 ? "argument" : "arguments";
        return counts.equals(List.of(0))
                ? call.cName() + "() takes no arguments, got " + got
                : call.cName() + "() takes " + takes + " " + noun + ", got " + got;
    }

    /** The canonical arguments of a call written in one of its forms (NULL placeholders already dropped). */
    static List<Argument> canonical(Call call, List<Argument> written) {
        List<Argument> args = new ArrayList<>(written);
        if (call == Call.SEND && args.size() == 2 || call == Call.SENDTO && args.size() == 3) {
            int length = ((Argument.Data) args.get(1)).length();
            args.add(2, new Argument.Constant(length, String.valueOf(length)));
            args.add(3, new Argument.Constant(0, "0"));
        }
        if (call == Call.RECVFROM) {
            return args; // the two NULLs are already dropped
        }
        if ((call == Call.FCNTL || call == Call.IOCTL) && args.size() == 2) {
            args.add(new Argument.Constant(0, "0"));
        }
        return args;
    }
}
