package org.breachtriage.core.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass tidy must say exactly what the two regular expressions it replaced said. */
class LetterTemplatesTidyTest {
    private static String byRegex(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    @Test
    void collapsesBlankLinesAndDropsTrailingSpacesAsTheRegexesDid() {
        for (String text : new String[] {"", "  ", "a", "a  \n  b", "a\n \t\n\n\nb", "\n\n\na\n\n\n", "a\r\n\r\n\r\nb",
                "x\t\n\t\n\t", "Dear A,\n\n\n\n   Your data\t \n\n\n--\n"}) {
            assertEquals(byRegex(text), LetterTemplates.tidy(text), () -> "for " + text.replace("\n", "\\n"));
        }
    }

    @Test
    void agreesOnRandomTextOfSpacesTabsNewlinesAndLetters() {
        Random random = new Random(7);
        char[] alphabet = {' ', '\t', '\n', '\r', 'a', 'b', '\u00a0'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertEquals(byRegex(text.toString()), LetterTemplates.tidy(text.toString()), text.toString());
        }
    }

    /** Mustache writes a letter in pieces: split anywhere, by any of the writer's methods, the text is the same. */
    @Test
    void theWriterSaysTheSameWhereverTheTextIsSplit() {
        Random random = new Random(11);
        char[] alphabet = {' ', '\t', '\n', '\r', 'a', 'b', '\u00a0'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String whole = text.toString();
            TidyWriter out = new TidyWriter(4);
            for (int at = 0; at < whole.length(); ) {
                int piece = Math.min(whole.length() - at, random.nextInt(6));
                switch (random.nextInt(4)) {
                    case 0 -> out.write(whole, at, piece);
                    case 1 -> out.write(whole.substring(at, at + piece).toCharArray(), 0, piece);
                    case 2 -> whole.substring(at, at + piece).chars().forEach(out::write);
                    default -> out.write(whole.substring(at, at + piece));
                }
                at += piece;
            }
            String expected = byRegex(whole);
            if (random.nextBoolean()) {
                assertEquals(expected, out.text(), whole);
            } else {
                assertEquals(expected + "\n", out.textAndNewline(), whole);
            }
        }
    }
}
