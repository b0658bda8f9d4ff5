package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.breachtriage.cli.Cli.Result;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.json.Json;
import org.breachtriage.embedded.EmbeddedState;

/**
 * One incident's commands (run the manifest, then a first and a second approver) on a state
 * directory, and what the topic files and the store say at the end: what the fault tests compare
 * with a run that met no fault.
 */
final class IncidentSteps {
    static final String FIRST = "A. Reviewer";
    static final String SECOND = "B. Second Reviewer";

    enum Step { RUN, FIRST_RELEASE, SECOND_RELEASE }

    /** What the topic files and the store say at the end. */
    record Outcome(List<String> noticeIds, List<String> alertIds, Set<String> storedPublished,
                   Map<String, String> bandByPerson, JsonNode caseJson, JsonNode incidentJson) {

        /** Lines on the topics whose id an earlier line already had. */
        long duplicates() {
            return noticeIds.size() - new TreeSet<>(noticeIds).size() + alertIds.size() - new TreeSet<>(alertIds).size();
        }

        /** The notices {@code reference} published that are not on this outcome's topic. */
        Set<String> lostAgainst(Outcome reference) {
            Set<String> lost = new TreeSet<>(reference.storedPublished());
            lost.removeAll(new TreeSet<>(noticeIds));
            return lost;
        }
    }

    private final Path manifest;

    IncidentSteps(Path manifest) {
        this.manifest = manifest;
    }

    String[] args(Path state, Step step) {
        return switch (step) {
            case RUN -> new String[] {"run", manifest.toString()};
            case FIRST_RELEASE -> new String[] {"release", incidentId(state), "--by", FIRST};
            case SECOND_RELEASE -> new String[] {"release", incidentId(state), "--by", SECOND};
        };
    }

    /** Runs the step in this process, as an operator running the command again would; it must succeed. */
    Result complete(Path state, Step step) {
        Result done = new Cli(state).run(args(state, step));
        assertEquals(0, done.exit(), step + ": " + done.err());
        return done;
    }

    static String incidentId(Path state) {
        try {
            Result cases = new Cli(state).run("cases", "-o", "json");
            assertEquals(0, cases.exit(), cases.err());
            return cases.json().get(0).path("incidentId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome outcome(Path state) throws IOException {
        String incidentId = incidentId(state);
        Set<String> published = new TreeSet<>();
        Map<String, String> bands = new TreeMap<>();
        try (EmbeddedState store = EmbeddedState.open(state)) {
            store.personStore().forEach(incidentId, person -> {
                bands.put(person.payNumber(), person.band().name());
                person.notices().stream().filter(PersonNotice::published).map(PersonNotice::noticeId)
                        .forEach(published::add);
            });
        }
        List<String> notices = ids(state.resolve("topics/notices.jsonl")).stream()
                .filter(id -> id.contains("-notice-")).toList(); // the general communication is on the incident
        Result cases = new Cli(state).run("cases", "-o", "json");
        Result incident = new Cli(state).run("incident", incidentId, "-o", "json");
        return new Outcome(notices, ids(state.resolve("topics/alerts.jsonl")), published, bands, cases.json().get(0),
                incident.json());
    }

    /**
     * Everything a fault must not change: the same notices and alerts as the clean run, each once; the
     * store's record of what went out equal to the topic file; every band; counters that balance; and
     * nobody left waiting or stuck in a dead process's claim.
     */
    static void assertSameAsClean(Outcome reference, Outcome after) {
        assertEquals(0, after.duplicates(), "no notice or alert twice on its topic");
        Set<String> lost = after.lostAgainst(reference);
        assertEquals(0, lost.size(), "every notice of the clean run went out, but not " + lost.stream().limit(3).toList());
        assertSameSet(reference.noticeIds(), after.noticeIds(), "the notices of a run that met no fault");
        assertSameSet(after.noticeIds(), after.storedPublished(), "the store marks published exactly the notices on the topic");
        assertSameSet(reference.alertIds(), after.alertIds(), "the alerts of a run that met no fault");
        assertEquals(reference.bandByPerson(), after.bandByPerson(), "every person's band as without the fault");
        for (String figure : List.of("rows", "persons", "bands")) {
            assertEquals(reference.caseJson().path(figure), after.caseJson().path(figure), figure);
        }
        assertEquals(reference.incidentJson().path("bands"), after.incidentJson().path("bands"));
        JsonNode notices = after.caseJson().path("notices");
        assertEquals(notices.path("planned").asLong(), notices.path("published").asLong()
                + notices.path("releasing").asLong() + notices.path("awaitingRelease").asLong()
                + notices.path("held").asLong() + notices.path("withdrawn").asLong(), "the notice counter balances");
        assertEquals(0, notices.path("awaitingRelease").asLong() + notices.path("releasing").asLong(),
                "nothing left waiting or stuck in a dead run's claim: " + notices);
        JsonNode incident = after.incidentJson();
        assertEquals(incident.path("persons").path("total").asLong(), incident.path("notices").path("initial").asLong()
                + incident.path("notices").path("held").asLong()
                + incident.path("notices").path("generalCommunication").asLong()
                + incident.path("notices").path("noIndividualNotice").asLong(),
                "everyone told, held, covered by the general communication, or (outside the workforce) due no notice");
        assertEquals(noticeFigures(reference.incidentJson()), noticeFigures(incident),
                "the incident's notice figures as without the fault");
    }

    /** The incident's notice figures, without the moment the general communication went out (a clock reading). */
    private static JsonNode noticeFigures(JsonNode incident) {
        ObjectNode figures = incident.path("notices").deepCopy();
        figures.remove("generalCommunicationSentAt");
        return figures;
    }

    /** Equal as sets; on failure says how many differ each way and shows a few, not thousands. */
    static void assertSameSet(Collection<String> expected, Collection<String> actual, String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(new TreeSet<>(actual));
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(new TreeSet<>(expected));
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError(what + ": " + missing.size() + " missing " + missing.stream().limit(3).toList()
                    + ", " + extra.size() + " extra " + extra.stream().limit(3).toList());
        }
    }

    private static List<String> ids(Path topicFile) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(topicFile)) {
            ids.add(Json.MAPPER.readTree(line).path("id").asText());
        }
        return ids;
    }
}
