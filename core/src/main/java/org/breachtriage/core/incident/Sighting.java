package org.breachtriage.core.incident;

import java.util.Set;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.manifest.PersonKeys;
import org.breachtriage.core.model.Categories;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.SubjectType;
import org.breachtriage.core.model.StaffMember;

/**
 * What one batch of one manifest says about one person: the categories its rows listed (incident
 * defaults applied, several rows merged), the echoes of rank and vetting level, the staff record
 * found for the pay number (null if none), and the manifest's incident metadata (its circumstances
 * go into the score).
 *
 * @param mayNotify false when a later manifest has superseded this one: what it says is recorded, but
 *                  nobody is told on its strength alone
 * @param contactChannel how the manifest says a non-staff subject is reached (null for staff: the staff
 *                  table says it)
 * @param regime    the incident's regime when the batch was scored (null: none yet), for the provision a
 *                  notice cites and so whether it may go out without an approver ({@link S68Release})
 */
public record Sighting(String incidentId, String caseId, long batchNo, String payNumber, Set<DataCategory> categories,
                       String echoedRank, String echoedVettingLevel, StaffMember member, IncidentMetadata incident,
                       boolean mayNotify, ContactChannel contactChannel, IncidentRegime regime) {

    public Sighting {
        categories = Categories.immutable(categories);
    }

    /** A sighting scored before the incident's regime was known to it. */
    public Sighting(String incidentId, String caseId, long batchNo, String payNumber, Set<DataCategory> categories,
                    String echoedRank, String echoedVettingLevel, StaffMember member, IncidentMetadata incident,
                    boolean mayNotify, ContactChannel contactChannel) {
        this(incidentId, caseId, batchNo, payNumber, categories, echoedRank, echoedVettingLevel, member, incident,
                mayNotify, contactChannel, null);
    }

    /** A staff member's sighting: {@code payNumber} is their pay number. */
    public Sighting(String incidentId, String caseId, long batchNo, String payNumber, Set<DataCategory> categories,
                    String echoedRank, String echoedVettingLevel, StaffMember member, IncidentMetadata incident,
                    boolean mayNotify) {
        this(incidentId, caseId, batchNo, payNumber, categories, echoedRank, echoedVettingLevel, member, incident,
                mayNotify, null, null);
    }

    /** Whose data this is, from the key ({@link PersonKeys}). */
    public SubjectType subjectType() {
        return PersonKeys.subjectType(payNumber);
    }
}
