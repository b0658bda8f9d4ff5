package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * One approver's yes on one notice. {@code approverKey} is what makes two approvers different: the
 * caller identity on AWS, the name given on one machine (where a laptop may be shared).
 *
 * @param approvalId the incident's approval this came from ({@code <incident>/approval/<n>})
 */
public record NoticeApproval(String approvalId, String approverKey, String name, String identity, Instant at) {
}
