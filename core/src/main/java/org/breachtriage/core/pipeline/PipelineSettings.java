package org.breachtriage.core.pipeline;

import java.time.Clock;
import org.breachtriage.core.scoring.ScoringPolicy;

/**
 * What a deployment chooses: the notice policy, the force named as controller in the reports, and
 * the clock (fixed in tests).
 */
public record PipelineSettings(ScoringPolicy policy, String force, Clock clock) {

    /** The packaged policy, {@code TRIAGE_FORCE}, the system clock. */
    public static PipelineSettings fromEnvironment() {
        return new PipelineSettings(ScoringPolicy.loadDefault(), ForceName.fromEnvironment(), Clock.systemUTC());
    }
}
