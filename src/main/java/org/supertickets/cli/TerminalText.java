package org.supertickets.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the command line prints, made safe for a terminal: control and format characters that come from user strings
 * (a config's name, a path, an option's value) are written as escapes, e.g. {@code \u202E}. A right-to-left override
 * (U+202E) or another bidi control would otherwise reorder what follows it on the line (a name that reads as another
 * file), and an ESC could send the terminal commands. Line feeds, carriage returns (the progress bar) and tabs stay.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every control, format (bidi included) and line/paragraph separator character escaped. */
    static String escape(String text) {
        if (text == null || text.codePoints().noneMatch(TerminalText::mustEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (!mustEscape(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isBmpCodePoint(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.append(String.format("\\U%08X", cp));
            }
        });
        return out.toString();
    }

    private static boolean mustEscape(int cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * A stream that escapes every text printed through it into {@code target}. Only the {@code print} methods are
     * overridden: in a subclass, PrintStream's {@code println} and {@code printf} print through them.
     */
    static PrintStream escaping(PrintStream target) {
        return new PrintStream(target, true) {
            @Override
            public void print(String s) {
                target.print(escape(s));
            }

            @Override
            public void print(Object o) {
                target.print(escape(String.valueOf(o)));
            }

            @Override
            public void print(char[] s) {
                target.print(escape(new String(s)));
            }

            @Override
            public void print(char c) {
                target.print(escape(String.valueOf(c)));
            }
        };
    }

    /** A writer for picocli's own messages (it echoes option values in its errors), escaped into {@code target}. */
    static PrintWriter escapingWriter(PrintStream target) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                target.print(escape(new String(buffer, offset, length)));
            }

            @Override
            public void flush() {
                target.flush();
            }

            @Override
            public void close() {
                target.flush();
            }
        }, true);
    }
}
