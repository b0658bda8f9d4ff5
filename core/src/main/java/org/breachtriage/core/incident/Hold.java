package org.breachtriage.core.incident;

import java.time.Instant;

/**
 * A person's notices kept back by a person's decision, e.g. "to be told by their handler". While
 * it stands, no release publishes anything for them.
 *
 * @param identity who ran the command: the OS user locally, the AWS caller identity with {@code --aws}
 */
public record Hold(String by, String identity, String reason, Instant at) {
}
