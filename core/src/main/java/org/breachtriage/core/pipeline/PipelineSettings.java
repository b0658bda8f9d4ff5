package org.breachtriage.core.pipeline;

import java.time.Clock;
import org.breachtriage.core.letters.LetterSettings;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * What a deployment chooses: the notice policy, the force named as controller in the reports, the
 * clock (fixed in tests), and the languages and contact point of the letters people read.
 */
public record PipelineSettings(ScoringPolicy policy, String force, Clock clock, LetterSettings letters) {

    /** English letters with the DPO as a visible placeholder. */
    public PipelineSettings(ScoringPolicy policy, String force, Clock clock) {
        this(policy, force, clock, LetterSettings.defaults(force));
    }

    /** The packaged policy, {@code TRIAGE_FORCE}, the system clock, the letter settings of the environment. */
    public static PipelineSettings fromEnvironment() {
        String force = ForceName.fromEnvironment();
        return new PipelineSettings(ScoringPolicy.loadDefault(), force, Clock.systemUTC(),
                LetterSettings.fromEnvironment(System.getenv(), force));
    }
}
