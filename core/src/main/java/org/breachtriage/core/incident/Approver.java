package org.breachtriage.core.incident;

import java.util.Locale;
import java.util.Objects;

/**
 * Who approves a release: the name they give, the identity that ran the command, and the key that
 * tells two approvers apart. With {@code --aws} the key is the caller identity, so one set of
 * credentials counts once whatever names it gives; on one machine, where a laptop may be shared,
 * it is the name, and the decision log shows both.
 */
public record Approver(String name, String identity, String key) {

    public Approver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an approver needs a name");
        }
    }

    /** On one machine: told apart by name (trimmed, case and runs of white space ignored). */
    public static Approver byName(String name, String identity) {
        return new Approver(name.trim(), identity, "name:" + name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    /** On AWS: told apart by the caller identity (an ARN), whatever name is given. */
    public static Approver byIdentity(String name, String identity) {
        return new Approver(name.trim(), identity, "identity:" + identity);
    }
}
