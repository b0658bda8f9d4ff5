package org.breachtriage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportContextTest {

    @Test
    void defaultsArePlaceholdersMarkedToConfirmOrComplete() {
        ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME);
        DpoContact dpo = context.dpo();
        assertTrue(dpo.placeholder());
        assertEquals("Data Protection Officer, Metropolitan Police Service", dpo.name());
        assertEquals("[TO COMPLETE: DPO e-mail address]", dpo.email());
        assertTrue(dpo.describe().contains("[TO COMPLETE: confirm the DPO's name and contact details]"));
        assertTrue(context.measuresTaken().stream().allMatch(m -> m.endsWith(" [confirm]")));
        assertTrue(context.measuresProposed().stream().anyMatch(m -> m.startsWith("Reissue ID cards")));
        assertTrue(context.otherOrganisationsTold().contains("National Crime Agency (NCA) [confirm]"));
        assertTrue(context.categoriesSeen().isEmpty());
    }

    @Test
    void anEmptyListMeansNoneAndIsLeftToComplete() {
        ReportContext context = ReportFixtures.context(ReportFixtures.GENERATED_IN_TIME).withMeasures(List.of(), List.of());
        IcoArt33Draft draft = IcoArt33Drafts.from(ReportFixtures.idCardCase(), context);
        assertTrue(draft.toComplete().contains("Containment and the measures already in place: [TO COMPLETE: measures taken]"),
                String.join("\n", draft.toComplete()));
    }

    @Test
    void forceAndGenerationTimeAreRequired() {
        IllegalArgumentException noForce = assertThrows(IllegalArgumentException.class,
                () -> ReportContext.defaults(" ", ReportFixtures.GENERATED_IN_TIME, "v1"));
        assertEquals("force is required", noForce.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportContext.defaults("Force", null, "v1"));
    }
}
