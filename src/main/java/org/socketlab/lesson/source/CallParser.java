// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses {@code name(arguments)} and resolves the arguments: constants to numbers, names to
 * declared variables, strings to data or addresses, each checked against the call's forms.
 */
final class CallParser {
    /** setrlimit()'s resource for the descriptor limit. */
    private static final int RLIMIT_NOFILE = 7;
    /** setsockopt()'s option that takes a struct linger. */
    private static final int SO_LINGER = 13;
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

    /**
     * An argument before it is resolved: a string token, the terms of a {@code |} expression, or a
     * pointer to a variable ({@code &len}, {@code (struct sockaddr *)&addr}); an address structure's
     * pointer carries the length argument that follows it.
     */
    private record Raw(Token first, String text, List<Term> terms, Token pointee, Raw length) {
        boolean isString() {
            return first.kind() == Token.Kind.STRING;
        }

        boolean isPointer() {
            return pointee != null;
        }
    }

    /** A number (possibly negated) or a name inside an expression. */
    private record Term(Token token, boolean negative) {
    }

    private final TokenCursor in;
    private final Problems problems;
    private final Scopes scopes;
    private final Locals locals;

    CallParser(TokenCursor in, Problems problems, Scopes scopes, Locals locals) {
        this.in = in;
        this.problems = problems;
        this.scopes = scopes;
        this.locals = locals;
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
        raws = withAddressLengths(raws);
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
        if (call == Call.EXECL) {
            return new Parsed(name, call, execl(name, raws), text);
        }
        List<Calls.Kind> form = null;
        for (List<Calls.Kind> f : call.forms()) {
            // Of two forms with as many arguments, the one that takes a pointer where one is written
            // (ioctl(fd, FIONBIO, 1) beside ioctl(fd, FIONREAD, &n)).
            if (f.size() == raws.size() && (form == null || fitsPointers(f, raws))) {
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
            if (a != null && form.get(i) != Calls.Kind.NULL && form.get(i) != Calls.Kind.ENVP) {
                written.add(a);
            }
        }
        if (ok && ((call == Call.SEND || call == Call.SENDTO) && raws.size() > 3 || call == Call.WRITE)) {
            ok = lengthFits(call, written, raws.get(2));
        }
        if (ok && (call == Call.RECV || call == Call.RECVFROM || call == Call.READ)) {
            ok = bufferFits(call, written, raws.get(1), raws.get(2));
        }
        if (ok && call == Call.SETSOCKOPT && written.get(2) instanceof Argument.Constant o && o.value() == SO_LINGER
                && !(written.get(3) instanceof Argument.Linger)) {
            Token t = raws.get(3).first();
            problems.add(t.line(), t.column(), "SO_LINGER takes a struct linger, not an int",
                    "declare struct linger lin = {1, 0}; and pass &lin, sizeof lin");
            ok = false;
        }
        if (ok && call == Call.SETRLIMIT && written.get(0) instanceof Argument.Constant r
                && r.value() != RLIMIT_NOFILE) {
            Token t = raws.get(0).first();
            problems.add(t.line(), t.column(), "Socket Lab shows the descriptor limit only",
                    "write setrlimit(RLIMIT_NOFILE, &lim)");
            ok = false;
        }
        return new Parsed(name, call, ok ? Calls.canonical(call, written) : null, text);
    }

    /** execl(path, arg0, ..., (char *)NULL): a path, at least argv[0], then the NULL that ends the list. */
    private List<Argument> execl(Token name, List<Raw> raws) {
        String usage = "write " + Call.EXECL.usage();
        if (raws.size() < 3) {
            problems.add(name.line(), name.column(), "execl() takes the path, at least argv[0] and (char *)NULL, got "
                    + raws.size() + (raws.size() == 1 ? " argument" : " arguments"), usage);
            return null;
        }
        Raw last = raws.get(raws.size() - 1);
        Argument end = last.isString() || last.isPointer() ? null : resolveInt(last);
        if (!(end instanceof Argument.Constant c && c.value() == 0)) {
            problems.add(last.first().line(), last.first().column(), "execl()'s arguments end with (char *)NULL",
                    usage);
            return null;
        }
        Argument path = resolve(Call.EXECL, Calls.Kind.PATH, raws.get(0));
        List<String> values = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Raw r : raws.subList(1, raws.size() - 1)) {
            if (!r.isString()) {
                problems.add(r.first().line(), r.first().column(), "execl() passes strings to the program, "
                        + "in quotes, up to (char *)NULL", usage);
                return null;
            }
            values.add(r.first().string());
            texts.add(r.text());
        }
        return path == null ? null : List.of(path, new Argument.Strings(values, String.join(", ", texts)));
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

    /** An address structure's pointer takes the length after it: (struct sockaddr *)&addr, sizeof addr. */
    private List<Raw> withAddressLengths(List<Raw> raws) {
        List<Raw> result = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            boolean address = r.isPointer() && scopes.isVisible(r.pointee().text())
                    && locals.structs.named(r.pointee().text()).isPresent();
            if (address && i + 1 < raws.size() && !raws.get(i + 1).isPointer() && !raws.get(i + 1).isString()) {
                Raw length = raws.get(++i);
                result.add(new Raw(r.first(), r.text() + ", " + length.text(), r.terms(), r.pointee(), length));
            } else {
                result.add(r);
            }
        }
        return result;
    }

    /** An argument expression; the cursor moves past it. */
    Argument intArgument() throws Bail {
        Raw raw = raw();
        if (raw.isPointer() || raw.isString()) {
            throw in.fail(raw.first(), "expected a number, a constant or a variable, found " + raw.first().describe(),
                    "e.g. AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0 or a variable's name");
        }
        return resolveInt(raw);
    }

    private Raw raw() throws Bail {
        int from = in.position();
        Token first = in.peek();
        List<Term> terms = new ArrayList<>();
        Token pointee = null;
        if (first.kind() == Token.Kind.STRING) {
            in.next();
        } else if (first.is("(") && in.peek(1).isName("char") && in.peek(2).is("*") && in.peek(3).is(")")) {
            // (char *)NULL, as execl()'s list ends: the cast changes nothing here
            for (int i = 0; i < 4; i++) {
                in.next();
            }
            expression(terms, 0);
        } else if (first.is("&") || first.is("(") && (in.peek(1).isName("struct") || in.peek(1).isName("const"))) {
            if (first.is("(")) {
                skipCast();
            }
            in.expect("&", "e.g. (struct sockaddr *)&addr");
            pointee = in.peek();
            if (pointee.kind() != Token.Kind.NAME) {
                throw in.fail(pointee, "expected a variable's name after '&', found " + pointee.describe(),
                        "e.g. (struct sockaddr *)&addr, sizeof addr");
            }
            in.next();
        } else {
            expression(terms, 0);
        }
        return new Raw(first, in.text(from, in.position()), terms, pointee, null);
    }

    /** Skips a pointer cast: {@code (struct sockaddr *)} or {@code (const struct sockaddr *)}. */
    void skipCast() throws Bail {
        String hint = "write the cast as C does: (struct sockaddr *)&addr";
        in.expect("(", hint);
        if (in.atName("const")) {
            in.next();
        }
        if (!in.atName("struct")) {
            throw in.fail(in.peek(), "expected 'struct' in the cast, found " + in.peek().describe(), hint);
        }
        in.next();
        if (in.peek().kind() != Token.Kind.NAME) {
            throw in.fail(in.peek(), "expected the structure's name, found " + in.peek().describe(), hint);
        }
        in.next();
        in.expect("*", hint);
        in.expect(")", hint);
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
        if (t.isName("sizeof")) {
            terms.add(new Term(sizeOf(), false));
        } else if (t.isName("strlen") && in.peek(1).is("(") && in.peek(2).kind() == Token.Kind.STRING
                && in.peek(3).is(")")) {
            int from = in.position();
            in.next();
            in.next();
            long bytes = in.next().string().getBytes(StandardCharsets.UTF_8).length;
            in.next();
            terms.add(new Term(synthetic(Token.Kind.NUMBER, from, bytes), false));
        } else if (t.kind() == Token.Kind.NAME && in.peek(1).is("[")) {
            terms.add(new Term(element(), false));
        } else if (t.is("-") && in.peek(1).kind() == Token.Kind.NUMBER) {
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

    /** {@code sizeof addr}, {@code sizeof(addr)}, {@code sizeof(struct sockaddr_in)}, {@code sizeof(int)}. */
    private Token sizeOf() throws Bail {
        int from = in.position();
        Token sizeof = in.next();
        boolean parens = in.at("(");
        if (parens) {
            in.next();
        }
        Token what = in.next();
        Optional<Integer> size = Optional.empty();
        if (what.isName("struct") && in.peek().kind() == Token.Kind.NAME) {
            size = AddressStructs.Type.named(in.next().text()).map(type -> type.size);
        } else if (what.isName("int") || what.isName("socklen_t")) {
            size = Optional.of(Locals.INT_SIZE);
        } else if (what.kind() == Token.Kind.NAME && scopes.isVisible(what.text())) {
            size = locals.sizeOf(what.text());
            if (in.at(".") && in.peek(1).isName("sun_path")) {
                in.next();
                in.next();
                size = Optional.of(Addresses.UNIX_PATH_MAX + 1);
            }
        }
        if (parens) {
            in.expect(")", "close sizeof(...)");
        }
        if (size.isEmpty()) {
            throw in.fail(what, "Socket Lab cannot tell the size of " + in.text(from, in.position()),
                    "sizeof works on an address structure, a buffer, an array or int here: sizeof addr");
        }
        return synthetic(Token.Kind.NUMBER, from, size.get());
    }

    /** {@code sv[0]}: an element of an int array that a call filled in. */
    private Token element() throws Bail {
        int from = in.position();
        Token name = in.next();
        in.next();
        Token index = in.next();
        in.expect("]", "e.g. " + name.text() + "[0]");
        Optional<Integer> length = scopes.isVisible(name.text()) ? locals.arrayLength(name.text()) : Optional.empty();
        if (length.isEmpty()) {
            throw in.fail(name, "'" + name.text() + "' is not an array", "declare it first, e.g. int "
                    + name.text() + "[2];");
        }
        if (index.kind() != Token.Kind.NUMBER || index.number() >= Math.min(2, length.get())) {
            throw in.fail(index, "the index must be 0 or 1", "socketpair() fills in " + name.text() + "[0] and "
                    + name.text() + "[1]");
        }
        if (!locals.isFilled(name.text())) {
            throw in.fail(name, name.text() + "[" + index.number() + "] holds nothing yet",
                    "fill the array in first: socketpair(AF_UNIX, SOCK_STREAM, 0, " + name.text() + ");");
        }
        return synthetic(Token.Kind.NAME, from, 0);
    }

    /** A token standing for the tokens from {@code from} to the cursor, e.g. "sizeof addr" with its value. */
    private Token synthetic(Token.Kind kind, int from, long value) {
        Token first = tokenAt(from);
        Token last = in.previous();
        String text = in.text(from, in.position());
        return new Token(kind, text.replace(" [", "["), first.line(), first.column(), first.start(), last.end(), "",
                value);
    }

    private Token tokenAt(int position) {
        return in.peek(position - in.position());
    }

    private Argument resolve(Call call, Calls.Kind kind, Raw raw) {
        String callName = call.cName() + "()";
        Token at = raw.first();
        if (raw.isPointer()) {
            return pointer(call, kind, raw);
        }
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
            case ARRAY -> {
                return array(call, raw);
            }
            case BUFFER -> {
                Optional<Integer> size = !raw.isString() && raw.terms().size() == 1 && scopes.isVisible(at.text())
                        ? locals.bufferSize(at.text()) : Optional.empty();
                if (size.isEmpty()) {
                    problems.add(at.line(), at.column(), callName + " needs a char buffer here",
                            "declare it first and pass its name: " + call.usage());
                    return null;
                }
                return new Argument.Constant(size.get(), raw.text());
            }
            case VALUE, LIMIT, OUT -> {
                problems.add(at.line(), at.column(), callName + " needs a pointer here, as C does",
                        "e.g. " + call.usage());
                return null;
            }
            case PATH -> {
                if (!raw.isString()) {
                    problems.add(at.line(), at.column(), callName + " needs the program's path in quotes here",
                            "e.g. " + call.usage());
                    return null;
                }
                if (at.string().isEmpty()) {
                    problems.add(at.line(), at.column(), callName + " needs a path, not an empty string",
                            "e.g. " + call.usage());
                    return null;
                }
                return new Argument.Data(at.string(), at.text());
            }
            case ARGV, ENVP -> {
                Optional<List<String>> values = !raw.isString() && raw.terms().size() == 1
                        && scopes.isVisible(at.text()) ? locals.stringsOf(at.text()) : Optional.empty();
                if (values.isPresent()) {
                    return new Argument.Strings(values.get(), at.text());
                }
                if (kind == Calls.Kind.ENVP && !raw.isString() && resolveInt(raw) instanceof Argument.Constant c
                        && c.value() == 0) {
                    return new Argument.Strings(List.of(), raw.text());
                }
                problems.add(at.line(), at.column(), callName + " needs an array of strings ending with NULL here",
                        "declare it first: " + call.usage().split(" with ")[1]);
                return null;
            }
            case THREAD -> {
                // pthread_create() is read by the statement parser, which knows the thread functions
                problems.add(at.line(), at.column(), callName + " is written as a statement of its own",
                        "e.g. " + call.usage());
                return null;
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

    /** True when the form wants an int filled in (OUT) exactly where a pointer is written. */
    private static boolean fitsPointers(List<Calls.Kind> form, List<Raw> raws) {
        for (int i = 0; i < form.size(); i++) {
            if ((form.get(i) == Calls.Kind.OUT) != raws.get(i).isPointer() && (form.get(i) == Calls.Kind.OUT
                    || form.get(i) == Calls.Kind.INT)) {
                return false;
            }
        }
        return true;
    }

    /** An int array of at least two elements for a call to fill in: {@code sv}. */
    private Argument array(Call call, Raw raw) {
        Token at = raw.first();
        Optional<Integer> length = raw.terms().size() == 1 && scopes.isVisible(at.text())
                ? locals.arrayLength(at.text()) : Optional.empty();
        if (raw.isString() || length.isEmpty() || length.get() < 2) {
            problems.add(at.line(), at.column(), call.cName() + "() needs an array of two ints here",
                    "declare it first and pass its name: int sv[2]; " + call.usage().split(" with ")[0]);
            return null;
        }
        locals.filled(at.text());
        return new Argument.Variable(at.text());
    }

    /** {@code &len}, {@code (struct sockaddr *)&peer} where a NULL may go, or an address structure and its length. */
    private Argument pointer(Call call, Calls.Kind kind, Raw raw) {
        Token at = raw.pointee();
        if (!scopes.isVisible(at.text())) {
            unknownName(at);
            return null;
        }
        if (kind == Calls.Kind.NULL) {
            return new Argument.Constant(0, raw.text());
        }
        if (kind == Calls.Kind.OUT) {
            if (locals.isUnsetInt(at.text()) || locals.numberOf(at.text()).isPresent()) {
                return new Argument.Constant(0, raw.text());
            }
            problems.add(raw.first().line(), raw.first().column(), call.cName() + "() needs an int variable here, not "
                    + raw.text(), "e.g. " + call.usage());
            return null;
        }
        if (kind == Calls.Kind.VALUE && locals.lingerOf(at.text()).isPresent()) {
            int[] linger = locals.lingerOf(at.text()).get();
            return new Argument.Linger(linger[0], linger[1], raw.text());
        }
        if (kind == Calls.Kind.VALUE || kind == Calls.Kind.LIMIT) {
            Optional<Integer> value = kind == Calls.Kind.VALUE ? locals.numberOf(at.text())
                    : locals.limitOf(at.text());
            if (value.isEmpty()) {
                problems.add(raw.first().line(), raw.first().column(), call.cName() + "() needs "
                        + (kind == Calls.Kind.VALUE ? "an int variable with a known value" : "a struct rlimit")
                        + " here, not " + raw.text(), "e.g. " + call.usage());
                return null;
            }
            return new Argument.Constant(value.get(), raw.text());
        }
        Optional<AddressStructs.Fields> fields = locals.structs.named(at.text());
        if (kind != Calls.Kind.ADDRESS || fields.isEmpty()) {
            problems.add(raw.first().line(), raw.first().column(), call.cName() + "() does not take "
                    + raw.text() + " here", "e.g. " + call.usage());
            return null;
        }
        AddressStructs.Type type = fields.get().type;
        if (raw.length() == null) {
            problems.add(raw.first().line(), raw.first().column(), "the address's length is missing after "
                    + raw.text(), "pass it as C does: " + raw.text() + ", sizeof " + at.text());
            return null;
        }
        Argument length = resolveInt(raw.length());
        if (length instanceof Argument.Constant c && c.value() < type.size) {
            Token l = raw.length().first();
            problems.add(l.line(), l.column(), "a struct " + type.cName + " is " + type.size + " bytes, not "
                    + c.value(), "pass the whole structure: sizeof " + at.text());
            return null;
        }
        if (length == null) {
            return null;
        }
        try {
            return new Argument.Address(AddressStructs.endpoint(at.text(), fields.get()), raw.text());
        } catch (Complaint complaint) {
            problems.add(at.line(), at.column(), complaint.getMessage(), complaint.hint());
            return null;
        }
    }

    /** A number expression or a variable; null (with a problem recorded) when it cannot be resolved. */
    private Argument resolveInt(Raw raw) {
        List<Term> terms = raw.terms();
        if (terms.size() == 1 && scopes.isVisible(terms.get(0).token().text())) {
            String name = terms.get(0).token().text();
            Optional<Integer> known = locals.numberOf(name);
            if (known.isPresent()) {
                return new Argument.Constant(known.get(), raw.text());
            }
            if (locals.isThreadHandle(name) || locals.isThreadArgument(name)) {
                Token t = terms.get(0).token();
                problems.add(t.line(), t.column(), locals.isThreadHandle(name)
                        ? "'" + name + "' is a thread's handle, not a number"
                        : "'" + name + "' is the thread's argument, a pointer, not a number",
                        locals.isThreadHandle(name) ? "pass it to pthread_join(" + name + ", NULL);"
                                : "read the int it points at first: int fd = *(int *)" + name + ";");
                return null;
            }
            if (locals.isUnsetInt(name)) {
                Token t = terms.get(0).token();
                problems.add(t.line(), t.column(), "'" + name + "' holds what a call wrote into it, which the "
                        + "window shows; a lesson cannot pass it on", "use a variable that holds a call's result, "
                        + "e.g. int fd = socket(AF_INET, SOCK_STREAM, 0);");
                return null;
            }
            return new Argument.Variable(name);
        }
        if (terms.size() == 1 && terms.get(0).token().kind() == Token.Kind.NAME
                && terms.get(0).token().text().contains("[")) {
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
            } else if (scopes.isVisible(t.text()) && locals.numberOf(t.text()).isPresent()) {
                value |= locals.numberOf(t.text()).get();
            } else if (scopes.isVisible(t.text()) || t.text().contains("[")) {
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

    /** recv()'s length fits its buffer ({@code char buf[64];} takes at most 64 bytes). */
    private boolean bufferFits(Call call, List<Argument> written, Raw bufferRaw, Raw lengthRaw) {
        int size = ((Argument.Constant) written.get(1)).value();
        if (written.get(2) instanceof Argument.Constant c && (c.value() < 0 || c.value() > size)) {
            Token t = lengthRaw.first();
            problems.add(t.line(), t.column(), call.cName() + "() length " + c.value() + " does not fit the "
                    + size + " bytes of " + bufferRaw.text(), "pass sizeof " + bufferRaw.text());
            return false;
        }
        return true;
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
