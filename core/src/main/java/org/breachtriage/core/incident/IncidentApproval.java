package org.breachtriage.core.incident;

import java.time.Instant;
import org.breachtriage.core.model.Band;

/**
 * One release decision, as the incident records it: who, when, why, for which band (null: every
 * band), and how many waiting notices it covered. It covers those notices only: an approval is never
 * applied to a notice planned after it.
 */
public record IncidentApproval(String approvalId, String approverKey, String name, String identity, Instant at,
                               Band band, String reason, int covered) {
}
