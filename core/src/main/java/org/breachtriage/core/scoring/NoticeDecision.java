package org.breachtriage.core.scoring;

import org.breachtriage.core.model.ContactChannel;

/**
 * What the policy decides for one person: whether Art. 34 requires a notice ({@code required}), the
 * channel and template of the individual message they get (NONE: none; the general staff
 * communication covers them), who must release it, and why, in words.
 */
public record NoticeDecision(boolean required, ContactChannel channel, String templateId, ReleaseRule release,
                             String reason) {

    /** True when the person gets an individual message: an Art. 34 notice, or an information notice below it. */
    public boolean sendsNotice() {
        return channel != ContactChannel.NONE;
    }
}
