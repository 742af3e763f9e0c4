// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A random valid lesson, built from a list of choices (so jqwik can shrink it), together with
 * the calls the parser must find in it: "process: v = call(args) «zh|en»" per statement.
 * Variables are declared before use; a fork's child runs the if block, the parent the else. A lesson
 * with main() may have a thread function and a global int before it, and start the function in one
 * or two threads, each joined at once: the thread's lines follow its pthread_create().
 */
final class RandomLesson {
    private static final String[][] FAMILIES = {{"AF_INET", "2"}, {"AF_INET6", "10"}, {"AF_UNIX", "1"},
            {"PF_INET", "2"}, {"AF_PACKET", "17"}, {"2", "2"}};
    private static final String[][] TYPES = {{"SOCK_STREAM", "1"}, {"SOCK_DGRAM", "2"}, {"SOCK_RAW", "3"}};
    private static final String[][] FLAGS = {{"SOCK_NONBLOCK", "2048"}, {"SOCK_CLOEXEC", "524288"}};
    private static final String[][] PROTOCOLS = {{"0", "0"}, {"IPPROTO_TCP", "6"}, {"IPPROTO_UDP", "17"},
            {"0x11", "17"}};
    private static final String[][] HOW = {{"SHUT_RD", "0"}, {"SHUT_WR", "1"}, {"SHUT_RDWR", "2"}};
    private static final String[] WORDS = {"套接字", "号码", "the ticket", "a box", "表格", "close it"};

    final StringBuilder text = new StringBuilder();
    final List<String> expected = new ArrayList<>();
    private final Iterator<Integer> choices;
    private final List<String> visible = new ArrayList<>();
    private String root = "app";
    private List<String> alive;
    private int nextVariable;
    private String indent = "";
    /** The thread function's lines as the parser describes them, without the thread's name; null if none. */
    private List<String> threadBody;
    private boolean threadReads;
    private int threads;

    private RandomLesson(List<Integer> choices) {
        this.choices = choices.iterator();
    }

    static RandomLesson from(List<Integer> choices) {
        RandomLesson lesson = new RandomLesson(choices);
        lesson.build();
        return lesson;
    }

    private int pick(int n) {
        return choices.hasNext() ? Math.floorMod(choices.next(), n) : 0;
    }

    private boolean maybe() {
        return pick(2) == 1;
    }

    private void build() {
        if (maybe()) {
            line("// title: " + WORDS[pick(WORDS.length)] + " | " + WORDS[pick(WORDS.length)]);
        }
        if (maybe()) {
            line("// limit: " + (maybe() ? pick(12) : pick(2000)));
        }
        if (maybe()) {
            line("// memory: " + new String[] {"4 KiB", "7000", "8 KiB", "16 KiB", "64 KiB"}[pick(5)]);
        }
        if (maybe()) {
            line("// privileges: " + (maybe() ? "root" : "user"));
        }
        if (maybe()) {
            root = new String[] {"app", "server", "shell"}[pick(3)];
            line("// process: " + root);
        }
        if (maybe()) {
            line("#include <sys/socket.h>");
        }
        alive = List.of(root);
        boolean main = maybe();
        if (main) {
            if (maybe()) {
                threadFunction();
            }
            line("int main(void) {");
            indent = "    ";
        }
        line(indent + "int sv[2];");
        line(indent + "char buf[16];");
        line(indent + "int one = 1;");
        line(indent + "struct rlimit lim = {64, 64};");
        line(indent + "int err;");
        line(indent + "struct linger lin = {1, 0};");
        line(indent + "socklen_t len = sizeof err;");
        line(indent + "char *args[] = {\"prog\", NULL};");
        // write() has no MSG_NOSIGNAL: SIGPIPE would end the process, and the properties want every line to run
        line(indent + "signal(SIGPIPE, SIG_IGN);");
        expected.add(root + ": signal(13, 1)");
        if (maybe()) {
            server();
        }
        if (threadBody != null) {
            line(indent + "pthread_t t;");
            int starts = 1 + pick(2);
            for (int i = 0; i < starts; i++) {
                startThread();
                if (maybe()) {
                    statement(List.of(root));
                }
            }
        }
        int before = pick(5);
        for (int i = 0; i < before; i++) {
            statement(List.of(root));
        }
        if (pick(3) == 0) {
            fork();
        } else if (before == 0) {
            statement(List.of(root));
        }
        if (main) {
            if (maybe()) {
                line(indent + "return 0;");
                for (String p : alive) {
                    expected.add(p + ": exit(0)");
                }
            }
            line("}");
        }
    }

    private void fork() {
        line(indent + "pid_t kid = fork();");
        expected.add(root + ": kid = fork()");
        line(indent + (maybe() ? "if (kid == 0) {" : "if (!kid) {"));
        int outer = visible.size();
        visible.add("kid");
        String saved = indent;
        indent += "    ";
        int inChild = pick(4);
        for (int i = 0; i < inChild; i++) {
            statement(List.of("child"));
        }
        boolean exits = maybe();
        if (exits) {
            int status = pick(3);
            line(indent + (maybe() ? "exit(" + status + ");" : "return " + status + ";"));
            expected.add("child: exit(" + status + ")");
        }
        trim(outer + 1);
        indent = saved;
        if (maybe()) {
            line(indent + "} else {");
            indent += "    ";
            int inParent = pick(3);
            for (int i = 0; i < inParent; i++) {
                statement(List.of(root));
            }
            trim(outer + 1);
            indent = saved;
        }
        line(indent + "}");
        alive = exits ? List.of(root) : List.of(root, "child");
        int after = pick(3);
        for (int i = 0; i < after; i++) {
            statement(alive);
        }
    }

    /**
     * A global int and {@code static void *worker(void *arg)} before main(): a few socket() and close()
     * calls on its own variables, the global and, when it reads it, the int its argument points at; then
     * return NULL, pthread_exit(NULL), or the end of the function.
     */
    private void threadFunction() {
        line("static int shared = -1;");
        line("static void *worker(void *arg) {");
        threadBody = new ArrayList<>();
        threadReads = maybe();
        List<String> own = new ArrayList<>(List.of("shared"));
        if (threadReads) {
            line("    int got = *(int *)arg;");
            own.add("got");
        }
        int lines = pick(4);
        for (int i = 0; i < lines; i++) {
            String say = "";
            String shown = "";
            if (pick(3) == 0) {
                String word = WORDS[pick(WORDS.length)];
                say = " // say: " + word;
                shown = " «" + word + "|" + word + "»";
            }
            if (maybe()) {
                String[] f = FAMILIES[pick(3)];
                String[] t = TYPES[pick(2)];
                String target = maybe() ? "shared" : "w" + nextVariable++;
                boolean declare = !own.contains(target);
                line("    " + (declare ? "int " : "") + target + " = socket(" + f[0] + ", " + t[0] + ", 0);" + say);
                threadBody.add(target + " = socket(" + f[1] + ", " + t[1] + ", 0)" + shown);
                own.add(target);
            } else {
                String fd = own.get(pick(own.size()));
                line("    close(" + fd + ");" + say);
                threadBody.add("close(" + fd + ")" + shown);
            }
        }
        switch (pick(3)) {
            case 0 -> line("    return NULL;");
            case 1 -> line("    pthread_exit(NULL);");
            default -> {
                // the end of the function ends the thread
            }
        }
        threadBody.add("exit(0)");
        line("}");
        visible.add("shared");
    }

    /** pthread_create() of the thread function, joined at once: the thread's lines follow it. */
    private void startThread() {
        String argument = "NULL";
        String shown = "0";
        List<String> ints = visible.stream().filter(v -> !v.equals("kid")).toList();
        if (threadReads || maybe()) {
            if (maybe() || ints.isEmpty()) {
                argument = "&one";
                shown = "1";
            } else {
                String v = ints.get(pick(ints.size()));
                argument = (maybe() ? "(void *)&" : "&") + v;
                shown = v;
            }
        }
        line(indent + "pthread_create(&t, NULL, worker, " + argument + ");");
        String thread = threads++ == 0 ? "thread" : "thread" + threads;
        expected.add(root + ": pthread_create(t, worker, " + shown + ")");
        for (String body : threadBody) {
            expected.add(thread + ": " + body);
        }
        line(indent + "pthread_join(t, NULL);");
    }

    /** A listening TCP server at 127.0.0.1:8080 and a client socket, so that connect() and accept() meet. */
    private void server() {
        String variable = "srv" + nextVariable++;
        int backlog = pick(3);
        line(indent + "int " + variable + " = socket(AF_INET, SOCK_STREAM, 0);");
        line(indent + "bind(" + variable + ", \"127.0.0.1:8080\");");
        line(indent + "listen(" + variable + ", " + backlog + ");");
        expected.add(root + ": " + variable + " = socket(2, 1, 0)");
        expected.add(root + ": bind(" + variable + ", 127.0.0.1:8080)");
        expected.add(root + ": listen(" + variable + ", " + backlog + ")");
        visible.add(variable);
        String client = "cli" + nextVariable++;
        boolean nonBlocking = maybe();
        line(indent + "int " + client + " = socket(AF_INET, SOCK_STREAM" + (nonBlocking ? " | SOCK_NONBLOCK" : "") + ", 0);");
        expected.add(root + ": " + client + " = socket(2, " + (nonBlocking ? 2049 : 1) + ", 0)");
        visible.add(client);
    }

    private void trim(int size) {
        while (visible.size() > size) {
            visible.remove(visible.size() - 1);
        }
    }

    private void statement(List<String> processes) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (pick(4) == 0) {
            zh.add(WORDS[pick(WORDS.length)]);
            en.add(WORDS[pick(WORDS.length)]);
            line(indent + "// say: " + zh.get(0) + " | " + en.get(0));
        }
        String target = "";
        String declaration = "";
        int assign = pick(3);
        List<String> reassignable = visible.stream().filter(v -> !v.equals("kid")).toList();
        if (assign == 1) {
            target = "v" + nextVariable++;
            declaration = (maybe() ? "int " : "ssize_t ") + target + " = ";
        } else if (assign == 2 && !reassignable.isEmpty()) {
            target = reassignable.get(pick(reassignable.size()));
            declaration = target + " =" + space();
        }
        String[] call = call();
        String code = indent + declaration + call[0] + ";";
        if (pick(4) == 0) {
            String both = WORDS[pick(WORDS.length)];
            code += space() + "// say: " + both;
            zh.add(both);
            en.add(both);
        } else if (maybe()) {
            code += " /* note */";
        }
        line(code);
        if (assign == 1) {
            visible.add(target);
        }
        String shown = zh.isEmpty() ? "" : " «" + String.join("\n", zh) + "|" + String.join("\n", en) + "»";
        for (String p : processes) {
            expected.add(p + ": " + (target.isEmpty() ? "" : target + " = ") + call[1] + shown);
        }
    }

    /** A call as written and as the parser describes it. */
    private String[] call() {
        String[] descriptor = fd();
        String fd = descriptor[0];
        String fdShown = descriptor[1];
        switch (pick(28)) {
            case 0, 12, 13: {
                String[] f = FAMILIES[pick(FAMILIES.length)];
                String[] t = TYPES[pick(TYPES.length)];
                String[] p = PROTOCOLS[pick(PROTOCOLS.length)];
                String type = t[0];
                int typeValue = Integer.parseInt(t[1]);
                if (maybe()) {
                    String[] flag = FLAGS[pick(FLAGS.length)];
                    type += space() + "|" + space() + flag[0];
                    typeValue |= Integer.parseInt(flag[1]);
                }
                return new String[] {"socket(" + f[0] + "," + space() + type + ", " + p[0] + ")",
                        "socket(" + f[1] + ", " + typeValue + ", " + p[1] + ")"};
            }
            case 1:
                return new String[] {"close(" + space() + fd + ")", "close(" + fdShown + ")"};
            case 2: {
                String[] address = address();
                return new String[] {"bind(" + fd + ", " + address[0] + ")", "bind(" + fdShown + ", " + address[1] + ")"};
            }
            case 3: {
                String[] address = address();
                return new String[] {"connect(" + fd + ", " + address[0] + ")",
                        "connect(" + fdShown + ", " + address[1] + ")"};
            }
            case 4: {
                int backlog = pick(200);
                return maybe() ? new String[] {"listen(" + fd + ", SOMAXCONN)", "listen(" + fdShown + ", 4096)"}
                        : new String[] {"listen(" + fd + ", " + backlog + ")", "listen(" + fdShown + ", " + backlog + ")"};
            }
            case 5:
                return maybe() ? new String[] {"accept(" + fd + ")", "accept(" + fdShown + ")"}
                        : new String[] {"accept(" + fd + ", NULL, NULL)", "accept(" + fdShown + ")"};
            case 6: {
                String[] flag = FLAGS[pick(FLAGS.length)];
                return new String[] {"accept4(" + fd + ", NULL, NULL, " + flag[0] + ")",
                        "accept4(" + fdShown + ", " + flag[1] + ")"};
            }
            case 7: {
                String data = "abcdefgh".substring(0, pick(9));
                // Always MSG_NOSIGNAL: SIGPIPE would end the process, and the properties want every line to run.
                int n = pick(data.length() + 1);
                return new String[] {"send(" + fd + ", \"" + data + "\", " + n + ", MSG_NOSIGNAL)",
                        "send(" + fdShown + ", \"" + data + "\", " + n + ", 16384)"};
            }
            case 8: {
                String[] address = address();
                return new String[] {"sendto(" + fd + ", \"x\", 1, MSG_NOSIGNAL, " + address[0] + ")",
                        "sendto(" + fdShown + ", \"x\", 1, 16384, " + address[1] + ")"};
            }
            case 9: {
                String[] how = HOW[pick(HOW.length)];
                return new String[] {"shutdown(" + fd + ", " + how[0] + ")", "shutdown(" + fdShown + ", " + how[1] + ")"};
            }
            case 17:
                return new String[] {"recv(" + fd + ", buf, sizeof buf, MSG_DONTWAIT)", "recv(" + fdShown + ", 16, 16, 64)"};
            case 18: {
                int n = pick(17);
                return new String[] {"recvfrom(" + fd + ", buf, " + n + ", 0, NULL, NULL)",
                        "recvfrom(" + fdShown + ", 16, " + n + ", 0)"};
            }
            case 19:
                return new String[] {"read(" + fd + ", buf, sizeof(buf))", "read(" + fdShown + ", 16, 16)"};
            case 20:
                return new String[] {"write(" + fd + ", \"ab\", 2)", "write(" + fdShown + ", \"ab\", 2)"};
            case 21:
                return maybe() ? new String[] {"setsockopt(" + fd + ", SOL_SOCKET, SO_REUSEADDR, &one, sizeof one)",
                        "setsockopt(" + fdShown + ", 1, 2, 1, 4)"}
                        : new String[] {"setsockopt(" + fd + ", SOL_SOCKET, SO_LINGER, &lin, sizeof lin)",
                        "setsockopt(" + fdShown + ", 1, 13, &lin, 8)"};
            case 22:
                return new String[] {"signal(SIGPIPE, SIG_IGN)", "signal(13, 1)"};
            case 23:
                return new String[] {"setrlimit(RLIMIT_NOFILE, &lim)", "setrlimit(7, 64)"};
            case 24:
                return new String[] {"getsockopt(" + fd + ", SOL_SOCKET, SO_ERROR, &err, &len)",
                        "getsockopt(" + fdShown + ", 1, 4, 0, 0)"};
            // exec of a path with no program: ENOENT, and every later line still runs
            case 25:
                return new String[] {"execl(\"/no/prog\", \"prog\", \"-x\"," + space() + "(char *)NULL)",
                        "execl(\"/no/prog\", \"prog\", \"-x\")"};
            case 26:
                return new String[] {"execv(\"/no/prog\"," + space() + "args)", "execv(\"/no/prog\", args)"};
            case 27:
                return new String[] {"execve(\"/no/prog\", args, NULL)", "execve(\"/no/prog\", args)"};
            case 14:
                return new String[] {"socketpair(AF_UNIX, SOCK_STREAM, 0," + space() + "sv)", "socketpair(1, 1, 0, sv)"};
            case 10:
                return new String[] {"dup(" + fd + ")", "dup(" + fdShown + ")"};
            case 15:
                return maybe() ? new String[] {"fcntl(" + fd + ", F_SETFL, O_NONBLOCK)", "fcntl(" + fdShown + ", 4, 2048)"}
                        : new String[] {"fcntl(" + fd + ", F_GETFL)", "fcntl(" + fdShown + ", 3, 0)"};
            case 16:
                return maybe() ? new String[] {"ioctl(" + fd + ", FIONBIO, 1)", "ioctl(" + fdShown + ", 21537, 1)"}
                        : new String[] {"ioctl(" + fd + ", FIOCLEX)", "ioctl(" + fdShown + ", 21585, 0)"};
            default: {
                int to = pick(30);
                return new String[] {"dup2(" + fd + ", " + to + ")", "dup2(" + fdShown + ", " + to + ")"};
            }
        }
    }

    /** A descriptor argument as written (a variable, or a number in decimal, hex or octal) and as shown. */
    private String[] fd() {
        if (!visible.isEmpty() && pick(3) != 0) {
            String variable = visible.get(pick(visible.size()));
            return new String[] {variable, variable};
        }
        int n = pick(20);
        String written = switch (pick(3)) {
            case 0 -> "0x" + Integer.toHexString(n);
            case 1 -> n == 0 ? "0" : "0" + Integer.toOctalString(n);
            default -> String.valueOf(n);
        };
        return new String[] {written, String.valueOf(n)};
    }

    private String[] address() {
        int port = pick(4) == 0 ? 8080 : pick(65536);
        return switch (pick(3)) {
            case 0 -> new String[] {"\"127.0.0.1:" + port + "\"", "127.0.0.1:" + port};
            case 1 -> new String[] {"\"[::1]:" + port + "\"", "[::1]:" + port};
            default -> new String[] {"\"/tmp/s" + port + "\"", "/tmp/s" + port};
        };
    }

    private String space() {
        return new String[] {"", " ", "  ", "\t"}[pick(4)];
    }

    private void line(String s) {
        text.append(s).append('\n');
        if (pick(5) == 0) {
            text.append('\n');
        }
    }
}
