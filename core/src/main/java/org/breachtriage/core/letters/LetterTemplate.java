package org.breachtriage.core.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One letter template, parsed once into text, values and sections, with its partials inlined. It reads
 * the part of Mustache the letters use, with Mustache's meaning:
 * <ul>
 *   <li>{@code {{name}}}, {@code {{a.b}}} and {@code {{.}}}: a value, printed as it is (the letters are plain
 *       text, so nothing is escaped; {@code {{{name}}}} and {@code {{&name}}} are the same);</li>
 *   <li>{@code {{#name}}…{{/name}}}: nothing when the value is missing, false, empty text or an empty list;
 *       once per item of a list; otherwise once, with the value as the innermost place names are looked up;</li>
 *   <li>{@code {{^name}}…{{/name}}}: once when {@code {{#name}}} would print nothing;</li>
 *   <li>{@code {{> /en/partials/x}}}: the template {@code letters/en/partials/x.mustache} (a name without the
 *       leading slash is beside the template that names it);</li>
 *   <li>{@code {{! a comment}}}: nothing.</li>
 * </ul>
 * A name is looked up from the innermost section's value outwards; only maps have names. A line that holds only
 * a section, closing, partial or comment tag (and blanks) leaves no line behind, as the Mustache spec says; a
 * partial's lines are not indented by the blanks before its tag. Anything else (a change of delimiters, a tag
 * left open, a section closed under another name, a name with a tag's marks in it) is refused when the template
 * is read, naming its file and line.
 *
 * <p>Blank lines follow the Mustache spec, which mustache.java (the library the letters used before) does not
 * always: it keeps the line of a comment alone on its line, a blank line after a partial's line that text follows
 * directly, the indent before a section tag alone on its line, and it joins the lines around two section tags
 * that share a line. No shipped template has those shapes (LetterTemplateTest renders them all through both and
 * compares), and {@code aCommentOrAPartialAloneOnItsLineLeavesNoLine} pins what this class does with them.
 *
 * <p>Why not a Mustache library: rendering was the largest single part of a release (13% of a 250,000-row
 * run's CPU, most of it the library's per-call scope and wrapper objects), for templates that use only this.
 * Parsed parts are immutable, so one template serves every thread.
 */
final class LetterTemplate {
    /** A piece of a parsed template. */
    private sealed interface Part permits Text, Value, Section {
    }

    /** Text printed as it is. */
    private record Text(String text) implements Part {
    }

    /** A value looked up by name ({@code a.b} as {@code [a, b]}; {@code .}, the innermost value, as no names). */
    private record Value(String[] path) implements Part {
    }

    /** A section, or an inverted section, and what it holds. */
    private record Section(String[] path, boolean inverted, Part[] body) implements Part {
    }

    private static final int MAX_PARTIAL_DEPTH = 16;

    private final Part[] parts;

    private LetterTemplate(Part[] parts) {
        this.parts = parts;
    }

    /** The template at this class-path path ({@code letters/en/art34-high-v1/letter.mustache}), or null if none. */
    static LetterTemplate load(String resourcePath) {
        String text = read(resourcePath);
        return text == null ? null : new Parser(resourcePath, text, 0).template();
    }

    /**
     * A template from text, its partials read from the class path. {@code name} is its class-path path: it names
     * the template in errors, and a partial named without a leading slash is looked for beside it.
     */
    static LetterTemplate parse(String name, String text) {
        return new Parser(name, text, 0).template();
    }

    /** The text for this model (maps of strings, booleans, lists and maps). */
    String render(Map<String, ?> model) {
        StringBuilder out = new StringBuilder(4096);
        render(model, out);
        return out.toString();
    }

    /** As {@link #render(Map)}, appended to {@code out}. */
    void render(Map<String, ?> model, StringBuilder out) {
        Object[] scopes = new Object[8];
        scopes[0] = model;
        render(parts, scopes, 1, out);
    }

    private static void render(Part[] parts, Object[] scopes, int depth, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Text text -> out.append(text.text());
                case Value value -> {
                    Object found = lookup(value.path(), scopes, depth);
                    if (found != null) {
                        out.append(found);
                    }
                }
                case Section section -> section(section, scopes, depth, out);
            }
        }
    }

    private static void section(Section section, Object[] scopes, int depth, StringBuilder out) {
        Object value = lookup(section.path(), scopes, depth);
        if (section.inverted()) {
            if (falsy(value)) {
                render(section.body(), scopes, depth, out);
            }
            return;
        }
        if (falsy(value)) {
            return;
        }
        Object[] inner = depth < scopes.length ? scopes : Arrays.copyOf(scopes, depth * 2);
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                inner[depth] = item;
                render(section.body(), inner, depth + 1, out);
            }
        } else {
            inner[depth] = value;
            render(section.body(), inner, depth + 1, out);
        }
    }

    /** Missing, false, empty text and an empty list print no section (and an inverted one). */
    private static boolean falsy(Object value) {
        return value == null
                || value instanceof Boolean b && !b
                || value instanceof String s && s.isEmpty()
                || value instanceof Iterable<?> items && !items.iterator().hasNext();
    }

    private static Object lookup(String[] path, Object[] scopes, int depth) {
        if (path.length == 0) {
            return scopes[depth - 1];
        }
        for (int i = depth - 1; i >= 0; i--) {
            if (scopes[i] instanceof Map<?, ?> map && map.containsKey(path[0])) {
                Object value = map.get(path[0]);
                if (value == null && path.length > 1) {
                    continue; // as mustache.java: a dotted name whose first part is null here is looked for further out
                }
                for (int n = 1; n < path.length && value != null; n++) {
                    value = value instanceof Map<?, ?> inner ? inner.get(path[n]) : null;
                }
                return value;
            }
        }
        return null;
    }

    private static String read(String resourcePath) {
        try (InputStream in = LetterTemplate.class.getClassLoader().getResourceAsStream(resourcePath)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read letter template " + resourcePath, e);
        }
    }

    /** Reads one template's text into parts: tags first, then the standalone lines dropped, then the sections nested. */
    private record Parser(String name, String text, int partialDepth) {
        /**
         * The kinds of tag that print nothing themselves (section, inverted section, closing, partial, comment): the
         * ones a tag's first character names, and the ones whose line, if they stand alone on it, is dropped.
         */
        private static final String CONTROL_KINDS = "#^/>!";

        /** A tag as found: its kind ({@code #}, {@code ^}, {@code /}, {@code >}, {@code !} or a space for a value). */
        private record Tag(char kind, String content, int start, int end, int line) {
        }

        LetterTemplate template() {
            List<Tag> tags = tags();
            List<Object> pieces = new ArrayList<>(); // Strings (text) and Tags, in order, standalone lines removed
            int from = 0;
            for (int t = 0; t < tags.size(); t++) {
                Tag tag = tags.get(t);
                int textEnd = tag.start();
                int next = tag.end();
                if (CONTROL_KINDS.indexOf(tag.kind()) >= 0) {
                    int lineStart = lineStart(tag.start());
                    int lineEnd = lineEnd(tag.end());
                    boolean alone = lineStart >= from && blank(lineStart, tag.start()) && blank(tag.end(), lineEnd)
                            && (t + 1 == tags.size() || tags.get(t + 1).start() >= lineEnd);
                    if (alone) {
                        textEnd = lineStart;
                        next = lineEnd < text.length() ? afterNewline(lineEnd) : lineEnd;
                    }
                }
                if (textEnd > from) {
                    pieces.add(text.substring(from, textEnd));
                }
                pieces.add(tag);
                from = next;
            }
            if (from < text.length()) {
                pieces.add(text.substring(from));
            }
            int[] at = {0};
            Part[] parts = nest(pieces, at, null);
            return new LetterTemplate(parts);
        }

        private Part[] nest(List<Object> pieces, int[] at, Tag open) {
            List<Part> parts = new ArrayList<>();
            while (at[0] < pieces.size()) {
                Object piece = pieces.get(at[0]++);
                if (piece instanceof String s) {
                    parts.add(new Text(s));
                    continue;
                }
                Tag tag = (Tag) piece;
                switch (tag.kind()) {
                    case ' ' -> parts.add(new Value(path(tag)));
                    case '!' -> {
                    }
                    case '#', '^' -> parts.add(new Section(path(tag), tag.kind() == '^', nest(pieces, at, tag)));
                    case '/' -> {
                        if (open == null || !open.content().equals(tag.content())) {
                            throw fail(tag.line(), "{{/" + tag.content() + "}} closes "
                                    + (open == null ? "no open section" : "{{" + open.kind() + open.content() + "}} of line " + open.line()));
                        }
                        return merged(parts);
                    }
                    case '>' -> parts.addAll(List.of(partial(tag).parts));
                    default -> throw new IllegalStateException("unknown tag kind " + tag.kind());
                }
            }
            if (open != null) {
                throw fail(open.line(), "{{" + open.kind() + open.content() + "}} is never closed");
            }
            return merged(parts);
        }

        /** Adjacent texts as one (a partial's edges meet the text around it). */
        private static Part[] merged(List<Part> parts) {
            List<Part> out = new ArrayList<>(parts.size());
            for (Part part : parts) {
                if (part instanceof Text t && !out.isEmpty() && out.getLast() instanceof Text before) {
                    out.set(out.size() - 1, new Text(before.text() + t.text()));
                } else if (!(part instanceof Text t && t.text().isEmpty())) {
                    out.add(part);
                }
            }
            return out.toArray(Part[]::new);
        }

        private LetterTemplate partial(Tag tag) {
            if (partialDepth >= MAX_PARTIAL_DEPTH) {
                throw fail(tag.line(), "partials nest more than " + MAX_PARTIAL_DEPTH + " deep (does one include itself?)");
            }
            String partialName = tag.content();
            String file = partialName.endsWith(".mustache") ? partialName : partialName + ".mustache";
            // Normalised, since a class-path lookup in a jar finds no "a/../b" (a folder on disk does).
            String path = URI.create(partialName.startsWith("/") ? LetterTemplates.ROOT + file
                    : name.substring(0, name.lastIndexOf('/') + 1) + file).normalize().getPath();
            String partialText = path.startsWith("../") ? null : read(path);
            if (partialText == null) {
                throw fail(tag.line(), "the partial {{> " + partialName + "}} is not on the class path (" + path + ")");
            }
            try {
                return new Parser(path, partialText, partialDepth + 1).template();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + " (included from " + name + ", line " + tag.line() + ")", e);
            }
        }

        private String[] path(Tag tag) {
            String content = tag.content();
            if (content.equals(".")) {
                return new String[0];
            }
            String[] path = content.split("\\.", -1);
            for (String segment : path) {
                if (segment.isEmpty() || segment.chars().anyMatch(c -> Character.isWhitespace(c) || "#^/>!{}&=".indexOf(c) >= 0)) {
                    throw fail(tag.line(), "'" + content + "' is not a name");
                }
            }
            return path;
        }

        private List<Tag> tags() {
            List<Tag> tags = new ArrayList<>();
            int line = 1;
            int counted = 0;
            int from = 0;
            while (true) {
                int open = text.indexOf("{{", from);
                if (open < 0) {
                    return tags;
                }
                line += newlines(counted, open);
                counted = open;
                boolean triple = text.startsWith("{{{", open);
                String closer = triple ? "}}}" : "}}";
                int close = text.indexOf(closer, open + (triple ? 3 : 2));
                if (close < 0) {
                    throw fail(line, "a tag is opened and never closed");
                }
                String inside = text.substring(open + (triple ? 3 : 2), close);
                char kind = inside.isEmpty() ? ' ' : inside.charAt(0);
                String content;
                if (triple || kind == '&') {
                    kind = ' ';
                    content = (triple ? inside : inside.substring(1)).strip();
                } else if (CONTROL_KINDS.indexOf(kind) >= 0) {
                    content = inside.substring(1).strip();
                } else if ("={<$".indexOf(kind) >= 0) {
                    throw fail(line, "{{" + inside + "}}: this kind of tag is not supported in letter templates");
                } else {
                    kind = ' ';
                    content = inside.strip();
                }
                if (content.isEmpty() && kind != '!') {
                    throw fail(line, "an empty tag");
                }
                tags.add(new Tag(kind, content, open, close + closer.length(), line));
                from = close + closer.length();
            }
        }

        private int newlines(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }

        private int lineStart(int at) {
            return text.lastIndexOf('\n', at - 1) + 1;
        }

        /** Where the line holding this position ends: its '\r\n' or '\n', or the end of the text. */
        private int lineEnd(int at) {
            int newline = text.indexOf('\n', at);
            if (newline < 0) {
                return text.length();
            }
            return newline > at && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
        }

        private int afterNewline(int lineEnd) {
            return text.charAt(lineEnd) == '\r' ? lineEnd + 2 : lineEnd + 1;
        }

        private boolean blank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!LetterTemplates.isBlank(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private IllegalStateException fail(int line, String problem) {
            return new IllegalStateException("letter template " + name + ", line " + line + ": " + problem);
        }
    }

}
