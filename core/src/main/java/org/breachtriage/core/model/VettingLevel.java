package org.breachtriage.core.model;

/** UK police and national security vetting levels. */
public enum VettingLevel {
    RV, MV, NPPV1, NPPV2A, NPPV2F, NPPV3, CTC, SC, DV;

    /** MV, SC and DV are held for sensitive posts, so exposing the level reveals the post. */
    public boolean revealsSensitivePost() {
        return this == MV || this == SC || this == DV;
    }
}
