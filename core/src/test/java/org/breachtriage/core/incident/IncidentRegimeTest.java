package org.breachtriage.core.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.SubjectType;
import org.junit.jupiter.api.Test;

/** Which provision each person's notice cites, by the incident's regime and whose data it is. */
class IncidentRegimeTest {
    private static final IncidentRegime DERIVED = new IncidentRegime(Regime.DPA_2018_PART_3, true, IncidentRegime.DERIVED_REASON);
    private static final IncidentRegime STATED = new IncidentRegime(Regime.DPA_2018_PART_3, false, "stated");
    private static final IncidentRegime GDPR = new IncidentRegime(Regime.UK_GDPR, false, "stated");

    @Test
    void staffAreToldUnderArticle34WhateverTheIncident() {
        for (IncidentRegime regime : new IncidentRegime[] {null, DERIVED, STATED, GDPR}) {
            assertEquals(Regime.UK_GDPR, IncidentRegime.forNotice(regime, SubjectType.STAFF), String.valueOf(regime));
        }
    }

    @Test
    void victimsWitnessesAndSuspectsAreToldUnderSection68WhereTheIncidentIsPartThree() {
        for (SubjectType type : new SubjectType[] {SubjectType.VICTIM, SubjectType.WITNESS, SubjectType.SUSPECT}) {
            assertEquals(Regime.DPA_2018_PART_3, IncidentRegime.forNotice(DERIVED, type));
            assertEquals(Regime.DPA_2018_PART_3, IncidentRegime.forNotice(STATED, type));
            assertEquals(Regime.UK_GDPR, IncidentRegime.forNotice(GDPR, type), "a stated UK GDPR incident");
            assertEquals(Regime.UK_GDPR, IncidentRegime.forNotice(null, type));
        }
    }

    @Test
    void otherSubjectsFollowAStatedRegimeOnlyNotOneDerivedFromVictims() {
        assertEquals(Regime.UK_GDPR, IncidentRegime.forNotice(DERIVED, SubjectType.OTHER));
        assertEquals(Regime.DPA_2018_PART_3, IncidentRegime.forNotice(STATED, SubjectType.OTHER));
    }

    @Test
    void theRegimeFieldTakesBothSpellingsOfPartThree() {
        assertEquals(Regime.DPA_2018_PART_3, Regime.parse("DPA2018_PART3"));
        assertEquals(Regime.DPA_2018_PART_3, Regime.parse("DPA_2018_PART_3"));
        assertEquals(Regime.DPA_2018_PART_3, Regime.parse(" dpa 2018 part 3 "));
        assertEquals(Regime.UK_GDPR, Regime.parse("uk-gdpr"));
        assertNull(Regime.parse("GDPR"));
        assertEquals(Regime.UK_GDPR, IncidentRegime.of(null), "an incident nothing has said otherwise about");
    }
}
