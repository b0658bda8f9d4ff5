package org.breachtriage.core.incident;

import java.util.Set;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.SubjectType;

/**
 * What one manifest says about one person: the categories its rows listed for them (incident
 * defaults applied), the echoes of rank and vetting level it carried, and the band that manifest
 * alone gives them, which is what its own case counts. A manifest that lists a person twice is one
 * exposure, the union of its rows.
 */
public record ManifestExposure(String caseId, Set<DataCategory> categories, String echoedRank,
                               String echoedVettingLevel, Band band, boolean matched) {

    public ManifestExposure {
        categories = Categories.immutable(categories);
    }

    /** @param subjectType the person's (their key says it, so each manifest's exposure need not) */
    public CaseFigure figure(SubjectType subjectType) {
        return new CaseFigure(band, matched, subjectType);
    }
}
