// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socketlab.kernel.SyscallKind;
import org.socketlab.lesson.LocalizedText;

/**
 * The lesson's statements: declarations, assignments, calls, blocks, {@code if} on a fork()
 * result, {@code return}; optionally all inside {@code int main(...) { ... }}. Emits one
 * {@link Statement} per call per running process, in the order they run.
 */
final class StatementParser {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_STATEMENTS = 100_000;
    private static final Set<String> TYPES = Set.of("int", "pid_t", "ssize_t", "socklen_t");
    private static final Set<String> RESERVED = Set.of("if", "else", "return", "int", "pid_t", "ssize_t", "socklen_t",
            "main", "pthread_t",
            "void", "while", "for", "do", "switch", "case", "struct", "char", "long", "short", "unsigned", "const",
            "static", "sizeof", "goto", "break", "continue", "default");
    private static final String STATEMENT_HINT = "each line of a lesson is a call such as close(fd); "
            + "or int fd = socket(AF_INET, SOCK_STREAM, 0);";
    private static final String CONDITION_HINT = "if (...) chooses which process runs a block: write "
            + "if (child == 0) { ... } for the child and else { ... } (or if (child > 0)) for the parent, "
            + "where child holds fork()'s result";

    private final TokenCursor in;
    private final Problems problems;
    private final Narrator narrator;
    private final Processes processes;
    private final boolean quietAtEnd;
    private final Scopes scopes = new Scopes();
    private final CallParser calls;
    private final Locals locals = new Locals();
    private final CStatements cCode;
    private final List<Statement> out = new ArrayList<>();
    /** Where statements go: {@link #out}, or a thread function's own list while its body is read. */
    private List<Statement> sink = out;
    /** The thread functions defined before main(), by name. */
    private final Map<String, ThreadFunction> functions = new HashMap<>();
    /** The global ints, with the value each starts with (C starts a global without one at 0). */
    private final Map<String, Integer> globals = new LinkedHashMap<>();
    /** The thread function whose body is being read, or null in main(). */
    private ThreadFunction inThread;
    /** The unjoined threads a line already raced ("process:handle:line"): each is reported once. */
    private final Set<String> raced = new HashSet<>();
    private int depth;
    private boolean reportedIdle;
    private boolean reportedDepth;
    private boolean reportedLength;

    StatementParser(TokenCursor in, Problems problems, Narrator narrator, Processes processes, boolean quietAtEnd) {
        this.in = in;
        this.problems = problems;
        this.narrator = narrator;
        this.processes = processes;
        this.quietAtEnd = quietAtEnd;
        this.calls = new CallParser(in, problems, scopes, locals);
        this.cCode = new CStatements(in, problems, scopes, locals, calls);
    }

    /**
     * A thread function: {@code static void *worker(void *arg) { ... }} before main(), read once where
     * it is written (its {@code say:} lines are its own); each pthread_create() that starts it runs its
     * statements, in the new thread.
     *
     * @param name     the function's name
     * @param line     where it is defined
     * @param argument its parameter's name
     * @param body     its statements, made by {@link #BODY}, ending with the thread's exit
     */
    private static final class ThreadFunction {
        final String name;
        final int line;
        final String argument;
        final List<Statement> body = new ArrayList<>();
        /** The variable {@code int fd = *(int *)arg;} declares, or "" when the function does not read arg. */
        String reads = "";

        ThreadFunction(String name, int line, String argument) {
            this.name = name;
            this.line = line;
            this.argument = argument;
        }
    }

    /** The process name a thread function's statements carry until a pthread_create() gives them a thread. */
    private static final String BODY = "(thread)";
    private static final String TOP_LEVEL_HINT = "before main() a lesson may declare global ints (static int shared "
            + "= -1;) and thread functions (static void *worker(void *arg) { ... })";
    private static final String FUNCTION_HINT = "write a thread function as C does: static void *worker(void *arg) "
            + "{ ... return NULL; }";

    /** The global ints and the values they start with. */
    Map<String, Integer> globals() {
        return Map.copyOf(globals);
    }

    /** Parses the whole lesson. */
    List<Statement> program() {
        if (in.atName("int") && in.peek(1).isName("main") && in.peek(2).is("(")) {
            main();
            return out;
        }
        if (in.hasMain()) {
            topLevel();
            return out;
        }
        while (!in.atEnd()) {
            if (in.at("}")) {
                Token t = in.next();
                problems.add(t.line(), t.column(), "unmatched '}'", "every '}' closes a '{' opened before it");
            } else {
                statement();
            }
        }
        return out;
    }

    private void main() {
        in.next();
        in.next();
        Token open = in.next();
        int parens = 1;
        while (parens > 0 && !in.atEnd()) {
            Token t = in.next();
            parens += t.is("(") ? 1 : t.is(")") ? -1 : 0;
        }
        if (!in.at("{")) {
            if (parens > 0) {
                problems.add(open.line(), open.column(), "this '(' is never closed", "write int main(void) {");
            } else {
                problems.add(in.peek().line(), in.peek().column(), "expected '{' after main(...), found "
                        + in.peek().describe(), "write int main(void) {");
            }
            return;
        }
        block(in.next());
        for (Processes.Proc p : processes.running()) {
            p.unjoined.forEach((handle, line) -> problems.add(in.previous().line(), in.previous().column(),
                    "main() ends while thread '" + handle + "' (started on line " + line + ") may still run",
                    "wait for it before main() returns: pthread_join(" + handle + ", NULL);"));
        }
        if (!in.atEnd()) {
            Token t = in.peek();
            problems.add(t.line(), t.column(), "code after the end of main()",
                    "put every line of the lesson inside main()'s braces");
        }
    }

    /** Global ints and thread functions, then main(). */
    private void topLevel() {
        while (!in.atEnd() && !(in.atName("int") && in.peek(1).isName("main") && in.peek(2).is("("))) {
            int before = in.position();
            try {
                topLevelItem();
            } catch (Bail bail) {
                in.skipTopLevelItem();
                narrator.take(in.peek().start(), in.previous().line());
            }
            if (in.position() == before) {
                in.next();
            }
        }
        if (!in.atEnd()) {
            main();
        }
    }

    private void topLevelItem() throws Bail {
        if (in.atName("static")) {
            in.next();
        }
        Token t = in.peek();
        if (t.isName("void")) {
            threadFunction();
        } else if (TYPES.contains(t.text()) && in.peek(1).kind() == Token.Kind.NAME) {
            globalInt();
        } else if (t.isName("pthread_t") && in.peek(1).kind() == Token.Kind.NAME) {
            threadHandle();
        } else if (t.kind() == Token.Kind.NAME && in.peek(1).kind() == Token.Kind.NAME && in.peek(2).is("(")) {
            throw in.fail(t, "a lesson's functions are thread functions: void *" + in.peek(1).text() + "(void *arg)",
                    FUNCTION_HINT);
        } else {
            throw in.fail(t, "unexpected " + t.describe() + " before main()", TOP_LEVEL_HINT);
        }
    }

    /** {@code int shared = -1;} or {@code int shared;} (0, as C starts a global): seen by main and every thread. */
    private void globalInt() throws Bail {
        in.next();
        Token name = in.next();
        checkNewName(name);
        int value = 0;
        if (in.at("=")) {
            in.next();
            Argument a = calls.intArgument();
            if (a instanceof Argument.Constant c) {
                value = c.value();
            } else if (a != null) {
                problems.add(name.line(), name.column(), "a global starts with a number, not with " + a.text(),
                        "e.g. static int " + name.text() + " = -1;");
            }
        } else if (!in.at(";")) {
            throw in.fail(in.peek(), "expected '=' or ';' after '" + name.text() + "', found " + in.peek().describe(),
                    TOP_LEVEL_HINT);
        }
        in.expectSemicolon();
        scopes.declare(name.text(), name.line());
        locals.forget(name.text());
        globals.put(name.text(), value);
    }

    /** {@code pthread_t t;}: a thread's handle for pthread_create() to fill in and pthread_join() to wait on. */
    private void threadHandle() throws Bail {
        in.next();
        Token name = in.next();
        checkNewName(name);
        if (in.at("=")) {
            throw in.fail(in.peek(), "a pthread_t is filled in by pthread_create()", "declare it alone: pthread_t "
                    + name.text() + ";");
        }
        in.expectSemicolon();
        scopes.declare(name.text(), name.line());
        locals.threadHandle(name.text());
    }

    /** {@code void *worker(void *arg) { ... }}: read once, here; pthread_create() runs it in a thread. */
    private void threadFunction() throws Bail {
        in.next();
        in.expect("*", FUNCTION_HINT);
        Token name = in.peek();
        if (name.kind() != Token.Kind.NAME) {
            throw in.fail(name, "expected the function's name, found " + name.describe(), FUNCTION_HINT);
        }
        in.next();
        if (functions.containsKey(name.text())) {
            problems.add(name.line(), name.column(), "'" + name.text() + "' is already defined on line "
                    + functions.get(name.text()).line, "give each thread function its own name");
        } else {
            checkNewName(name);
        }
        in.expect("(", FUNCTION_HINT);
        if (!in.atName("void")) {
            throw in.fail(in.peek(), "a thread function takes one void *: (void *arg)", FUNCTION_HINT);
        }
        in.next();
        in.expect("*", FUNCTION_HINT);
        Token argument = in.peek();
        if (argument.kind() != Token.Kind.NAME) {
            throw in.fail(argument, "expected the argument's name, found " + argument.describe(), FUNCTION_HINT);
        }
        in.next();
        in.expect(")", FUNCTION_HINT);
        if (!in.at("{")) {
            throw in.fail(in.peek(), "expected the function's body '{' after " + name.text() + "(void *"
                    + argument.text() + "), found " + in.peek().describe(), FUNCTION_HINT);
        }
        ThreadFunction function = new ThreadFunction(name.text(), name.line(), argument.text());
        functions.put(name.text(), function);
        List<Processes.Proc> main = processes.running();
        processes.restore(List.of(new Processes.Proc(BODY, 0, new HashMap<>())),
                "the thread returned before this line");
        sink = function.body;
        inThread = function;
        reportedIdle = false;
        scopes.push();
        scopes.declare(argument.text(), argument.line());
        locals.threadArgument(argument.text());
        try {
            block(in.next());
            if (!processes.running().isEmpty()) {
                // falling off the end, as C allows: the thread ends there
                Token end = in.previous();
                emit(end, Optional.empty(), Call.EXIT, List.of(new Argument.Constant(0, "NULL")), "return NULL",
                        Optional.empty());
            }
        } finally {
            scopes.pop();
            locals.forget(argument.text());
            inThread = null;
            sink = out;
            processes.restore(main, "");
            reportedIdle = false;
        }
    }

    /** Statements up to the '}' matching {@code open}, in a new scope. */
    private void block(Token open) {
        scopes.push();
        while (!in.at("}")) {
            if (in.atEnd()) {
                if (!quietAtEnd) {
                    problems.add(open.line(), open.column(), "this '{' is never closed", "add a '}' to end the block");
                }
                scopes.pop();
                return;
            }
            statement();
        }
        in.next();
        scopes.pop();
    }

    private void statement() {
        int before = in.position();
        if (depth >= MAX_DEPTH) {
            Token t = in.peek();
            if (!reportedDepth) {
                problems.add(t.line(), t.column(), "blocks are nested too deeply", "a lesson nests at most "
                        + MAX_DEPTH + " blocks");
                reportedDepth = true;
            }
            in.skipStatement();
            if (in.position() == before) {
                in.next();
            }
            return;
        }
        depth++;
        try {
            statementBody();
        } catch (Bail bail) {
            in.skipStatement();
            narrator.take(in.peek().start(), in.previous().line());
        } finally {
            depth--;
        }
        if (in.position() == before) {
            in.next();
        }
    }

    private void statementBody() throws Bail {
        Token t = in.peek();
        Token second = in.peek(1);
        if (t.is(";")) {
            in.next();
        } else if (inThread != null && TYPES.contains(t.text()) && second.kind() == Token.Kind.NAME
                && in.peek(2).is("=") && in.peek(3).is("*")) {
            argumentRead();
        } else if (t.isName("struct") && second.kind() == Token.Kind.NAME) {
            cCode.structDeclaration();
        } else if (t.isName("char") && second.is("*") && in.peek(2).kind() == Token.Kind.NAME
                && in.peek(3).is("[")) {
            cCode.stringsDeclaration();
        } else if (t.isName("char") && second.kind() == Token.Kind.NAME && in.peek(2).is("[")) {
            cCode.arrayDeclaration(true);
        } else if (t.isName("int") && second.kind() == Token.Kind.NAME && in.peek(2).is("[")) {
            cCode.arrayDeclaration(false);
        } else if (TYPES.contains(t.text()) && second.kind() == Token.Kind.NAME && in.peek(2).is("=")
                && !(in.peek(3).kind() == Token.Kind.NAME && in.peek(4).is("(") && !in.peek(3).isName("sizeof")
                && !in.peek(3).isName("strlen"))) {
            cCode.numberDeclaration();
        } else if (TYPES.contains(t.text()) && second.kind() == Token.Kind.NAME && in.peek(2).is(";")) {
            cCode.unsetDeclaration();
        } else if (t.isName("pthread_t") && second.kind() == Token.Kind.NAME) {
            threadHandle();
        } else if (t.isName("pthread_join") && second.is("(")) {
            threadJoin();
        } else if (t.isName("pthread_exit") && second.is("(")) {
            threadExit();
        } else if (t.kind() == Token.Kind.NAME && second.is(".")) {
            cCode.fieldAssignment();
        } else if (t.kind() == Token.Kind.NAME && second.is("(") && CStatements.isHelper(t.text())) {
            cCode.helper();
        } else if (t.kind() == Token.Kind.NAME && RESERVED.contains(t.text()) && !TYPES.contains(t.text())
                && !t.isName("if") && !t.isName("return")) {
            throw unexpected(t, second);
        } else if (t.is("{")) {
            block(in.next());
        } else if (t.isName("if")) {
            ifStatement();
        } else if (t.isName("return")) {
            returnStatement();
        } else if (t.kind() == Token.Kind.NAME && TYPES.contains(t.text()) && second.kind() == Token.Kind.NAME) {
            declaration();
        } else if (t.kind() == Token.Kind.NAME && second.is("=")) {
            assignment();
        } else if (t.kind() == Token.Kind.NAME && second.is("(")) {
            callStatement(t, Optional.empty());
        } else {
            throw unexpected(t, second);
        }
    }

    private Bail unexpected(Token t, Token second) {
        if (t.isName("for") || t.isName("while") || t.isName("do")) {
            return in.fail(t, "loops are not supported", "write each call on its own line");
        }
        if (t.isName("else")) {
            return in.fail(t, "'else' without 'if'", "else follows the block of an if (...)");
        }
        if (t.kind() == Token.Kind.NAME && second.kind() == Token.Kind.NAME) {
            return in.fail(t, "unknown type '" + t.text() + "'", "variables are int (or pid_t) and hold a call's "
                    + "result; addresses are written as strings, e.g. bind(fd, \"127.0.0.1:8080\")");
        }
        if (t.kind() == Token.Kind.NAME) {
            return in.fail(second, "expected '(' or '=' after '" + t.text() + "', found " + second.describe(),
                    STATEMENT_HINT);
        }
        return in.fail(t, "unexpected " + t.describe(), STATEMENT_HINT);
    }

    private void declaration() throws Bail {
        Token start = in.next();
        Token name = in.next();
        if (name.isName("main") && in.at("(")) {
            throw in.fail(start, "main() must wrap the whole lesson", "begin the code with int main(void) { "
                    + "and end it with }, or leave main() out");
        }
        checkNewName(name);
        if (!in.at("=")) {
            throw in.fail(in.peek(), "expected '=' after '" + name.text() + "', found " + in.peek().describe(),
                    "declare a variable with the call that sets it, e.g. int " + name.text()
                            + " = socket(AF_INET, SOCK_STREAM, 0);");
        }
        in.next();
        try {
            requireCall(name);
            callStatement(start, Optional.of(name.text()));
        } finally {
            scopes.declare(name.text(), name.line());
            locals.forget(name.text());
        }
    }

    private void checkNewName(Token name) {
        String n = name.text();
        int earlier = scopes.declaredOn(n);
        if (earlier > 0) {
            problems.add(name.line(), name.column(), "'" + n + "' is already declared on line " + earlier,
                    "to store a new result in it, leave out the type: " + n + " = socket(...);");
        } else if (RESERVED.contains(n) || Call.named(n).isPresent() || Constants.valueOf(n).isPresent()) {
            problems.add(name.line(), name.column(), "'" + n + "' cannot be a variable's name",
                    "it already names a keyword, a call or a constant; choose another name, e.g. fd");
        }
    }

    private void assignment() throws Bail {
        Token name = in.next();
        if (!scopes.isVisible(name.text())) {
            problems.add(name.line(), name.column(), "unknown variable '" + name.text() + "'",
                    Suggestions.hint(name.text(), scopes.visibleNames(), "declare it first: int " + name.text()
                            + " = ...;"));
        }
        in.next();
        requireCall(name);
        locals.forget(name.text());
        callStatement(name, Optional.of(name.text()));
    }

    private void requireCall(Token name) throws Bail {
        if (in.peek().kind() != Token.Kind.NAME || !in.peek(1).is("(")) {
            throw in.fail(in.peek(), "only a call's result can be stored in a variable",
                    "e.g. " + name.text() + " = socket(AF_INET, SOCK_STREAM, 0); numbers go straight into calls: "
                            + "close(3);");
        }
    }

    private void callStatement(Token start, Optional<String> target) throws Bail {
        if (in.atName("pthread_create")) {
            threadCreate(start, target);
            return;
        }
        int problemsBefore = problems.count();
        CallParser.Parsed p = calls.parse();
        if (inThread != null && p.call() != null && (p.call() == Call.FORK || p.call() == Call.EXIT
                || p.call().kind() == SyscallKind.EXECVE)) {
            problems.add(p.name().line(), p.name().column(), p.call() == Call.EXIT
                    ? "exit() in a thread ends the whole process, every thread with it"
                    : p.call().cName() + "() in a thread is not supported",
                    p.call() == Call.EXIT ? "end the thread with return NULL;"
                            : "call it in main(); a thread function opens, uses and closes descriptors");
        }
        if (target.isPresent() && p.call() == Call.EXIT) {
            problems.add(p.name().line(), p.name().column(), "exit() returns nothing to store",
                    "write exit(0); on its own");
        }
        in.expectSemicolon();
        Optional<LocalizedText> narration = narrator.take(in.peek().start(), in.previous().line());
        if (p.call() == null) {
            return;
        }
        boolean ok = p.ok() && problems.count() == problemsBefore;
        emit(start, target, p.call(), ok ? p.arguments() : null, p.text(), narration);
    }

    private void returnStatement() throws Bail {
        Token start = in.next();
        int problemsBefore = problems.count();
        int from = in.position();
        Argument status = in.at(";") ? new Argument.Constant(0, "0") : calls.intArgument();
        String text = in.position() == from ? "return" : "return " + in.text(from, in.position());
        if (inThread != null && status != null && !(status instanceof Argument.Constant c && c.value() == 0)) {
            problems.add(start.line(), start.column(), "a thread function returns NULL here",
                    "write return NULL; the thread's result is not used");
        }
        in.expectSemicolon();
        Optional<LocalizedText> narration = narrator.take(in.peek().start(), in.previous().line());
        emit(start, Optional.empty(), Call.EXIT, status == null || problems.count() > problemsBefore ? null
                : List.of(status), text, narration);
    }

    /**
     * The processes that run the line at {@code at}; when none does, says so once (until a process
     * runs again) and gives an empty list.
     */
    private List<Processes.Proc> runningAt(Token at) {
        List<Processes.Proc> running = processes.running();
        if (running.isEmpty() && !reportedIdle) {
            problems.add(at.line(), at.column(), "no process runs this line", processes.whyNone());
            reportedIdle = true;
        }
        return running;
    }

    /** Records the call for every running process (unless {@code arguments} is null) and applies its effect. */
    private void emit(Token start, Optional<String> target, Call call, List<Argument> arguments, String text,
                      Optional<LocalizedText> narration) {
        List<Processes.Proc> running = runningAt(start);
        if (running.isEmpty()) {
            return;
        }
        if (!mayRunNow(start)) {
            return;
        }
        List<String> children = List.of();
        if (call == Call.FORK) {
            try {
                children = processes.fork(target);
            } catch (Complaint c) {
                problems.add(start.line(), start.column(), c.getMessage(), c.hint());
                return;
            }
        } else if (target.isPresent()) {
            processes.assigned(target.get());
        }
        if (arguments != null) {
            for (int i = 0; i < running.size(); i++) {
                if (out.size() + (sink == out ? 0 : sink.size()) >= MAX_STATEMENTS) {
                    if (!reportedLength) {
                        problems.add(start.line(), start.column(), "the lesson is too long",
                                "a lesson makes at most " + MAX_STATEMENTS + " calls");
                        reportedLength = true;
                    }
                    break;
                }
                Optional<String> child = call == Call.FORK ? Optional.of(children.get(i)) : Optional.empty();
                sink.add(new Statement(start.line(), start.column(), running.get(i).name, target, call, arguments,
                        text, narration, child));
            }
        }
        if (call == Call.EXIT) {
            processes.exit(start.line());
            reportedIdle = false;
        }
    }

    /**
     * False (with a problem) when a running process still has a thread that no pthread_join() waited
     * for: on a real machine the thread and the process's next line would race, and which one takes
     * the lower number would be up to the scheduler. A lesson runs a thread's function whole, at
     * pthread_create(), and that is what the real program does when it joins at once.
     */
    private boolean mayRunNow(Token at) {
        for (Processes.Proc p : processes.running()) {
            if (!p.unjoined.isEmpty()) {
                Map.Entry<String, Integer> first = p.unjoined.entrySet().iterator().next();
                if (!raced.add(p.name + ":" + first.getKey() + ":" + first.getValue())) {
                    return false; // said once for this thread
                }
                problems.add(at.line(), at.column(), "thread '" + first.getKey() + "' (started on line "
                        + first.getValue() + ") may still be running here: on a real machine which of the two "
                        + "goes first is up to the scheduler", "wait for it first: pthread_join(" + first.getKey()
                        + ", NULL); a lesson runs the thread's function whole, where pthread_create() starts it");
                return false;
            }
        }
        return true;
    }

    /**
     * {@code pthread_create(&t, NULL, worker, NULL)} (or {@code &fd}, {@code (void *)&fd} as the argument):
     * in each running process a thread starts, sharing the process's cabinet, and runs the function's
     * statements, which follow this one.
     */
    private void threadCreate(Token start, Optional<String> target) throws Bail {
        Token name = in.next();
        String usage = "write " + Call.PTHREAD_CREATE.usage();
        int problemsBefore = problems.count();
        if (inThread != null) {
            problems.add(name.line(), name.column(), "a thread cannot start another thread in a lesson",
                    "start every thread from main()");
        }
        int from = in.position();
        in.expect("(", usage);
        in.expect("&", "pthread_create() fills in a pthread_t: pthread_create(&t, NULL, worker, NULL)");
        Token handle = in.next();
        if (handle.kind() != Token.Kind.NAME || !scopes.isVisible(handle.text())
                || !locals.isThreadHandle(handle.text())) {
            problems.add(handle.line(), handle.column(), "'" + handle.text() + "' is not a declared pthread_t",
                    "declare it first: pthread_t " + (handle.kind() == Token.Kind.NAME ? handle.text() : "t") + ";");
        }
        in.expect(",", usage);
        Argument attributes = calls.intArgument();
        if (attributes != null && !(attributes instanceof Argument.Constant c && c.value() == 0)) {
            problems.add(in.previous().line(), in.previous().column(), "pthread_create() takes NULL here",
                    "Socket Lab starts threads with the default attributes: NULL");
        }
        in.expect(",", usage);
        if (in.at("&")) {
            in.next();
        }
        Token function = in.next();
        ThreadFunction f = function.kind() == Token.Kind.NAME ? functions.get(function.text()) : null;
        if (f == null) {
            problems.add(function.line(), function.column(), "'" + function.text() + "' is not a thread function "
                    + "of this lesson", "define it before main(): static void *" + (function.kind()
                    == Token.Kind.NAME ? function.text() : "worker") + "(void *arg) { ... return NULL; }");
        }
        in.expect(",", usage);
        Argument argument = threadArgument();
        in.expect(")", usage);
        String text = "pthread_create" + in.text(from, in.position());
        in.expectSemicolon();
        Optional<LocalizedText> narration = narrator.take(in.peek().start(), in.previous().line());
        if (f != null && argument != null && !f.reads.isEmpty() && argument instanceof Argument.Constant c
                && c.value() == 0 && c.text().equals("NULL")) {
            problems.add(name.line(), name.column(), f.name + "() reads *(int *)" + f.argument
                    + ", but pthread_create() passes it NULL", "pass the int it should read: pthread_create(&"
                    + handle.text() + ", NULL, " + f.name + ", &fd)");
        }
        if (problems.count() > problemsBefore || f == null || argument == null || !mayRunNow(start)) {
            return;
        }
        List<Processes.Proc> running = runningAt(start);
        if (running.isEmpty()) {
            return;
        }
        target.ifPresent(processes::assigned);
        List<Argument> arguments = List.of(new Argument.Variable(handle.text()),
                new Argument.ThreadStart(f.name, f.reads), argument);
        for (Processes.Proc p : running) {
            String thread;
            try {
                thread = processes.thread();
            } catch (Complaint c) {
                problems.add(start.line(), start.column(), c.getMessage(), c.hint());
                return;
            }
            if (out.size() + f.body.size() >= MAX_STATEMENTS) {
                problems.add(start.line(), start.column(), "the lesson is too long",
                        "a lesson makes at most " + MAX_STATEMENTS + " calls");
                return;
            }
            out.add(new Statement(start.line(), start.column(), p.name, target, Call.PTHREAD_CREATE, arguments,
                    text, narration, Optional.of(thread)));
            for (Statement s : f.body) {
                out.add(s.by(thread));
            }
            p.unjoined.put(handle.text(), start.line());
        }
    }

    /** pthread_create()'s last argument: NULL (or 0), or the address of an int, {@code &fd} or {@code (void *)&fd}. */
    private Argument threadArgument() throws Bail {
        String hint = "pass NULL, or the address of an int the thread reads: &fd";
        if (in.at("(") && in.peek(1).isName("void") && in.peek(2).is("*") && in.peek(3).is(")")) {
            for (int i = 0; i < 4; i++) {
                in.next();
            }
        }
        if (!in.at("&")) {
            Argument a = calls.intArgument();
            if (a != null && !(a instanceof Argument.Constant c && c.value() == 0)) {
                problems.add(in.previous().line(), in.previous().column(), "the thread's argument is a pointer",
                        hint);
                return null;
            }
            return a == null ? null : new Argument.Constant(0, "NULL");
        }
        in.next();
        Token variable = in.next();
        if (variable.kind() != Token.Kind.NAME || !scopes.isVisible(variable.text())) {
            problems.add(variable.line(), variable.column(), "unknown variable '" + variable.text() + "'",
                    Suggestions.hint(variable.text(), scopes.visibleNames(), hint));
            return null;
        }
        Optional<Integer> known = locals.numberOf(variable.text());
        if (known.isPresent()) {
            return new Argument.Constant(known.get(), "&" + variable.text());
        }
        if (locals.isThreadHandle(variable.text()) || locals.isThreadArgument(variable.text())
                || locals.isUnsetInt(variable.text()) || locals.sizeOf(variable.text()).filter(n -> n != Locals.INT_SIZE)
                .isPresent() || locals.structs.named(variable.text()).isPresent()) {
            problems.add(variable.line(), variable.column(), "the thread reads an int through its argument, and '"
                    + variable.text() + "' is not an int with a value", hint);
            return null;
        }
        return new Argument.Variable(variable.text());
    }

    /** {@code int fd = *(int *)arg;} in a thread function: the int pthread_create()'s argument points at. */
    private void argumentRead() throws Bail {
        in.next();
        Token name = in.next();
        String hint = "read the argument as C does: int fd = *(int *)" + inThread.argument + ";";
        checkNewName(name);
        in.next();
        in.expect("*", hint);
        in.expect("(", hint);
        if (!in.atName("int")) {
            throw in.fail(in.peek(), "the argument points at an int", hint);
        }
        in.next();
        in.expect("*", hint);
        in.expect(")", hint);
        Token argument = in.next();
        if (!argument.isName(inThread.argument)) {
            throw in.fail(argument, "expected the thread's argument '" + inThread.argument + "', found "
                    + argument.describe(), hint);
        }
        in.expectSemicolon();
        if (!inThread.reads.isEmpty()) {
            problems.add(name.line(), name.column(), inThread.name + "() reads its argument once, into '"
                    + inThread.reads + "'", "use '" + inThread.reads + "' again");
        } else {
            inThread.reads = name.text();
        }
        scopes.declare(name.text(), name.line());
        locals.forget(name.text());
    }

    /** {@code pthread_join(t, NULL);}: main waits for the thread; the thread's lines have all run by now. */
    private void threadJoin() throws Bail {
        Token name = in.next();
        String usage = "write pthread_join(t, NULL); with the pthread_t that pthread_create() filled in";
        in.expect("(", usage);
        Token handle = in.next();
        in.expect(",", usage);
        Argument result = calls.intArgument();
        in.expect(")", usage);
        in.expectSemicolon();
        if (inThread != null) {
            problems.add(name.line(), name.column(), "a thread cannot join another thread in a lesson",
                    "join every thread in main(), the thread that started it");
            return;
        }
        if (result != null && !(result instanceof Argument.Constant c && c.value() == 0)) {
            problems.add(name.line(), name.column(), "pthread_join() takes NULL here",
                    "the thread's result is not used: pthread_join(" + handle.text() + ", NULL);");
        }
        if (handle.kind() != Token.Kind.NAME || !scopes.isVisible(handle.text())
                || !locals.isThreadHandle(handle.text())) {
            problems.add(handle.line(), handle.column(), "'" + handle.text() + "' is not a declared pthread_t",
                    usage);
            return;
        }
        List<Processes.Proc> running = runningAt(name);
        if (running.isEmpty()) {
            return;
        }
        for (Processes.Proc p : running) {
            if (p.unjoined.remove(handle.text()) == null) {
                problems.add(handle.line(), handle.column(), "no thread to join: '" + handle.text()
                        + "' holds no running thread here", "pthread_create(&" + handle.text()
                        + ", NULL, worker, NULL); starts one; join each thread once");
                return;
            }
        }
    }

    /** {@code pthread_exit(NULL);} in a thread function: the thread ends, as {@code return NULL;} ends it. */
    private void threadExit() throws Bail {
        Token start = in.next();
        int from = in.position();
        in.expect("(", "write pthread_exit(NULL);");
        Argument value = calls.intArgument();
        in.expect(")", "write pthread_exit(NULL);");
        String text = "pthread_exit" + in.text(from, in.position());
        in.expectSemicolon();
        Optional<LocalizedText> narration = narrator.take(in.peek().start(), in.previous().line());
        if (inThread == null) {
            problems.add(start.line(), start.column(), "pthread_exit() ends a thread: write it in a thread function",
                    "main() ends with return 0;");
            return;
        }
        if (value != null && !(value instanceof Argument.Constant c && c.value() == 0)) {
            problems.add(start.line(), start.column(), "pthread_exit() takes NULL here",
                    "write pthread_exit(NULL); the thread's result is not used");
            return;
        }
        emit(start, Optional.empty(), Call.EXIT, value == null ? null : List.of(new Argument.Constant(0, "NULL")),
                text, narration);
    }

    private void ifStatement() throws Bail {
        Token ifToken = in.next();
        in.expect("(", "write if (child == 0)");
        Condition condition = condition();
        in.expect(")", CONDITION_HINT);
        Processes.Split split;
        try {
            split = processes.split(condition.variable().text(), condition.side());
        } catch (Complaint c) {
            throw in.fail(condition.variable(), c.getMessage(), c.hint());
        }
        String why = "no process that is still running takes this branch of the if on line " + ifToken.line();
        processes.restore(split.chosen(), why);
        reportedIdle = false;
        body();
        List<Processes.Proc> afterThen = processes.running();
        processes.restore(split.others(), why);
        reportedIdle = false;
        if (in.atName("else")) {
            in.next();
            body();
        }
        List<Processes.Proc> after = Processes.union(afterThen, processes.running());
        processes.restore(after, "every process ended (exit or return) before this line");
        reportedIdle = false;
    }

    /** An if's test: which side of the fork() that set the variable runs the block. */
    private record Condition(Token variable, Processes.Side side) {
    }

    /** Reads {@code v == 0}, {@code !v} (the child) or {@code v != 0}, {@code v > 0}, {@code v} (the parent). */
    private Condition condition() throws Bail {
        if (in.at("!") && in.peek(1).kind() == Token.Kind.NAME) {
            in.next();
            return new Condition(in.next(), Processes.Side.CHILD);
        }
        Token v = in.peek();
        if (v.kind() != Token.Kind.NAME) {
            throw in.fail(v, "Socket Lab cannot read this condition", CONDITION_HINT);
        }
        in.next();
        if (in.at(")")) {
            return new Condition(v, Processes.Side.PARENT);
        }
        Token op = in.peek();
        Token rhs = in.peek(1);
        boolean zero = rhs.kind() == Token.Kind.NUMBER && rhs.number() == 0;
        if (zero && (op.is("==") || op.is("!=") || op.is(">"))) {
            in.next();
            in.next();
            return new Condition(v, op.is("==") ? Processes.Side.CHILD : Processes.Side.PARENT);
        }
        if (op.is("<") || op.is("==") && rhs.is("-")) {
            throw in.fail(op, "a lesson needs no error checks: Socket Lab shows a failed call and its errno itself",
                    "leave the check out; " + CONDITION_HINT);
        }
        throw in.fail(op, "Socket Lab cannot read this condition", CONDITION_HINT);
    }

    private void body() {
        if (in.at("{")) {
            block(in.next());
        } else {
            scopes.push();
            statement();
            scopes.pop();
        }
    }
}
