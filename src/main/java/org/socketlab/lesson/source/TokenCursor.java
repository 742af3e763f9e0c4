// SPDX-License-Identifier: Apache-2.0
package org.socketlab.lesson.source;

import java.util.List;

/** A position in the token list, with the moves and checks a recursive-descent parser needs. */
final class TokenCursor {
    private final List<Token> tokens;
    private final Problems problems;
    private int pos;

    TokenCursor(List<Token> tokens, Problems problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    int position() {
        return pos;
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Token.Kind.EOF) {
            pos++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    boolean at(String punct) {
        return peek().is(punct);
    }

    boolean atName(String name) {
        return peek().isName(name);
    }

    boolean at(Token.Kind kind) {
        return peek().kind() == kind;
    }

    /**
     * Consumes the punctuation mark, or records that it is missing and bails. When what follows
     * is on a later line, the problem points just after the previous token, where the mark belongs.
     */
    Token expect(String punct, String hint) throws Bail {
        if (at(punct)) {
            return next();
        }
        Token found = peek();
        Token last = previous();
        String message = "expected '" + punct + "', found " + found.describe();
        if (pos > 0 && found.line() != last.line()) {
            problems.add(last.line(), last.endColumn(), message, hint);
            throw new Bail();
        }
        throw fail(found, message, hint);
    }

    /** Consumes a ';'. A missing one is reported just after the previous token, and parsing goes on. */
    void expectSemicolon() {
        if (at(";")) {
            next();
            return;
        }
        Token last = previous();
        problems.add(last.line(), last.endColumn(), "missing ';' after " + last.describe(),
                "end each statement with ';' as in C");
    }

    /** Records a problem at a token; the caller throws the result. */
    Bail fail(Token at, String message, String hint) {
        problems.add(at.line(), at.column(), message, hint);
        return new Bail();
    }

    /** After a problem: skips past the next ';' outside parentheses, or up to a brace, whichever comes first. */
    void skipStatement() {
        int parens = 0;
        while (!atEnd()) {
            if (at(";") && parens == 0) {
                next();
                return;
            }
            if (at("{") || at("}")) {
                return;
            }
            parens += at("(") ? 1 : at(")") && parens > 0 ? -1 : 0;
            next();
        }
    }

    /** The source text of tokens [from, to), with one space wherever the source had a gap. */
    String text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (i > from && tokens.get(i - 1).end() != t.start()) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }

    /** True when {@code int main(} follows somewhere outside every brace: the lesson is a whole C program. */
    boolean hasMain() {
        int braces = 0;
        for (int i = pos; i + 2 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("{")) {
                braces++;
            } else if (t.is("}")) {
                braces = Math.max(0, braces - 1);
            } else if (braces == 0 && t.isName("int") && tokens.get(i + 1).isName("main") && tokens.get(i + 2).is("(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * After a problem before main(): skips the rest of a declaration (past its ';') or of a function
     * (past the '}' that closes its body), whichever the item turns out to be.
     */
    void skipTopLevelItem() {
        int braces = 0;
        while (!atEnd()) {
            if (braces == 0 && peek().isName("int") && peek(1).isName("main") && peek(2).is("(")) {
                return;
            }
            Token t = next();
            if (t.is("{")) {
                braces++;
            } else if (t.is("}")) {
                braces--;
                if (braces <= 0) {
                    return;
                }
            } else if (t.is(";") && braces == 0) {
                return;
            }
        }
    }
}
