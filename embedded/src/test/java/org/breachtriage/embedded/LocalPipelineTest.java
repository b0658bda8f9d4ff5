package org.breachtriage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.CaseStatus;
import org.breachtriage.core.cases.Counters;
import org.breachtriage.core.golden.Rescoring;
import org.breachtriage.core.golden.SampleFiles;
import org.breachtriage.core.golden.SampleGoldens;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.manifest.ManifestRow;
import org.breachtriage.core.manifest.ManifestFormatException;
import org.breachtriage.core.model.Band;
import org.breachtriage.core.model.DataCategory;
import org.breachtriage.core.pipeline.IngestManifest;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.ReportService;
import org.breachtriage.core.pipeline.RunSummary;
import org.breachtriage.core.pipeline.ScoreBatch;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentPerson;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.staff.RosterImport;
import org.breachtriage.core.staff.RosterReader;
import org.breachtriage.core.synthetic.SampleEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole embedded pipeline on the bundled sample data: accounting, idempotency, duplicates, failures. */
class LocalPipelineTest {
    private static final String HEADER = "pay_number,exposed_fields,surname,forename,rank,vetting_level\n";

    @TempDir
    Path tmp;
    Path stateDir;
    Path data;

    @BeforeEach
    void sampleDataAndRoster() throws IOException {
        stateDir = tmp.resolve("state");
        data = tmp.resolve("events");
        SampleEvents.writeAll(data);
        RosterImport roster = new RosterReader().read(data.resolve(SampleEvents.ROSTER));
        assertFalse(roster.hasErrors(), () -> roster.errors().toString());
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            pipeline.importStaff(roster.members());
        }
    }

    @Test
    void triagesTheIdCardManifestAndEveryRowAndPersonIsAccountedFor() throws IOException {
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            RunSummary summary = pipeline.run(data.resolve(SampleEvents.MET_ID_CARD), null, in -> in).summary();

            assertEquals("REPORTED", summary.status());
            assertEquals(2_500, summary.rows().read());
            assertTrue(summary.balances(), summary::toString);
            // The golden figures, worked out from the inputs (core's SampleGoldenTest): LocalPipeline gives the same.
            assertEquals(new RunSummary.Persons(SampleGoldens.MET_PEOPLE, SampleGoldens.MET_MATCHED,
                    SampleGoldens.MET_UNMATCHED), summary.persons());
            assertEquals(SampleGoldens.MET_BANDS, summary.bands());
            assertEquals(SampleGoldens.Notices.MET_PUBLISHED, summary.notices().published());
            List<IncidentPerson> people = people(pipeline, summary.incidentId());
            assertEquals(summary.persons().total(), people.size(), "one record per person, unmatched included");
            // The default policy: MEDIUM's information notice goes at once; HIGH and VERY_HIGH wait for people.
            // The figures are the goldens, worked out from the inputs (SampleGoldenTest), not from what was stored.
            long medium = SampleGoldens.MET_BANDS.get("MEDIUM");
            long waiting = SampleGoldens.MET_ART34;
            assertEquals(SampleGoldens.Notices.MET_PLANNED, summary.notices().planned());
            assertEquals(SampleGoldens.Notices.MET_WITHDRAWN, summary.notices().withdrawn());
            assertEquals(medium + waiting, people.stream().filter(p -> p.notices().stream().anyMatch(n -> n.live())).count(),
                    "everyone MEDIUM and above hears something");
            assertEquals(people.stream().mapToLong(p -> p.notices().size()).sum(), summary.notices().planned());
            assertEquals(summary.notices().planned() - medium - waiting, summary.notices().withdrawn(),
                    "a pay number listed twice that rose past MEDIUM: its MEDIUM notice replaced before it went");
            assertEquals(medium, summary.notices().published());
            assertEquals(medium, summary.notices().publishedThisRun());
            assertEquals(waiting, summary.notices().awaitingRelease());
            List<JsonNode> published = lines(pipeline, Topic.NOTICES);
            assertEquals(medium + 1, published.size(), "the MEDIUM notices and one general staff communication");
            assertEquals(1, published.stream().filter(n -> n.path("attributes").path("eventType").asText()
                    .equals("staff.communication")).count());
            for (IncidentPerson p : people) {
                for (var n : p.notices()) {
                    assertEquals(p.band() == Band.MEDIUM, n.published(), p.band() + " notice published iff MEDIUM");
                    assertEquals(n.published(), pipeline.outputs().head(
                            org.breachtriage.core.letters.Letters.noticeKey(p.incidentId(), n.noticeId())).isPresent(),
                            "a letter exactly for each published notice");
                }
            }
            for (Band band : Band.values()) {
                assertEquals(people.stream().filter(p -> p.band() == band).count(),
                        summary.bands().get(band.name()), "band " + band);
            }
            for (String key : ReportService.keysFor(summary.incidentId(), 1)) {
                assertTrue(pipeline.outputs().head(key).isPresent(), key);
            }
            assertEquals(List.of("case.opened", "case.scored", "case.summary", "case.reported"),
                    lines(pipeline, Topic.ALERTS).stream().map(n -> n.path("attributes").path("eventType").asText())
                            .toList());
        }
    }

    @Test
    void reRunningTheSameFileFindsTheSameCaseAndSendsNothingTwice() throws IOException {
        Path manifest = data.resolve(SampleEvents.MET_ID_CARD);
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            LocalPipeline.RunOutcome first = pipeline.run(manifest, null, in -> in);
            int notices = lines(pipeline, Topic.NOTICES).size();
            int alerts = lines(pipeline, Topic.ALERTS).size();

            LocalPipeline.RunOutcome second = pipeline.run(manifest, null, in -> in);

            assertFalse(first.alreadyTriaged());
            assertTrue(second.alreadyTriaged());
            assertEquals(first.summary().notices().published(), second.summary().notices().published());
            assertEquals(0, second.summary().notices().publishedThisRun(), "nothing sent again");
            assertEquals(first.summary().bands(), second.summary().bands());
            assertEquals(first.summary().persons(), second.summary().persons());
            assertEquals(notices, lines(pipeline, Topic.NOTICES).size());
            assertEquals(alerts, lines(pipeline, Topic.ALERTS).size());
            assertEquals(1, pipeline.cases().list().size());
        }
    }

    @Test
    void aPayNumberListedTwiceFarApartIsOnePersonWithTheUnionOfFields() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append("MP000001,name,,,,\n");
        for (int i = 2; i <= 250; i++) {
            csv.append(String.format("MP%06d,pay_number,,,,%n", i));
        }
        csv.append("mp000001,photo;home_address,,,,\n");
        Path manifest = write("twice.csv", csv.toString());
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            RunSummary summary = pipeline.run(manifest, null, in -> in).summary();

            assertEquals(251, summary.rows().accepted());
            assertEquals(250, summary.persons().total());
            assertTrue(summary.balances(), summary::toString);
            IncidentPerson merged = pipeline.persons().find(summary.incidentId(), "MP000001").orElseThrow();
            assertEquals(Set.of(DataCategory.NAME, DataCategory.PHOTO, DataCategory.HOME_ADDRESS), merged.exposed());
            assertEquals(2, merged.changes().size(), "written by the first batch, widened once by the later one");
            assertEquals(Set.of(DataCategory.NAME, DataCategory.PHOTO, DataCategory.HOME_ADDRESS),
                    merged.manifest(summary.caseId()).orElseThrow().categories(), "one exposure in its one manifest");
            CaseRecord c = pipeline.cases().find(summary.caseId()).orElseThrow();
            assertEquals(1, c.counter(Counters.incident(Counters.category(DataCategory.HOME_ADDRESS))));
        }
    }

    @Test
    void rejectedRowsAreKeptWithTheirReasons() throws IOException {
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            RunSummary summary = pipeline.run(data.resolve("manifests/with-errors.csv"), null, in -> in).summary();
            List<String> reasons = new ArrayList<>();
            pipeline.cases().forEachReject(summary.caseId(), r -> reasons.add(r.describe()));

            assertEquals(new RunSummary.Rows(30, 26, 4), summary.rows(), "events/README.md: 30 rows, 4 planted rejects");
            assertEquals(summary.rows().rejected(), reasons.size());
            String exported = new String(pipeline.outputs().open(ReportService.rejectsKey(summary.caseId()))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(reasons.size(), exported.lines().count(), "rejects exported under rejects/");
            assertTrue(summary.balances(), summary::toString);
        }
    }

    @Test
    void aFileThatIsNotAManifestFailsTheCaseAndSaysWhy() throws IOException {
        Path manifest = write("semicolons.csv", "pay_number;exposed_fields\nMP000001;name\n");
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            ManifestFormatException e = assertThrows(ManifestFormatException.class,
                    () -> pipeline.run(manifest, null, in -> in));
            assertTrue(e.getMessage().contains("semicolons.csv"), e.getMessage());
            CaseRecord failed = pipeline.cases().list().get(0);
            assertEquals(CaseStatus.FAILED, failed.status());
            assertEquals("case.failed", lines(pipeline, Topic.ALERTS).get(1).path("attributes").path("eventType").asText());
        }
    }

    /** Issue 10: a header-only manifest used to end REPORTED, 0 people marked "ICO Art. 33 REQUIRED". */
    @Test
    void aHeaderOnlyManifestIsInvalidInputAndNothingIsReported() throws IOException {
        Path manifest = write("empty-rows.csv", HEADER);
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                ManifestFormatException e = assertThrows(ManifestFormatException.class,
                        () -> pipeline.run(manifest, null, in -> in), "attempt " + attempt);
                assertTrue(e.getMessage().startsWith("empty-rows.csv: no data rows"), e.getMessage());
            }
            assertEquals(List.of(CaseStatus.FAILED), pipeline.cases().list().stream().map(CaseRecord::status).toList());
            assertEquals(List.of(), pipeline.incidents().list(), "a file that names nobody joins no incident");
        }
    }

    /**
     * A run that dies after some batches were scored (the in-process queue dies with it) is finished
     * by running again, and nobody gets a second notice.
     */
    @Test
    void aRunThatDiedMidWayIsFinishedByRunningAgainWithoutDuplicateNotices() throws IOException {
        Path manifest = data.resolve(SampleEvents.MET_ID_CARD);
        try (LocalPipeline pipeline = LocalPipeline.open(stateDir)) {
            AtomicInteger sends = new AtomicInteger();
            Pipeline[] dying = new Pipeline[1];
            BatchQueue crashesOnSecondSend = batches -> {
                if (sends.incrementAndGet() > 1) {
                    throw new IllegalStateException("simulated crash");
                }
                batches.forEach(b -> dying[0].score().score(new ScoreBatch.Command(b, false)));
            };
            InProcessReleaseRequests releases = new InProcessReleaseRequests();
            dying[0] = new Pipeline(new PipelineAdapters(new FolderObjectStore(manifest.getParent()), pipeline.outputs(),
                    pipeline.staff(), pipeline.cases(), pipeline.incidents(), pipeline.persons(), crashesOnSecondSend,
                    pipeline.topics(), new InProcessReportRequests(), releases), PipelineSettings.fromEnvironment());
            assertThrows(IllegalStateException.class,
                    () -> dying[0].ingest().ingest(IngestManifest.Command.of(manifest.getFileName().toString())));
            List<org.breachtriage.core.release.ReleaseRequest> asked = releases.drain();
            assertEquals(10, asked.size(), "the first send, ten batches of 100 rows, was scored; each has MEDIUM people");
            // Half of what the first batches released went out before the process died; the rest was lost with it.
            asked.subList(0, 5).forEach(r -> dying[0].release().publishReleased(r));
            int noticesBefore = lines(pipeline, Topic.NOTICES).size();
            assertEquals(noticesOutBeforeTheCrash(1_000, 5) + 1, noticesBefore,
                    "what batches 0 to 4 released and batches up to 9 left released, and the general communication");

            RunSummary summary = pipeline.run(manifest, null, in -> in).summary();

            assertEquals("REPORTED", summary.status());
            assertTrue(summary.balances(), summary::toString);
            List<JsonNode> notices = lines(pipeline, Topic.NOTICES);
            Set<String> ids = new HashSet<>();
            notices.forEach(n -> ids.add(n.path("id").asText()));
            assertEquals(notices.size(), ids.size(), "no notice sent twice");
            assertEquals(summary.notices().published() + 1, notices.size(), "and the general communication once");
            assertTrue(summary.notices().balances(), "every planned notice somewhere: none lost in the crash");
            assertEquals(0, summary.notices().releasing(), "nothing left released and unpublished after the re-run");
        }
    }

    /**
     * Notices published by the release requests of the first {@code batches} batches, when the sample's
     * first {@code rows} rows had been scored: the released (MEDIUM) notices those batches planned that no
     * later batch of those rows withdrew, planned from the rows, the roster and the sidecar by the policy
     * (not read from what the pipeline stored).
     */
    private static long noticesOutBeforeTheCrash(int rows, int batches) {
        List<ManifestRow> first = SampleFiles.read(SampleFiles.MET_ID_CARD).accepted().subList(0, rows);
        return Rescoring.notices(ScoringPolicy.loadDefault(), SampleFiles.roster(),
                        List.of(new Rescoring.Listing(SampleGoldens.MET_INCIDENT, first)), RowBatch.MAX_ROWS).stream()
                .filter(n -> n.standing() == Rescoring.Standing.PUBLISHED && n.batchNo() < batches).count();
    }

    private Path write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<IncidentPerson> people(LocalPipeline pipeline, String incidentId) {
        List<IncidentPerson> all = new ArrayList<>();
        pipeline.persons().forEach(incidentId, all::add);
        return all;
    }

    private static List<JsonNode> lines(LocalPipeline pipeline, Topic topic) throws IOException {
        Path file = pipeline.topics().fileFor(topic);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(Json.MAPPER.readTree(line));
        }
        return nodes;
    }
}
