package org.breachtriage.core.letters;

import java.util.EnumSet;
import java.util.Set;
import org.breachtriage.core.model.ContactChannel;

/**
 * What each channel's text may say about the person. An e-mail can be read over a shoulder or
 * forwarded, so it names the person and nothing else: never rank, unit, role, vetting level or why
 * they are at risk. A letter or a phone call may say which of their details leaked. The brief for
 * whoever tells a person face to face may say most, because it is read by that officer, not posted.
 * The letter model only ever holds what the channel allows, so a template cannot print the rest.
 */
public final class ChannelSafety {
    private ChannelSafety() {
    }

    public static Set<Detail> allowed(ContactChannel channel) {
        return switch (channel) {
            case NONE -> EnumSet.noneOf(Detail.class);
            case EMAIL -> EnumSet.of(Detail.FORENAME);
            case LETTER, PHONE -> EnumSet.of(Detail.FORENAME, Detail.SURNAME, Detail.EXPOSED_CATEGORIES);
            case IN_PERSON -> EnumSet.allOf(Detail.class);
        };
    }
}
