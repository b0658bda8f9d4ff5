package org.breachtriage.core.scoring;

import java.util.Set;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.SubjectType;

/**
 * Everything the scorer may look at for one person. {@code staff} is null for a pay number the
 * staff table does not know, and always for someone outside the workforce; the manifest's echoes
 * ({@code echoedRank}, {@code echoedVettingLevel}) are then all there is. {@code exposed} is already
 * resolved (incident defaults applied). {@code subject} is whose data it is (null: {@code STAFF}):
 * the police-specific steps apply to the workforce, and a home address weighs differently for a
 * victim than for a member of the public.
 */
public record ScoringInput(
        Set<DataCategory> exposed,
        StaffMember staff,
        String echoedRank,
        String echoedVettingLevel,
        IncidentMetadata incident,
        SubjectType subject) {

    public ScoringInput {
        subject = subject == null ? SubjectType.STAFF : subject;
    }

    /** A member of the workforce (in the staff table or not). */
    public ScoringInput(Set<DataCategory> exposed, StaffMember staff, String echoedRank, String echoedVettingLevel,
                        IncidentMetadata incident) {
        this(exposed, staff, echoedRank, echoedVettingLevel, incident, SubjectType.STAFF);
    }
}
