package org.breachtriage.embedded;

import org.breachtriage.core.cases.CaseRecord;

/** What the cases map holds: the case and the batch numbers already counted into its counters. */
record StoredCase(CaseRecord record, BatchRanges batchesDone) {
}
