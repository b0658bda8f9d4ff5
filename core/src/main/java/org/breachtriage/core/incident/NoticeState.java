package org.breachtriage.core.incident;

/**
 * Where a notice is. PLANNED is written in the same atomic write as the person's state that called
 * for it (the outbox) and waits there for its release: the approvals its band's rule asks for, and
 * no hold on the person. RELEASED once the rule is met (at once for a band released automatically);
 * a publisher then claims it, writes its letter and publishes it: PUBLISHED. WITHDRAWN: never sent,
 * because the person's band rose before it went out and a notice for the higher band replaced it.
 * A notice is never planned twice for the same person, kind and band.
 *
 * <p>New constants go at the end: the embedded store persists ordinals.
 */
public enum NoticeState { PLANNED, PUBLISHED, RELEASED, WITHDRAWN }
