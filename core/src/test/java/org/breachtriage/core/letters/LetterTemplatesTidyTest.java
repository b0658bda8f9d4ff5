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
            assertEquals(byRegex(text) + "\n", LetterTemplates.tidy(text, true), () -> "for " + text.replace("\n", "\\n"));
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
            assertEquals(byRegex(text.toString()) + "\n", LetterTemplates.tidy(text.toString(), true), text.toString());
        }
    }
}
