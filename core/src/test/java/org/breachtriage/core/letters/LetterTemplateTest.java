package org.breachtriage.core.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.reflect.SimpleObjectHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link LetterTemplate} against the Mustache library the letters were rendered with before it: every template
 * on the class path, for thousands of models made of the names the templates use, gives the same text, character
 * for character once tidied as every letter is (the raw texts may differ in how many blank lines stand together,
 * which the tidying makes one). And what the parser refuses, it refuses naming file and line.
 */
class LetterTemplateTest {
    private static final Pattern NAME = Pattern.compile("\\{\\{[#^/]?\\s*([A-Za-z_][\\w.]*)\\s*}}");
    private static final int MODELS_PER_TEMPLATE = 1_500;

    /** The library as LetterTemplates configured it: plain text, maps and lists only. */
    private static final class PlainTextMustache extends DefaultMustacheFactory {
        PlainTextMustache() {
            super(LetterTemplates.ROOT);
            setObjectHandler(new SimpleObjectHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String render(String path, Map<String, Object> model) {
            StringWriter out = new StringWriter();
            compile(path).execute(out, model);
            return out.toString();
        }
    }

    @Test
    void everyTemplateRendersAsTheMustacheLibraryDidForRandomModels() throws IOException, URISyntaxException {
        // The shipped templates and the test ones (another language), each folder on the class path.
        Map<Path, String> templates = new LinkedHashMap<>();
        for (URL url : Collections.list(LetterTemplate.class.getClassLoader().getResources(LetterTemplates.ROOT))) {
            Path root = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".mustache")).sorted()
                        .forEach(p -> templates.put(p, root.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertTrue(templates.keySet().stream().anyMatch(p -> p.toString().contains("/classes/letters/en/")),
                "the shipped templates were found: " + templates.keySet());
        List<String> names = namesIn(List.copyOf(templates.keySet()));
        PlainTextMustache library = new PlainTextMustache();
        Random random = new Random(20261203);
        int compared = 0;
        int nonEmpty = 0;
        for (String relative : templates.values()) {
            LetterTemplate ours = LetterTemplate.load(LetterTemplates.ROOT + "/" + relative);
            for (int i = 0; i < MODELS_PER_TEMPLATE; i++) {
                Map<String, Object> model = randomModel(names, random, 0);
                // Compared as a letter is sent, tidied: where the library leaves a blank line that the Mustache
                // spec drops (a section tag alone on its line after a blank line), the tidying collapses both to one.
                String expected = LetterTemplates.tidy(library.render(relative, model), true);
                String actual = LetterTemplates.tidy(ours.render(model), true);
                if (!expected.equals(actual)) {
                    assertEquals(expected, actual, relative + ": " + firstDifference(expected, actual) + "; the model: " + model);
                }
                compared++;
                nonEmpty += expected.isBlank() ? 0 : 1;
            }
        }
        assertEquals(templates.size() * MODELS_PER_TEMPLATE, compared);
        assertTrue(nonEmpty > compared / 2, "most texts say something: " + nonEmpty + " of " + compared);
    }

    /** Where two texts part, with a little of each around it (the whole texts are long). */
    private static String firstDifference(String expected, String actual) {
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 80);
        return "they differ at " + at + ": expected «" + expected.substring(from, Math.min(expected.length(), at + 80))
                + "» but was «" + actual.substring(from, Math.min(actual.length(), at + 80)) + "»";
    }

    /** Every name a template looks up, and each part of a dotted one (so that maps hold the inner names). */
    private static List<String> namesIn(List<Path> templates) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path file : templates) {
            Matcher m = NAME.matcher(Files.readString(file));
            while (m.find()) {
                String name = m.group(1);
                if (!name.startsWith("/")) {
                    names.addAll(List.of(name.split("\\.")));
                }
            }
        }
        names.remove("en");
        return List.copyOf(names);
    }

    /** A model where each name is missing or holds a value of a kind the letters' models use (or an odd one). */
    private static Map<String, Object> randomModel(List<String> names, Random random, int depth) {
        Map<String, Object> model = new LinkedHashMap<>();
        for (String name : names) {
            int kind = random.nextInt(depth == 0 ? 10 : 14);
            switch (kind) {
                case 0, 1, 2 -> model.put(name, "text of " + name + (random.nextBoolean() ? "" : " — ünïcode"));
                case 3, 4 -> model.put(name, true);
                case 5 -> model.put(name, false);
                case 6 -> model.put(name, "");
                case 7 -> {
                    List<Object> items = new ArrayList<>();
                    for (int n = random.nextInt(4); n > 0; n--) {
                        items.add(random.nextInt(3) == 0 ? randomModel(sample(names, random), random, depth + 1)
                                : "item " + n);
                    }
                    model.put(name, items);
                }
                case 8 -> {
                    if (depth < 2) {
                        model.put(name, randomModel(sample(names, random), random, depth + 1));
                    }
                }
                case 9 -> model.put(name, null);
                default -> {
                } // missing
            }
        }
        return model;
    }

    /** A few of the names, for a map inside the model. */
    private static List<String> sample(List<String> names, Random random) {
        List<String> some = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            some.add(names.get(random.nextInt(names.size())));
        }
        return some;
    }

    @Test
    void aNameIsLookedUpFromTheInnermostSectionOutwards() {
        LetterTemplate template = LetterTemplate.parse("test", "{{#dpo}}{{name}} for {{force}}{{/dpo}}");
        assertEquals("A. Dpo for the Met", template.render(Map.of("force", "the Met", "dpo", Map.of("name", "A. Dpo"))));
    }

    @Test
    void aLineHoldingOnlyASectionTagLeavesNoLineBehind() {
        LetterTemplate template = LetterTemplate.parse("test", "Before\n  {{#a}}  \r\n- one\n{{/a}}\nAfter {{#a}}x{{/a}}\n");
        assertEquals("Before\n- one\nAfter x\n", template.render(Map.of("a", true)));
        assertEquals("Before\nAfter \n", template.render(Map.of()));
    }

    /** The Mustache spec's blank lines, where mustache.java differs (no shipped template has these shapes). */
    @Test
    void aCommentOrAPartialAloneOnItsLineLeavesNoLine() {
        assertEquals("A\nC\n", LetterTemplate.parse("t", "A\n{{! a note }}\nC\n").render(Map.of()));
        String partial = LetterTemplate.parse("letters/en/t/email.mustache", "A\n{{> /en/partials/greeting}}\nB\n")
                .render(Map.of("forename", "Sam"));
        assertEquals("A\nDear Sam,\nB\n", partial);
        assertEquals("A\nB\nC\n", LetterTemplate.parse("t", "A\n  {{#a}}  \nB\n{{/a}}\nC\n").render(Map.of("a", true)));
    }

    @Test
    void aDottedNameWhoseFirstPartIsNullInsideIsLookedForOutside() {
        LetterTemplate template = LetterTemplate.parse("t", "{{#a}}{{dpo.name}}{{/a}}");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("dpo", null);
        assertEquals("D", template.render(Map.of("dpo", Map.of("name", "D"), "a", inner)));
    }

    @Test
    void aPartialIsFoundByAPathWithDotsOrWithItsExtension() {
        String viaParent = LetterTemplate.parse("letters/en/art34-high-v1/email.mustache", "{{> ../partials/greeting}}")
                .render(Map.of("forename", "Sam"));
        String withExtension = LetterTemplate.parse("t", "{{> /en/partials/greeting.mustache}}").render(Map.of("forename", "Sam"));
        assertEquals("Dear Sam,\n", viaParent);
        assertEquals(viaParent, withExtension);
    }

    @Test
    void listsRepeatAndTheirItemIsTheDot() {
        LetterTemplate template = LetterTemplate.parse("test", "{{#reasons}}- {{.}}\n{{/reasons}}{{^reasons}}none{{/reasons}}");
        assertEquals("- a\n- b\n", template.render(Map.of("reasons", List.of("a", "b"))));
        assertEquals("none", template.render(Map.of("reasons", List.of())));
    }

    @Test
    void whatTheParserRefusesItRefusesNamingFileAndLine() {
        IllegalStateException open = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("letters/xx/t/email.mustache", "Hello\n{{#a}}\nnever closed"));
        assertEquals("letter template letters/xx/t/email.mustache, line 2: {{#a}} is never closed", open.getMessage());
        IllegalStateException crossed = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("t", "{{#a}}{{#b}}\n{{/a}}{{/b}}"));
        assertEquals("letter template t, line 2: {{/a}} closes {{#b}} of line 1", crossed.getMessage());
        IllegalStateException inverted = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("t", "{{^a}}\n{{/b}}"));
        assertEquals("letter template t, line 2: {{/b}} closes {{^a}} of line 1", inverted.getMessage());
        IllegalStateException marks = assertThrows(IllegalStateException.class, () -> LetterTemplate.parse("t", "{{ #a }}"));
        assertEquals("letter template t, line 1: '#a' is not a name", marks.getMessage());
        IllegalStateException delimiters = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("t", "{{=<% %>=}}"));
        assertTrue(delimiters.getMessage().startsWith("letter template t, line 1: {{=<% %>=}}: this kind of tag is not"),
                delimiters.getMessage());
        IllegalStateException unterminated = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("t", "a\nb {{name"));
        assertEquals("letter template t, line 2: a tag is opened and never closed", unterminated.getMessage());
        IllegalStateException inPartial = assertThrows(IllegalStateException.class, // test resources, outside letters/
                () -> LetterTemplate.parse("broken-letters/t/email.mustache", "Hello\n\n{{> bad}}\n"));
        assertEquals("letter template broken-letters/t/bad.mustache, line 2: {{#x}} is never closed (included from"
                + " broken-letters/t/email.mustache, line 3)", inPartial.getMessage());
        IllegalStateException partial = assertThrows(IllegalStateException.class,
                () -> LetterTemplate.parse("letters/en/x/email.mustache", "{{> /en/partials/nothing-here}}"));
        assertEquals("letter template letters/en/x/email.mustache, line 1: the partial {{> /en/partials/nothing-here}} is"
                + " not on the class path (letters/en/partials/nothing-here.mustache)", partial.getMessage());
    }
}
