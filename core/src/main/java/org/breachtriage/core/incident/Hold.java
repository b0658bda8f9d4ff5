package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * A person's notices kept back by a person's decision, e.g. "to be told by their handler". While
 * it stands, no release publishes anything for them.
 *
 * @param identity    who ran the command: the OS user locally, the AWS caller identity with {@code --aws}
 * @param restriction for a subject under DPA 2018 Part 3, the s.68(7) ground the notice is withheld on;
 *                    null for an ordinary hold
 */
public record Hold(String by, String identity, String reason, Instant at, S68Restriction restriction) {

    /** An ordinary hold, not a s.68(7) restriction. */
    public Hold(String by, String identity, String reason, Instant at) {
        this(by, identity, reason, at, null);
    }
}
