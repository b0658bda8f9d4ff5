package org.breachtriage.core.incident;

/**
 * Where a planned notice is. PLANNED is written in the same atomic write as the person's state that
 * called for it (the outbox); PUBLISHED once the topic accepted it. A notice is never planned twice
 * for the same person, kind and band.
 */
public enum NoticeState { PLANNED, PUBLISHED }
