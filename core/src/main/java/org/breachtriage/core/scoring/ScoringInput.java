package org.breachtriage.core.scoring;

import java.util.Set;
import org.breachtriage.core.manifest.IncidentMetadata;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffMember;

/**
 * Everything the scorer may look at for one person. {@code staff} is null for a pay number the
 * staff table does not know; the manifest's echoes ({@code echoedRank}, {@code echoedVettingLevel})
 * are then all there is. {@code exposed} is already resolved (incident defaults applied).
 */
public record ScoringInput(
        Set<DataCategory> exposed,
        StaffMember staff,
        String echoedRank,
        String echoedVettingLevel,
        IncidentMetadata incident) {
}
