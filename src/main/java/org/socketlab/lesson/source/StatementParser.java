// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import org.socketlab.lesson.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
            "main",
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

    /** Parses the whole lesson. */
    List<Statement> program() {
        if (in.atName("int") && in.peek(1).isName("main") && in.peek(2).is("(")) {
            main();
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
        if (!in.atEnd()) {
            Token t = in.peek();
            problems.add(t.line(), t.column(), "code after the end of main()",
                    "put every line of the lesson inside main()'s braces");
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
        int problemsBefore = problems.count();
        CallParser.Parsed p = calls.parse();
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
        in.expectSemicolon();
        Optional<LocalizedText> narration = narrator.take(in.peek().start(), in.previous().line());
        emit(start, Optional.empty(), Call.EXIT, status == null || problems.count() > problemsBefore ? null
                : List.of(status), text, narration);
    }

    /** Records the call for every running process (unless {@code arguments} is null) and applies its effect. */
    private void emit(Token start, Optional<String> target, Call call, List<Argument> arguments, String text,
                      Optional<LocalizedText> narration) {
        List<Processes.Proc> running = processes.running();
        if (running.isEmpty()) {
            if (!reportedIdle) {
                problems.add(start.line(), start.column(), "no process runs this line", processes.whyNone());
                reportedIdle = true;
            }
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
                if (out.size() >= MAX_STATEMENTS) {
                    if (!reportedLength) {
                        problems.add(start.line(), start.column(), "the lesson is too long",
                                "a lesson makes at most " + MAX_STATEMENTS + " calls");
                        reportedLength = true;
                    }
                    break;
                }
                Optional<String> child = call == Call.FORK ? Optional.of(children.get(i)) : Optional.empty();
                out.add(new Statement(start.line(), start.column(), running.get(i).name, target, call, arguments,
                        text, narration, child));
            }
        }
        if (call == Call.EXIT) {
            processes.exit(start.line());
            reportedIdle = false;
        }
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
