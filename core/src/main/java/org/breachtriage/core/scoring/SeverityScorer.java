package org.breachtriage.core.scoring;

import java.util.List;
import org.breachtriage.core.model.Band;

// PLACEHOLDER: replaced by the scoring work (ENISA SE = DPC x EI + CB).
public final class SeverityScorer {
    private final ScoringPolicy policy;

    public SeverityScorer(ScoringPolicy policy) {
        this.policy = policy;
    }

    public Assessment assess(ScoringInput input) {
        CircumstancesOfBreach cb = new CircumstancesOfBreach(0, 0, 0, 0);
        return new Assessment(1, 0.25, cb, 0.25, Band.LOW, List.of("placeholder"));
    }
}
