package org.breachtriage.core.cases;

import java.time.Instant;

/** One line of a case's decision log (Art. 33(5)): what was decided, about what, and why. */
public record DecisionEntry(Instant at, String subject, String decision, String reason) {
}
