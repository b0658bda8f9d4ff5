package org.breachtriage.core.incident;

import org.breachtriage.core.cases.Regime;
import org.breachtriage.core.model.SubjectType;

/**
 * The legal regime an incident is reported under, and why: stated by a manifest's metadata, or
 * derived because a manifest lists victims, witnesses or suspects. Any victim, witness or suspect makes
 * it DPA 2018 Part 3: a stated UK GDPR never downgrades it, whichever manifest came first (a warning is
 * logged); a stated DPA 2018 Part 3 replaces a derived one and stays. Two stated regimes that disagree
 * keep the first (the later is noted, not applied).
 *
 * @param derived true when no metadata stated it and it follows from the subjects listed
 */
public record IncidentRegime(Regime regime, boolean derived, String reason) {
    public static final String DERIVED_REASON = "derived: the manifest lists victims/witnesses/suspects, whose data"
            + " falls under DPA 2018 Part 3";

    public boolean partThree() {
        return regime == Regime.DPA_2018_PART_3;
    }

    /**
     * The provision a person's notice cites, under an incident's regime (null: UK GDPR). Staff are told under
     * UK GDPR Art. 34 whatever the incident: the force holds their data as an employer. A victim, witness or
     * suspect of a DPA 2018 Part 3 incident is told under s.68. OTHER subjects follow the incident only where
     * a manifest stated the regime: a derived one says only that the victims', witnesses' and suspects'
     * data is law enforcement data. So in a mixed manifest each person's notice cites what applies to them.
     */
    public static Regime forNotice(IncidentRegime incident, SubjectType subject) {
        if (incident == null || !incident.partThree() || subject.staff()) {
            return Regime.UK_GDPR;
        }
        return subject.lawEnforcementSubject() || !incident.derived() ? Regime.DPA_2018_PART_3 : Regime.UK_GDPR;
    }

    /** The regime a missing record means: UK GDPR, the workforce's. */
    public static Regime of(IncidentRegime regime) {
        return regime == null ? Regime.UK_GDPR : regime.regime();
    }
}
