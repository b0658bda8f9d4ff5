package org.breachtriage.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.breachtriage.core.model.VettingLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VettingLevelTextTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "SC | SC", "sc | SC", "' Sc ' | SC", "SC cleared | SC", "Security Check | SC", "security clearance | SC",
            "eSC | SC", "DV | DV", "Developed Vetting | DV", "dv-vetted | DV", "MV | MV", "Management Vetting | MV",
            "RV | RV", "Recruitment Vetting | RV", "NPPV1 | NPPV1", "NPPV 2A | NPPV2A", "nppv-l2a | NPPV2A",
            "NPPV2 | NPPV2A", "NPPV level 2F | NPPV2F", "NPPV 3 | NPPV3", "NPPV L3 | NPPV3", "CTC | CTC",
            "Counter Terrorist Check | CTC", "c.t.c. | CTC"})
    void readsTheWaysSuppliersWriteLevels(String text, VettingLevel expected) {
        assertEquals(expected, VettingLevelText.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    // The last six keep letters and digits at the edges of their ranges (a, z, A, Z, 0, 9): dropping one would
    // turn them into a level.
    @ValueSource(strings = {"   ", "Level Q", "S", "SCC", "cleared", "NPPV4", "top secret", "SCz", "SCZ", "SC0", "SC9",
            "CTCA", "ctca"})
    void unknownTextIsNull(String text) {
        assertNull(VettingLevelText.parse(text));
    }
}
