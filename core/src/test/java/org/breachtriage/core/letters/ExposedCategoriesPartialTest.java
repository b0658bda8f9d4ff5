package org.breachtriage.core.letters;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.breachtriage.core.model.DataCategory;
import org.junit.jupiter.api.Test;

/** Every category a manifest can name has its line in the letters' list of what was exposed. */
class ExposedCategoriesPartialTest {
    @Test
    void theExposedPartialNamesEveryCategoryInPlainWords() throws IOException {
        String partial;
        try (InputStream in = getClass().getResourceAsStream("/letters/en/partials/exposed.mustache")) {
            assertNotNull(in, "the exposed partial is on the class path");
            partial = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (DataCategory c : DataCategory.values()) {
            int open = partial.indexOf("{{#" + c.name() + "}}");
            int close = partial.indexOf("{{/" + c.name() + "}}");
            assertTrue(open >= 0 && close > open, c + " has a section");
            String line = partial.substring(open, close);
            assertTrue(line.contains("\n- "), c + " has a line of its own: " + line);
        }
    }
}
