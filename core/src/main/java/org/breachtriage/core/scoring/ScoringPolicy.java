package org.breachtriage.core.scoring;

import java.util.Map;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.StaffMember;

// PLACEHOLDER: replaced by the scoring work (policy loaded from a versioned resource file).
public record ScoringPolicy(String version, Band noticeAtOrAbove, Map<Band, ContactChannel> channelByBand) {

    public static ScoringPolicy loadDefault() {
        return new ScoringPolicy("placeholder", Band.HIGH, Map.of());
    }

    public NoticeDecision decide(Band band, StaffMember staff) {
        boolean required = band.atLeast(noticeAtOrAbove);
        return new NoticeDecision(required, channelByBand.getOrDefault(band, ContactChannel.NONE),
                "tpl-" + band.name().toLowerCase(), required ? "band at or above threshold" : "below threshold");
    }
}
