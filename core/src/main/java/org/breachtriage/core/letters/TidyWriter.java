package org.breachtriage.core.letters;

import java.io.Writer;

/**
 * The writer a letter renders into, tidying as the text arrives: blank lines left by sections that rendered
 * nothing collapse to one, spaces and tabs at the end of a line go, and the text is stripped at both ends.
 * It says exactly what {@code replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip()} says of the
 * whole text ({@code LetterTemplatesTidyTest}).
 *
 * <p>Why a writer, not a pass over the rendered text: rendering into a {@code StringWriter}, copying that out,
 * tidying into a builder, copying that out, stripping and adding the final newline copied each letter six
 * times; letters were the largest share of a million-row run's allocation. This holds one builder and copies
 * out of it once.
 */
final class TidyWriter extends Writer {
    private final StringBuilder out;
    /** Spaces and tabs since the last other character of the line: written only if more text follows them. */
    private final StringBuilder blanks = new StringBuilder();
    /** Newlines since the last text written; at most two of them are. */
    private int newlines;
    private boolean lineHasText;

    /** @param capacity the text's expected length (a letter is about 2 KB) */
    TidyWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    @Override
    public void write(String text, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\n' || isBlank(c)) {
                layout(c);
                i++;
                continue;
            }
            int run = i + 1; // a run of ordinary characters goes in one append
            while (run < end && !isLayout(text.charAt(run))) {
                run++;
            }
            beforeText();
            out.append(text, i, run);
            i = run;
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        write(new String(chars, offset, length), 0, length); // Mustache writes strings; this path is rare
    }

    @Override
    public void write(int c) {
        char ch = (char) c;
        if (isLayout(ch)) {
            layout(ch);
        } else {
            beforeText();
            out.append(ch);
        }
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    /** The tidied text. */
    String text() {
        return out.substring(start(), end());
    }

    /** The tidied text and a final newline, in one copy. */
    String textAndNewline() {
        int start = start();
        out.setLength(end());
        out.append('\n');
        return out.substring(start);
    }

    private void layout(char c) {
        if (c == '\n') {
            blanks.setLength(0);
            newlines++;
            lineHasText = false;
        } else {
            blanks.append(c);
        }
    }

    private void beforeText() {
        if (!lineHasText) {
            out.repeat('\n', Math.min(newlines, 2));
            newlines = 0;
            lineHasText = true;
        }
        if (!blanks.isEmpty()) {
            out.append(blanks);
            blanks.setLength(0);
        }
    }

    /** Where {@code strip()} would start: past leading whitespace of any kind, as it judges it. */
    private int start() {
        int start = 0;
        while (start < out.length() && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return start;
    }

    private int end() {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, start());
    }

    private static boolean isLayout(char c) {
        return c == '\n' || isBlank(c);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
