// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The statements of a real C program that make no system call the model shows, but that a
 * program needs to compile and to say what it means: address structures and their fields
 * ({@code struct sockaddr_in addr = {0}; addr.sin_port = htons(8080);}, {@code memset},
 * {@code inet_pton}, {@code strcpy} into {@code sun_path}), buffers and arrays
 * ({@code char buf[64];}, {@code int sv[2];}), numbers ({@code int one = 1;}), and the everyday
 * helpers that only print or wait ({@code printf}, {@code perror}, {@code sleep}, {@code usleep}).
 */
final class CStatements {
    /** Calls that print, wait or tidy up: accepted, and nothing to show in the model. */
    static final Set<String> QUIET_HELPERS = Set.of("printf", "fprintf", "puts", "perror", "fflush", "sleep",
            "usleep", "wait", "waitpid", "unlink");
    /** Calls that fill in an address structure. */
    static final Set<String> ADDRESS_HELPERS = Set.of("memset", "inet_pton", "inet_aton", "strcpy", "strncpy");
    /** The largest buffer or array a lesson may declare. */
    private static final int MAX_ARRAY = 1 << 20;

    private final TokenCursor in;
    private final Problems problems;
    private final Scopes scopes;
    private final Locals locals;
    private final CallParser calls;

    CStatements(TokenCursor in, Problems problems, Scopes scopes, Locals locals, CallParser calls) {
        this.in = in;
        this.problems = problems;
        this.scopes = scopes;
        this.locals = locals;
        this.calls = calls;
    }

    static boolean isHelper(String name) {
        return QUIET_HELPERS.contains(name) || ADDRESS_HELPERS.contains(name);
    }

    /** {@code struct sockaddr_in addr;}, {@code ... = {0};}, {@code ... = { .sin_family = AF_INET, ... };} */
    void structDeclaration() throws Bail {
        Token struct = in.next();
        Token typeName = in.next();
        if (typeName.isName("rlimit")) {
            rlimitDeclaration();
            return;
        }
        if (typeName.isName("linger")) {
            lingerDeclaration();
            return;
        }
        Optional<AddressStructs.Type> type = AddressStructs.Type.named(typeName.text());
        if (type.isEmpty()) {
            throw in.fail(typeName, "Socket Lab knows no 'struct " + typeName.text() + "'",
                    "a lesson may declare struct sockaddr_in, struct sockaddr_in6, struct sockaddr_un, struct rlimit "
                            + "and struct linger");
        }
        Token name = in.peek();
        if (name.kind() != Token.Kind.NAME) {
            throw in.fail(name, "expected a variable's name after 'struct " + typeName.text() + "', found "
                    + name.describe(), "e.g. struct " + typeName.text() + " addr = {0};");
        }
        in.next();
        declare(name);
        locals.structs.declare(name.text(), type.get(), false);
        AddressStructs.Fields fields = locals.structs.named(name.text()).orElseThrow();
        if (in.at("=")) {
            in.next();
            initializer(name.text(), fields, struct);
        }
        in.expectSemicolon();
    }

    /**
     * {@code struct rlimit lim = {8, 8};} or {@code = { .rlim_cur = 8, .rlim_max = 8 };}: the cursor is
     * after {@code rlimit}. setrlimit() takes its soft limit, rlim_cur.
     */
    private void rlimitDeclaration() throws Bail {
        String example = "struct rlimit lim = {8, 8};";
        PairDeclaration lim = pairDeclaration("rlimit", "limits", "rlim_cur", "rlim_max", "8", example);
        Token name = lim.name();
        if (lim.first() instanceof Argument.Constant c && c.value() >= 0) {
            locals.limit(name.text(), c.value());
        } else {
            problems.add(name.line(), name.column(), "the soft limit of " + name.text() + " is not a number",
                    "e.g. " + example);
        }
    }

    /**
     * {@code struct linger lin = {1, 0};} or {@code = { .l_onoff = 1, .l_linger = 0 };}: the cursor is
     * after {@code linger}. setsockopt(SO_LINGER) takes both numbers.
     */
    private void lingerDeclaration() throws Bail {
        String example = "struct linger lin = {1, 0};";
        PairDeclaration lin = pairDeclaration("linger", "fields", "l_onoff", "l_linger", "0", example);
        Token name = lin.name();
        if (lin.first() instanceof Argument.Constant on && lin.second() instanceof Argument.Constant seconds) {
            locals.linger(name.text(), on.value(), seconds.value());
        } else {
            problems.add(name.line(), name.column(), "the fields of " + name.text() + " are not numbers",
                    "e.g. " + example);
        }
    }

    /** A struct of two numbers declared with both given: its variable's name and the two values. */
    private record PairDeclaration(Token name, Argument first, Argument second) {
    }

    /**
     * {@code NAME = {A, B};} or {@code NAME = { .FIRST = A, .SECOND = B };} after {@code struct TAG}:
     * declares NAME and gives both values.
     */
    private PairDeclaration pairDeclaration(String tag, String both, String firstField, String secondField,
                                            String sample, String example) throws Bail {
        Token name = in.next();
        if (name.kind() != Token.Kind.NAME) {
            throw in.fail(name, "expected a variable's name after 'struct " + tag + "', found " + name.describe(),
                    "e.g. " + example);
        }
        in.expect("=", "give both " + both + " where it is declared: " + example);
        in.expect("{", "e.g. " + example);
        Argument[] values = new Argument[2];
        for (int i = 0; i < 2; i++) {
            if (i == 1) {
                in.expect(",", "e.g. " + example);
            }
            if (in.at(".")) {
                in.next();
                Token field = in.next();
                String expected = i == 0 ? firstField : secondField;
                if (!field.isName(expected)) {
                    throw in.fail(field, "expected ." + expected + ", found " + field.describe(),
                            "e.g. struct " + tag + " " + example.split(" ")[2] + " = { ." + firstField + " = "
                                    + sampleOf(example, 0) + ", ." + secondField + " = " + sampleOf(example, 1) + " };");
                }
                in.expect("=", "e.g. ." + field.text() + " = " + sample);
            }
            values[i] = calls.intArgument();
        }
        in.expect("}", "e.g. " + example);
        in.expectSemicolon();
        declare(name);
        return new PairDeclaration(name, values[0], values[1]);
    }

    /** The N-th number in an example such as {@code struct linger lin = {1, 0};}. */
    private static String sampleOf(String example, int n) {
        String inside = example.substring(example.indexOf('{') + 1, example.indexOf('}'));
        return inside.split(",")[n].trim();
    }

    private void initializer(String name, AddressStructs.Fields fields, Token struct) throws Bail {
        in.expect("{", "write = {0} to start with every field zero");
        fields.zero();
        if (in.peek().kind() == Token.Kind.NUMBER && in.peek().number() == 0) {
            in.next();
        }
        while (in.at(".")) {
            in.next();
            Token field = in.peek();
            if (field.kind() != Token.Kind.NAME) {
                throw in.fail(field, "expected a field's name after '.'", "e.g. .sin_family = AF_INET");
            }
            in.next();
            String path = field.text();
            while (in.at(".")) {
                in.next();
                path += "." + in.next().text();
            }
            in.expect("=", "e.g. ." + path + " = ...");
            assignField(name, fields, path, field);
            if (!in.at(",")) {
                break;
            }
            in.next();
        }
        if (!in.at("}")) {
            throw in.fail(in.peek(), "Socket Lab reads {0} or designated fields here, found " + in.peek().describe(),
                    "write struct " + fields.type.cName + " " + name + " = {0}; and set the fields after it");
        }
        in.next();
    }

    /**
     * {@code char *args[] = {"ls", "-l", NULL};}: a program's arguments for execv() and execve(), the
     * strings up to the NULL that ends them (as C needs). The cursor is at {@code char}.
     */
    void stringsDeclaration() throws Bail {
        String hint = "e.g. char *args[] = {\"ls\", \"-l\", NULL};";
        in.next();
        in.next();
        Token name = in.next();
        in.expect("[", hint);
        if (in.at(Token.Kind.NUMBER)) {
            in.next();
        }
        in.expect("]", hint);
        in.expect("=", "give the strings where it is declared: " + hint);
        in.expect("{", hint);
        List<String> values = new ArrayList<>();
        while (in.at(Token.Kind.STRING) && in.peek(1).is(",")) {
            values.add(in.next().string());
            in.next();
        }
        Token end = in.peek();
        if (!(end.isName("NULL") || end.kind() == Token.Kind.NUMBER && end.number() == 0)) {
            problems.add(end.line(), end.column(), "expected a string or the NULL that ends the list, found "
                    + (end.kind() == Token.Kind.STRING ? "a string without ',' after it" : end.describe()), hint);
            while (!in.atEnd() && !in.at("}") && !in.at(";")) {
                in.next();
            }
        } else {
            in.next();
        }
        in.expect("}", "NULL is the last element: " + hint);
        declare(name);
        locals.strings(name.text(), values);
        in.expectSemicolon();
    }

    /** {@code char buf[64];} or {@code int sv[2];}: the cursor is at the type. */
    void arrayDeclaration(boolean chars) throws Bail {
        in.next();
        Token name = in.next();
        in.expect("[", "e.g. char buf[64];");
        Token size = in.peek();
        if (size.kind() != Token.Kind.NUMBER || size.number() < 1 || size.number() > MAX_ARRAY) {
            throw in.fail(size, "an array's size is a number from 1 to " + MAX_ARRAY, "e.g. char buf[64];");
        }
        in.next();
        in.expect("]", "e.g. char buf[64];");
        declare(name);
        if (chars) {
            locals.buffer(name.text(), (int) size.number());
        } else {
            locals.array(name.text(), (int) size.number());
        }
        if (in.at("=")) {
            in.next();
            if (in.at(Token.Kind.STRING)) {
                in.next();
            } else {
                in.expect("{", "write = {0} to start with every element zero");
                if (in.at(Token.Kind.NUMBER)) {
                    in.next();
                }
                in.expect("}", "write = {0}");
            }
        }
        in.expectSemicolon();
    }

    /** {@code int one = 1;} or {@code socklen_t len = sizeof addr;}: the cursor is at the type. */
    void numberDeclaration() throws Bail {
        in.next();
        Token name = in.next();
        in.next();
        Argument value = calls.intArgument();
        declare(name);
        if (value instanceof Argument.Constant c) {
            locals.number(name.text(), c.value());
        } else if (value != null) {
            problems.add(name.line(), name.column(), "'" + name.text() + "' may start with a number, not with "
                    + value.text(), "write the number itself, e.g. int " + name.text() + " = 1;");
        }
        in.expectSemicolon();
    }

    /** {@code int err;}: an int for a call to fill in (getsockopt()'s {@code &err}); the cursor is at the type. */
    void unsetDeclaration() throws Bail {
        in.next();
        Token name = in.next();
        if (Call.named(name.text()).isPresent() || Constants.valueOf(name.text()).isPresent()) {
            problems.add(name.line(), name.column(), "'" + name.text() + "' cannot be a variable's name",
                    "choose another name");
        }
        declare(name);
        locals.unsetInt(name.text());
        in.expectSemicolon();
    }

    private void declare(Token name) {
        int earlier = scopes.declaredOn(name.text());
        if (earlier > 0) {
            problems.add(name.line(), name.column(), "'" + name.text() + "' is already declared on line " + earlier,
                    "choose another name");
        }
        scopes.declare(name.text(), name.line());
        locals.forget(name.text());
    }

    /** {@code addr.sin_port = htons(8080);}: the cursor is at the variable. */
    void fieldAssignment() throws Bail {
        Token name = in.next();
        AddressStructs.Fields fields = structNamed(name);
        StringBuilder path = new StringBuilder();
        Token field = in.peek(1);
        while (in.at(".")) {
            in.next();
            Token part = in.next();
            if (part.kind() != Token.Kind.NAME) {
                throw in.fail(part, "expected a field's name after '.'", "e.g. " + name.text() + ".sin_port");
            }
            path.append(path.length() == 0 ? "" : ".").append(part.text());
        }
        in.expect("=", "e.g. " + name.text() + "." + path + " = ...;");
        assignField(name.text(), fields, path.toString(), field);
        in.expectSemicolon();
    }

    private AddressStructs.Fields structNamed(Token name) throws Bail {
        if (!scopes.isVisible(name.text())) {
            throw in.fail(name, "unknown variable '" + name.text() + "'", Suggestions.hint(name.text(),
                    scopes.visibleNames(), "declare it first, e.g. struct sockaddr_in " + name.text() + " = {0};"));
        }
        return locals.structs.named(name.text()).orElseThrow(() -> in.fail(name, "'" + name.text()
                + "' is not an address structure", "fields belong to a struct sockaddr_in, sockaddr_in6 or sockaddr_un"));
    }

    private void assignField(String name, AddressStructs.Fields fields, String path, Token at) throws Bail {
        String prefix = fields.type.prefix;
        if (path.equals(prefix + "family")) {
            fields.family(number(at));
        } else if (path.equals(prefix + "port") && fields.type != AddressStructs.Type.SOCKADDR_UN) {
            fields.port(port());
        } else if (path.equals("sin_addr.s_addr") && fields.type == AddressStructs.Type.SOCKADDR_IN) {
            fields.host(ipv4Value());
        } else if (path.equals("sin6_addr") && fields.type == AddressStructs.Type.SOCKADDR_IN6) {
            Token v = in.next();
            if (v.isName("in6addr_loopback")) {
                fields.host("::1");
            } else if (v.isName("in6addr_any")) {
                fields.host("::");
            } else {
                throw in.fail(v, "Socket Lab reads in6addr_loopback or in6addr_any here",
                        "for another address: inet_pton(AF_INET6, \"2001:db8::1\", &" + name + ".sin6_addr);");
            }
        } else if (path.equals("sin6_flowinfo") || path.equals("sin6_scope_id")) {
            number(at);
        } else {
            throw in.fail(at, "Socket Lab does not read the field '" + path + "' of a struct " + fields.type.cName,
                    fieldsHint(fields.type, name));
        }
    }

    private static String fieldsHint(AddressStructs.Type type, String name) {
        return switch (type) {
            case SOCKADDR_IN -> "a struct sockaddr_in has " + name + ".sin_family, " + name + ".sin_port and "
                    + name + ".sin_addr.s_addr";
            case SOCKADDR_IN6 -> "a struct sockaddr_in6 has " + name + ".sin6_family, " + name + ".sin6_port and "
                    + name + ".sin6_addr";
            case SOCKADDR_UN -> "a struct sockaddr_un has " + name + ".sun_family; fill in its path with strcpy("
                    + name + ".sun_path, \"./lesson.sock\");";
        };
    }

    private int number(Token at) throws Bail {
        Argument a = calls.intArgument();
        if (a instanceof Argument.Constant c) {
            return c.value();
        }
        if (a == null) {
            throw new Bail();
        }
        throw in.fail(at, "a field holds a number or a constant here", "e.g. AF_INET");
    }

    /** {@code htons(8080)}; a number without htons() lands byte-swapped, as it does in C. */
    private int port() throws Bail {
        Token t = in.peek();
        boolean network = t.isName("htons") && in.peek(1).is("(");
        if (network) {
            in.next();
            in.next();
        }
        Argument a = calls.intArgument();
        if (a == null) {
            throw new Bail();
        }
        if (!(a instanceof Argument.Constant c)) {
            throw in.fail(t, "a port is a number here", "e.g. htons(8080)");
        }
        if (network) {
            in.expect(")", "close htons(...)");
        }
        if (c.value() < 0 || c.value() > 65535) {
            throw in.fail(t, "'" + c.value() + "' is not a port", "a port is a number from 0 to 65535 (0: any free port)");
        }
        return network ? c.value() : AddressStructs.swap16(c.value());
    }

    /** {@code htonl(INADDR_LOOPBACK)}, {@code inet_addr("127.0.0.1")}, {@code INADDR_ANY}. */
    private String ipv4Value() throws Bail {
        Token t = in.peek();
        if (t.isName("inet_addr") && in.peek(1).is("(")) {
            in.next();
            in.next();
            Token s = in.next();
            if (s.kind() != Token.Kind.STRING || !Addresses.isIpv4(s.string())) {
                throw in.fail(s, "inet_addr() takes an IPv4 address in quotes", "e.g. inet_addr(\"127.0.0.1\")");
            }
            in.expect(")", "close inet_addr(...)");
            return s.string();
        }
        boolean network = t.isName("htonl") && in.peek(1).is("(");
        if (network) {
            in.next();
            in.next();
        }
        Argument a = calls.intArgument();
        if (a == null) {
            throw new Bail();
        }
        if (!(a instanceof Argument.Constant c)) {
            throw in.fail(t, "an IPv4 address is a number here", "e.g. htonl(INADDR_LOOPBACK)");
        }
        if (network) {
            in.expect(")", "close htonl(...)");
        }
        long value = Integer.toUnsignedLong(c.value());
        return AddressStructs.ipv4(network ? value : AddressStructs.swap32(value));
    }

    /** A helper call as a statement; the cursor is at its name. */
    void helper() throws Bail {
        Token name = in.next();
        in.next();
        switch (name.text()) {
            case "memset" -> memset(name);
            case "inet_pton" -> inetPton(name);
            case "inet_aton" -> inetAton(name);
            case "strcpy", "strncpy" -> strcpy(name);
            default -> skipArguments();
        }
        in.expectSemicolon();
    }

    private void memset(Token call) throws Bail {
        Token target = structReference("memset(&addr, 0, sizeof addr)");
        in.expect(",", "write memset(&" + target.text() + ", 0, sizeof " + target.text() + ")");
        Argument fill = calls.intArgument();
        in.expect(",", "write memset(&" + target.text() + ", 0, sizeof " + target.text() + ")");
        calls.intArgument();
        in.expect(")", "close memset(...)");
        if (!(fill instanceof Argument.Constant c) || c.value() != 0) {
            problems.add(call.line(), call.column(), "Socket Lab reads memset() that fills an address with 0",
                    "write memset(&" + target.text() + ", 0, sizeof " + target.text() + ")");
            return;
        }
        structNamed(target).zero();
    }

    private Token structReference(String example) throws Bail {
        if (in.at("(") && in.peek(1).isName("struct")) {
            calls.skipCast();
        }
        if (!in.at("&")) {
            throw in.fail(in.peek(), "expected '&' and an address structure, found " + in.peek().describe(),
                    "e.g. " + example);
        }
        in.next();
        Token target = in.next();
        if (target.kind() != Token.Kind.NAME) {
            throw in.fail(target, "expected an address structure's name", "e.g. " + example);
        }
        return target;
    }

    private void inetPton(Token call) throws Bail {
        Argument family = calls.intArgument();
        in.expect(",", "e.g. inet_pton(AF_INET, \"127.0.0.1\", &addr.sin_addr)");
        Token text = in.next();
        if (text.kind() != Token.Kind.STRING) {
            throw in.fail(text, "inet_pton() takes the address in quotes", "e.g. inet_pton(AF_INET, \"127.0.0.1\", "
                    + "&addr.sin_addr)");
        }
        in.expect(",", "e.g. inet_pton(AF_INET, \"127.0.0.1\", &addr.sin_addr)");
        in.expect("&", "e.g. inet_pton(AF_INET, \"127.0.0.1\", &addr.sin_addr)");
        Token target = in.next();
        AddressStructs.Fields fields = structNamed(target);
        String field = fieldPath();
        in.expect(")", "close inet_pton(...)");
        boolean v4 = family instanceof Argument.Constant c && c.value() == 2;
        boolean v6 = family instanceof Argument.Constant c && c.value() == 10;
        if (v4 && fields.type == AddressStructs.Type.SOCKADDR_IN && field.equals("sin_addr")
                && Addresses.isIpv4(text.string())) {
            fields.host(text.string());
        } else if (v6 && fields.type == AddressStructs.Type.SOCKADDR_IN6 && field.equals("sin6_addr")
                && Addresses.isIpv6(text.string())) {
            fields.host(text.string().toLowerCase(Locale.ROOT));
        } else {
            problems.add(call.line(), call.column(), "Socket Lab reads inet_pton(AF_INET, \"a.b.c.d\", &"
                    + target.text() + ".sin_addr) or inet_pton(AF_INET6, \"::1\", &" + target.text() + ".sin6_addr)",
                    "the family, the address and the field must agree: an IPv4 address goes in a sockaddr_in");
        }
    }

    private void inetAton(Token call) throws Bail {
        Token text = in.next();
        in.expect(",", "e.g. inet_aton(\"127.0.0.1\", &addr.sin_addr)");
        in.expect("&", "e.g. inet_aton(\"127.0.0.1\", &addr.sin_addr)");
        Token target = in.next();
        AddressStructs.Fields fields = structNamed(target);
        String field = fieldPath();
        in.expect(")", "close inet_aton(...)");
        if (text.kind() == Token.Kind.STRING && Addresses.isIpv4(text.string())
                && fields.type == AddressStructs.Type.SOCKADDR_IN && field.equals("sin_addr")) {
            fields.host(text.string());
        } else {
            problems.add(call.line(), call.column(), "Socket Lab reads inet_aton(\"a.b.c.d\", &" + target.text()
                    + ".sin_addr)", "an IPv4 address in quotes, into the sin_addr of a struct sockaddr_in");
        }
    }

    private void strcpy(Token call) throws Bail {
        Token target = in.next();
        AddressStructs.Fields fields = structNamed(target);
        String field = fieldPath();
        in.expect(",", "e.g. strcpy(" + target.text() + ".sun_path, \"./lesson.sock\")");
        Token text = in.next();
        if (call.isName("strncpy")) {
            in.expect(",", "e.g. strncpy(" + target.text() + ".sun_path, \"./lesson.sock\", sizeof "
                    + target.text() + ".sun_path - 1)");
            skipExpression();
        }
        in.expect(")", "close " + call.text() + "(...)");
        if (fields.type != AddressStructs.Type.SOCKADDR_UN || !field.equals("sun_path")
                || text.kind() != Token.Kind.STRING) {
            problems.add(call.line(), call.column(), "Socket Lab reads " + call.text() + "() of a path in quotes "
                    + "into the sun_path of a struct sockaddr_un", "e.g. strcpy(addr.sun_path, \"./lesson.sock\")");
            return;
        }
        try {
            fields.path(AddressStructs.unixPath(text.string()));
        } catch (Complaint c) {
            problems.add(text.line(), text.column(), c.getMessage(), c.hint());
        }
        if (text.string().getBytes(StandardCharsets.UTF_8).length == 0) {
            problems.add(text.line(), text.column(), "the path is empty", "e.g. \"./lesson.sock\"");
        }
    }

    private String fieldPath() throws Bail {
        StringBuilder path = new StringBuilder();
        while (in.at(".")) {
            in.next();
            Token part = in.next();
            if (part.kind() != Token.Kind.NAME) {
                throw in.fail(part, "expected a field's name after '.'", "e.g. addr.sin_addr");
            }
            path.append(path.length() == 0 ? "" : ".").append(part.text());
        }
        return path.toString();
    }

    /** Skips to the ')' that closes the helper's argument list. */
    private void skipArguments() throws Bail {
        skipExpression();
        in.expect(")", "close the parenthesis");
    }

    /** Skips tokens up to the ')' that closes the arguments (commas included). */
    private void skipExpression() {
        int parens = 0;
        while (!in.atEnd() && !in.at(";") && !in.at("{") && !in.at("}") && !(parens == 0 && in.at(")"))) {
            parens += in.at("(") ? 1 : in.at(")") ? -1 : 0;
            in.next();
        }
    }
}
