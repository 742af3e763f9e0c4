// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code name(arguments)} and resolves the arguments: constants to numbers, names to
 * declared variables, strings to data or addresses, each checked against the call's forms.
 */
final class CallParser {
    /** How deep parentheses may nest inside one argument. */
    private static final int MAX_PARENS = 32;

    /**
     * A parsed call.
     *
     * @param name      the call's name token
     * @param call      the call, or null when the name is unknown
     * @param arguments the canonical arguments, or null when they had problems
     * @param text      the call as written
     */
    record Parsed(Token name, Call call, List<Argument> arguments, String text) {
        boolean ok() {
            return call != null && arguments != null;
        }
    }

    /** An argument before it is resolved: a string token, or the terms of a {@code |} expression. */
    private record Raw(Token first, String text, List<Term> terms) {
        boolean isString() {
            return first.kind() == Token.Kind.STRING;
        }
    }

    /** A number (possibly negated) or a name inside an expression. */
    private record Term(Token token, boolean negative) {
    }

    private final TokenCursor in;
    private final Problems problems;
    private final Scopes scopes;

    CallParser(TokenCursor in, Problems problems, Scopes scopes) {
        this.in = in;
        this.problems = problems;
        this.scopes = scopes;
    }

    /** Parses a call; the cursor is at its name and the next token is '('. */
    Parsed parse() throws Bail {
        Token name = in.next();
        in.next();
        List<Raw> raws = new ArrayList<>();
        if (!in.at(")")) {
            raws.add(raw());
            while (in.at(",")) {
                in.next();
                raws.add(raw());
            }
        }
        in.expect(")", "arguments are separated by ',' and end with ')'");
        List<String> texts = new ArrayList<>();
        raws.forEach(r -> texts.add(r.text()));
        String text = name.text() + "(" + String.join(", ", texts) + ")";
        Optional<Call> known = Call.named(name.text());
        if (known.isEmpty()) {
            problems.add(name.line(), name.column(), "unknown call '" + name.text() + "'",
                    unknownCallHint(name.text()));
            for (Raw r : raws) {
                if (!r.isString()) {
                    resolveInt(r);
                }
            }
            return new Parsed(name, null, null, text);
        }
        Call call = known.get();
        List<Calls.Kind> form = null;
        for (List<Calls.Kind> f : call.forms()) {
            if (f.size() == raws.size()) {
                form = f;
            }
        }
        if (form == null) {
            problems.add(name.line(), name.column(), Calls.countMessage(call, raws.size()),
                    "write " + call.usage());
            return new Parsed(name, call, null, text);
        }
        List<Argument> written = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < raws.size(); i++) {
            Argument a = resolve(call, form.get(i), raws.get(i));
            ok &= a != null;
            if (a != null && form.get(i) != Calls.Kind.NULL) {
                written.add(a);
            }
        }
        if (ok && (call == Call.SEND || call == Call.SENDTO) && raws.size() > 3) {
            ok = lengthFits(call, written, raws.get(2));
        }
        return new Parsed(name, call, ok ? Calls.canonical(call, written) : null, text);
    }

    private static String unknownCallHint(String name) {
        String known = Calls.UNSUPPORTED.get(name);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        for (Call c : Call.values()) {
            names.add(c.cName());
        }
        return Suggestions.hint(name, names, "a lesson can call " + String.join(", ", names));
    }

    /** An argument expression; the cursor moves past it. */
    Argument intArgument() throws Bail {
        return resolveInt(raw());
    }

    private Raw raw() throws Bail {
        int from = in.position();
        Token first = in.peek();
        List<Term> terms = new ArrayList<>();
        if (first.kind() == Token.Kind.STRING) {
            in.next();
        } else {
            expression(terms, 0);
        }
        return new Raw(first, in.text(from, in.position()), terms);
    }

    private void expression(List<Term> terms, int depth) throws Bail {
        term(terms, depth);
        while (in.at("|")) {
            in.next();
            term(terms, depth);
        }
    }

    private void term(List<Term> terms, int depth) throws Bail {
        Token t = in.peek();
        if (t.is("-") && in.peek(1).kind() == Token.Kind.NUMBER) {
            in.next();
            terms.add(new Term(in.next(), true));
        } else if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.NAME) {
            terms.add(new Term(in.next(), false));
        } else if (t.is("(") && depth < MAX_PARENS) {
            in.next();
            expression(terms, depth + 1);
            in.expect(")", "close the parenthesis");
        } else {
            throw in.fail(t, "expected a number, a constant or a variable, found " + t.describe(),
                    t.is("&") || t.is("*") ? "addresses are written as strings, e.g. \"127.0.0.1:8080\""
                            : t.is("'") ? "strings are written in double quotes: \"hello\""
                            : "e.g. AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0 or a variable's name");
        }
    }

    private Argument resolve(Call call, Calls.Kind kind, Raw raw) {
        String callName = call.cName() + "()";
        Token at = raw.first();
        switch (kind) {
            case INT, NULL -> {
                if (raw.isString()) {
                    problems.add(at.line(), at.column(), callName + " needs a number here, not a string",
                            "e.g. " + call.usage());
                    return null;
                }
                Argument a = resolveInt(raw);
                if (kind == Calls.Kind.NULL && a != null
                        && !(a instanceof Argument.Constant && ((Argument.Constant) a).value() == 0)) {
                    problems.add(at.line(), at.column(), callName + " takes NULL here",
                            "Socket Lab does not report the peer's address; write NULL");
                    return null;
                }
                return a;
            }
            case DATA -> {
                if (!raw.isString()) {
                    problems.add(at.line(), at.column(), callName + " needs the data in quotes here",
                            "e.g. " + call.usage());
                    return null;
                }
                return new Argument.Data(at.string(), at.text());
            }
            default -> {
                if (!raw.isString()) {
                    problems.add(at.line(), at.column(), callName + " needs an address in quotes here",
                            Addresses.FORMS);
                    return null;
                }
                try {
                    return new Argument.Address(Addresses.parse(at.string()), at.text());
                } catch (Complaint c) {
                    problems.add(at.line(), at.column(), c.getMessage(), c.hint());
                    return null;
                }
            }
        }
    }

    /** A number expression or a variable; null (with a problem recorded) when it cannot be resolved. */
    private Argument resolveInt(Raw raw) {
        List<Term> terms = raw.terms();
        if (terms.size() == 1 && scopes.isVisible(terms.get(0).token().text())) {
            return new Argument.Variable(terms.get(0).token().text());
        }
        long value = 0;
        boolean ok = true;
        for (Term term : terms) {
            Token t = term.token();
            if (t.kind() == Token.Kind.NUMBER) {
                long n = term.negative() ? -t.number() : t.number();
                if (n > Integer.MAX_VALUE) {
                    problems.add(t.line(), t.column(), "number too large: " + t.text(),
                            "arguments are C ints, at most 2147483647");
                    ok = false;
                }
                value |= n;
            } else if (scopes.isVisible(t.text())) {
                problems.add(t.line(), t.column(), "'|' combines constants, not variables like '" + t.text() + "'",
                        "pass the variable on its own");
                ok = false;
            } else {
                Optional<Integer> constant = Constants.valueOf(t.text());
                if (constant.isPresent()) {
                    value |= constant.get();
                } else {
                    unknownName(t);
                    ok = false;
                }
            }
        }
        return ok ? new Argument.Constant((int) value, raw.text()) : null;
    }

    private void unknownName(Token t) {
        String name = t.text();
        boolean constantLike = name.equals(name.toUpperCase(Locale.ROOT));
        if (constantLike) {
            problems.add(t.line(), t.column(), "unknown constant '" + name + "'", Suggestions.hint(name,
                    Constants.names(), "a lesson knows the AF_*, PF_*, SOCK_*, IPPROTO_*, SHUT_* and MSG_* "
                            + "constants listed in docs/lesson-format.md"));
            return;
        }
        int gone = scopes.goneOutOfScope(name);
        String hint = gone > 0
                ? "'" + name + "' was declared on line " + gone + " inside a block, and is gone after that block's '}'"
                : Suggestions.hint(name, scopes.visibleNames(),
                        "declare it first, e.g. int " + name + " = socket(AF_INET, SOCK_STREAM, 0);");
        problems.add(t.line(), t.column(), "unknown variable '" + name + "'", hint);
    }

    private boolean lengthFits(Call call, List<Argument> written, Raw lengthRaw) {
        Argument.Data data = (Argument.Data) written.get(1);
        if (written.get(2) instanceof Argument.Constant) {
            int length = ((Argument.Constant) written.get(2)).value();
            if (length < 0 || length > data.length()) {
                Token t = lengthRaw.first();
                problems.add(t.line(), t.column(), call.cName() + "() length " + length + " does not fit the "
                        + data.length() + " bytes of " + data.text(),
                        "give a length from 0 to " + data.length() + ", or leave length and flags out");
                return false;
            }
        }
        return true;
    }
}
