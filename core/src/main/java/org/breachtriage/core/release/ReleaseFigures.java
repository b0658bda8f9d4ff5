package org.breachtriage.core.release;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.incident.IncidentRecord;
import org.breachtriage.core.incident.NoticeKind;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.ports.PersonStore;

/**
 * Where the incident's people stand on being told, read from their records. Each person counted
 * (those named only in superseded manifests are not) is in exactly one of: told (their initial notice
 * is published), held, covered by the general staff communication only (a member of the workforce with
 * no individual notice), told nothing individually (someone outside the workforce with no individual
 * notice: the general staff communication is not addressed to them), or waiting (a notice planned, not
 * yet out). So once everything is released,
 * {@code initial + held + generalCommunication + noIndividualNotice} is every person.
 *
 * @param noIndividualNotice people outside the workforce with no individual notice (not held, not told)
 * @param workforce          people of the workforce counted (pay numbers): with none, the incident gets no
 *                           general staff communication
 *
 * @param awaitingRelease notices waiting for approvers, by band (people held are not in it)
 * @param releasing       notices released and not yet published (a publisher is at work, or died)
 * @param escalation      escalation notices published
 * @param withdrawn       notices replaced by one for a higher band before they went out
 */
public record ReleaseFigures(Map<Band, Long> awaitingRelease, long releasing, long initial, long escalation,
                             long held, long generalCommunication, long waitingPeople, long withdrawn,
                             long noIndividualNotice, long workforce) {

    public ReleaseFigures {
        awaitingRelease = Map.copyOf(awaitingRelease);
    }

    /** Figures of an incident of staff only, as before people outside the workforce were counted apart. */
    public ReleaseFigures(Map<Band, Long> awaitingRelease, long releasing, long initial, long escalation,
                          long held, long generalCommunication, long waitingPeople, long withdrawn) {
        this(awaitingRelease, releasing, initial, escalation, held, generalCommunication, waitingPeople, withdrawn, 0,
                initial + held + generalCommunication + waitingPeople);
    }

    public long awaitingTotal() {
        return awaitingRelease.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Awaiting release by band, every band present and in band order (0 where none), for JSON. */
    public Map<String, Long> awaitingByBand() {
        Map<String, Long> byBand = new LinkedHashMap<>();
        for (Band band : Band.values()) {
            byBand.put(band.name(), awaitingRelease.getOrDefault(band, 0L));
        }
        return byBand;
    }

    /** Reads every person of the incident (one scan of its people). */
    public static ReleaseFigures read(IncidentRecord incident, PersonStore persons) {
        Tally tally = new Tally(incident.supersededCaseIds());
        persons.forEachAnyOrder(incident.incidentId(), tally::add);
        return tally.figures();
    }

    /** Counts one incident's people as a scan hands them over. */
    public static final class Tally {
        private final Set<String> superseded;
        private final Map<Band, Long> awaiting = new EnumMap<>(Band.class);
        private long releasing;
        private long initial;
        private long escalation;
        private long held;
        private long general;
        private long waiting;
        private long withdrawn;
        private long noIndividualNotice;
        private long workforce;

        public Tally(Set<String> supersededCaseIds) {
            this.superseded = supersededCaseIds;
        }

        public void add(IncidentPerson p) {
            if (p.noLongerListed(superseded)) {
                return;
            }
            boolean staff = p.subjectType().staff();
            workforce += staff ? 1 : 0;
            boolean told = false;
            boolean live = false;
            for (PersonNotice n : p.notices()) {
                if (n.withdrawn()) {
                    withdrawn++;
                    continue;
                }
                live = true;
                if (n.published()) {
                    if (n.kind() == NoticeKind.INITIAL) {
                        told = true;
                        initial++;
                    } else {
                        escalation++;
                    }
                } else if (n.released()) {
                    releasing++;
                } else if (!p.held()) {
                    awaiting.merge(n.band(), 1L, Long::sum);
                }
            }
            if (told) {
                return;
            }
            if (p.held()) {
                held++;
            } else if (!live && staff) {
                general++;
            } else if (!live) {
                noIndividualNotice++;
            } else {
                waiting++;
            }
        }

        public ReleaseFigures figures() {
            return new ReleaseFigures(awaiting, releasing, initial, escalation, held, general, waiting, withdrawn,
                    noIndividualNotice, workforce);
        }
    }
}
