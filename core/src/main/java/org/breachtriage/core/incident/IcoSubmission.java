package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * That the report to the ICO was made: when, the ICO's reference, and why it was late if it was
 * (Art. 33(1) asks for the reasons for a delay beyond 72 hours).
 */
public record IcoSubmission(Instant submittedAt, String icoReference, String lateReason, Instant recordedAt) {
}
