package org.breachtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.breachtriage.cli.Cli.Result;
import org.breachtriage.core.incident.PersonNotice;
import org.breachtriage.core.json.Json;
import org.breachtriage.embedded.EmbeddedState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} of a child {@code triage run} or {@code triage release} at several moments, then the
 * same commands again: every person ends told exactly as by a run that never crashed, no notice or
 * alert is on its topic twice, the store's record of what went out matches the topic file line for
 * line, and the counters balance. Prints a table of each kill: duplicates and losses (both must be 0).
 *
 * <p>The moments are seen from outside, through the files the child writes (its alerts, the store
 * file growing, notice lines), so no hook is built into triage; where a kill lands exactly varies a
 * little from run to run, which is the point.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashResumeTest {
    private static final int PEOPLE = 3_000;
    private static final String FIRST = "A. Reviewer";
    private static final String SECOND = "B. Second Reviewer";

    @TempDir
    static Path tmp;
    private Path manifest;
    private Path imported;
    private Outcome reference;
    private final List<String> table = new ArrayList<>();

    /** The steps of one incident: run, first approver, second approver. */
    enum Step { RUN, FIRST_RELEASE, SECOND_RELEASE }

    /** What the topic files and the store say at the end. */
    record Outcome(List<String> noticeLines, List<String> alertIds, Set<String> storedPublished,
                   Map<String, String> bandByPerson, JsonNode caseJson, JsonNode incidentJson,
                   Map<Step, Long> noticeBytesAfter, long storeBytesAfterRun) {
    }

    @BeforeAll
    void importStaffAndRunOnceWithoutACrash() throws IOException {
        Path generated = tmp.resolve("generated");
        Result generate = new Cli(tmp.resolve("unused")).run("generate", "--people", String.valueOf(PEOPLE),
                "--manifest-rows", String.valueOf(PEOPLE), "--out", generated.toString());
        assertEquals(0, generate.exit(), generate.err());
        manifest = generated.resolve("manifest.csv");
        imported = tmp.resolve("imported");
        Result staff = new Cli(imported).run("staff", "import", generated.resolve("roster.csv").toString());
        assertEquals(0, staff.exit(), staff.err());

        Path clean = copyOfImported("reference");
        Map<Step, Long> bytes = new HashMap<>();
        for (Step step : Step.values()) {
            complete(clean, step);
            bytes.put(step, size(clean.resolve("topics/notices.jsonl")));
        }
        reference = outcome(clean, bytes);
        assertTrue(reference.noticeLines().size() > 1_000, "the data set must give the kills room");
    }

    /** A kill: the step it interrupts and the moment, as a fraction of what the clean run wrote. */
    record Kill(String name, Step step, Function<CrashResumeTest, ChildTriage.Moment> moment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<List<Kill>> kills() {
        return Stream.of(
                List.of(new Kill("run: the case just opened", Step.RUN, t -> t.alertSeen("case.opened"))),
                List.of(new Kill("run: scoring, store file half grown", Step.RUN, t -> t.storeGrown(0.5))),
                List.of(new Kill("run: 10% of the automatic notices out", Step.RUN, t -> t.noticesOut(Step.RUN, 0.1)),
                        new Kill("first release: 30% of HIGH out", Step.FIRST_RELEASE,
                                t -> t.noticesOut(Step.FIRST_RELEASE, 0.3))),
                List.of(new Kill("run: 90% of the automatic notices out", Step.RUN, t -> t.noticesOut(Step.RUN, 0.9)),
                        new Kill("second release: 60% of VERY_HIGH out", Step.SECOND_RELEASE,
                                t -> t.noticesOut(Step.SECOND_RELEASE, 0.6))),
                List.of(new Kill("run: reporting (case.scored alert out)", Step.RUN, t -> t.alertSeen("case.scored"))));
    }

    private Path current;

    @ParameterizedTest(name = "{0}")
    @MethodSource("kills")
    void aKilledRunResumedTellsEveryoneExactlyOnce(List<Kill> kills) throws Exception {
        current = copyOfImported("crash-" + table.size());
        Map<Step, Kill> killAt = kills.stream().collect(Collectors.toMap(Kill::step, k -> k));
        for (Step step : Step.values()) {
            Kill kill = killAt.get(step);
            if (kill != null) {
                new ChildTriage(current, tmp.resolve("logs-" + current.getFileName() + "-" + step))
                        .killAt(kill.moment().apply(this), args(current, step));
            }
            complete(current, step); // the operator runs the same command again
        }
        Outcome after = outcome(current, Map.of());

        long duplicates = after.noticeLines().size() - new TreeSet<>(after.noticeLines()).size()
                + after.alertIds().size() - new TreeSet<>(after.alertIds()).size();
        Set<String> lost = new TreeSet<>(reference.storedPublished());
        lost.removeAll(new TreeSet<>(after.noticeLines()));
        table.add(String.format("| %s | %d | %d |", kills.stream().map(Kill::name).collect(Collectors.joining("; then ")),
                duplicates, lost.size()));
        System.out.println("crash-resume: " + table.get(table.size() - 1));

        assertEquals(0, duplicates, "no notice or alert twice on its topic");
        assertEquals(0, lost.size(), "every notice of the clean run went out, but not " + lost.stream().limit(3).toList());
        assertSame(reference.noticeLines(), after.noticeLines(), "the notices of a run that never crashed");
        assertSame(after.noticeLines(), after.storedPublished(), "the store marks published exactly the notices on the topic");
        assertSame(reference.alertIds(), after.alertIds(), "the alerts of a run that never crashed");
        assertEquals(reference.bandByPerson(), after.bandByPerson(), "every person's band as without the crash");
        assertEquals(reference.caseJson().path("rows"), after.caseJson().path("rows"));
        assertEquals(reference.caseJson().path("persons"), after.caseJson().path("persons"));
        assertEquals(reference.caseJson().path("bands"), after.caseJson().path("bands"));
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
                + incident.path("notices").path("generalCommunication").asLong(),
                "everyone told, held, or covered by the general communication");
    }

    /** Equal as sets; on failure says how many differ each way and shows a few, not thousands. */
    private static void assertSame(java.util.Collection<String> expected, java.util.Collection<String> actual,
                                   String what) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(new TreeSet<>(actual));
        Set<String> extra = new TreeSet<>(actual);
        extra.removeAll(new TreeSet<>(expected));
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new AssertionError(what + ": " + missing.size() + " missing " + missing.stream().limit(3).toList()
                    + ", " + extra.size() + " extra " + extra.stream().limit(3).toList());
        }
    }

    private ChildTriage.Moment alertSeen(String eventType) {
        Path alerts = current.resolve("topics/alerts.jsonl");
        return moment("alert " + eventType, () -> Files.exists(alerts) && Files.readString(alerts)
                .contains("\"eventType\":\"" + eventType + "\""));
    }

    private ChildTriage.Moment storeGrown(double fraction) throws UncheckedIOException {
        long from = size(imported.resolve(EmbeddedState.STORE_FILE));
        long to = reference.storeBytesAfterRun();
        Path file = current.resolve(EmbeddedState.STORE_FILE);
        return moment("store file " + fraction + " of the way", () -> size(file) >= from + (long) ((to - from) * fraction));
    }

    private ChildTriage.Moment noticesOut(Step step, double fraction) {
        long from = step == Step.RUN ? 0 : reference.noticeBytesAfter().get(Step.values()[step.ordinal() - 1]);
        long to = reference.noticeBytesAfter().get(step);
        Path file = current.resolve("topics/notices.jsonl");
        return moment(fraction + " of " + step + "'s notices",
                () -> size(file) >= from + Math.max(1, (long) ((to - from) * fraction)));
    }

    private interface Check {
        boolean test() throws IOException;
    }

    private static ChildTriage.Moment moment(String name, Check check) {
        return new ChildTriage.Moment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean reached() throws IOException {
                return check.test();
            }
        };
    }

    private String[] args(Path state, Step step) throws IOException {
        return switch (step) {
            case RUN -> new String[] {"run", manifest.toString()};
            case FIRST_RELEASE -> new String[] {"release", incidentId(state), "--by", FIRST};
            case SECOND_RELEASE -> new String[] {"release", incidentId(state), "--by", SECOND};
        };
    }

    private void complete(Path state, Step step) throws IOException {
        Result done = new Cli(state).run(args(state, step));
        assertEquals(0, done.exit(), step + ": " + done.err());
    }

    private static String incidentId(Path state) throws IOException {
        Result cases = new Cli(state).run("cases", "-o", "json");
        assertEquals(0, cases.exit(), cases.err());
        return cases.json().get(0).path("incidentId").asText();
    }

    private Outcome outcome(Path state, Map<Step, Long> noticeBytes) throws IOException {
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
                incident.json(), noticeBytes, size(state.resolve(EmbeddedState.STORE_FILE)));
    }

    private static List<String> ids(Path topicFile) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(topicFile)) {
            ids.add(Json.MAPPER.readTree(line).path("id").asText());
        }
        return ids;
    }

    private Path copyOfImported(String name) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        Files.copy(imported.resolve(EmbeddedState.STORE_FILE), copy.resolve(EmbeddedState.STORE_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
