package org.breachtriage.core.scoring;

import java.util.Set;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.model.StaffType;

/**
 * The decision about one person in one case. Unmatched pay numbers are results too
 * ({@code matched == false}, {@code staffType} and {@code force} null), never dropped.
 * {@code batchNo} is the batch that first wrote it; {@code version} counts rewrites (a duplicate
 * pay number in a later batch widens {@code exposed}); {@code noticeSent} is set once the notice is
 * published, so a re-run never sends it twice.
 */
public record PersonResult(
        String caseId,
        String payNumber,
        boolean matched,
        Set<DataCategory> exposed,
        Assessment assessment,
        NoticeDecision notice,
        StaffType staffType,
        String force,
        long batchNo,
        boolean noticeSent,
        int version) {

    public PersonResult {
        exposed = Set.copyOf(exposed);
    }

    public PersonResult withNoticeSent() {
        return new PersonResult(caseId, payNumber, matched, exposed, assessment, notice, staffType, force,
                batchNo, true, version);
    }
}
