package org.breachtriage.core.scoring;

import org.breachtriage.core.model.ContactChannel;

/** The Art. 34 decision for one person: whether to notify, by which channel, and why (or why not). */
public record NoticeDecision(boolean required, ContactChannel channel, String templateId, String reason) {
}
