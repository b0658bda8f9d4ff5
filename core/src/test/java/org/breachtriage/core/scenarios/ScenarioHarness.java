package org.breachtriage.core.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.breachtriage.core.cases.CaseRecord;
import org.breachtriage.core.cases.RowBatch;
import org.breachtriage.core.incident.IncidentView;
import org.breachtriage.core.json.Json;
import org.breachtriage.core.model.ContactChannel;
import org.breachtriage.core.model.NameRarity;
import org.breachtriage.core.model.RoleFlag;
import org.breachtriage.core.model.StaffMember;
import org.breachtriage.core.model.StaffType;
import org.breachtriage.core.model.VettingLevel;
import org.breachtriage.core.pipeline.IngestManifest;
import org.breachtriage.core.pipeline.IngestService.IngestOutcome;
import org.breachtriage.core.pipeline.Pipeline;
import org.breachtriage.core.pipeline.PipelineAdapters;
import org.breachtriage.core.pipeline.PipelineSettings;
import org.breachtriage.core.pipeline.ScoreBatch;
import org.breachtriage.core.pipeline.ScoreService.BatchOutcome;
import org.breachtriage.core.ports.BatchQueue;
import org.breachtriage.core.ports.CaseStore;
import org.breachtriage.core.ports.IncidentStore;
import org.breachtriage.core.ports.NoticePublisher;
import org.breachtriage.core.ports.ObjectStore;
import org.breachtriage.core.ports.OutboundMessage;
import org.breachtriage.core.ports.PersonStore;
import org.breachtriage.core.ports.StaffDirectory;
import org.breachtriage.core.ports.Topic;
import org.breachtriage.core.release.ReleaseRequest;
import org.breachtriage.core.scoring.ScoringPolicy;
import org.breachtriage.core.testing.MutableClock;
import org.breachtriage.core.testing.RecordingPublisher;
import org.breachtriage.core.testing.RecordingReleaseRequests;
import org.breachtriage.core.testing.RecordingReportRequests;

/**
 * Drives the real pipeline over one backend's stores, with the transport in the test's hands: batches
 * wait in a list until the test scores them (in order, out of order, at the same moment, twice), and
 * release and report requests wait until it handles them, so a scenario can interleave manifests,
 * re-deliver anything and stop anywhere. Everything published goes to the backend's own topics and
 * is recorded. Every harness has its own pay numbers and incident references, so scenarios can share
 * an emulated table.
 */
public final class ScenarioHarness {
    public static final String FORCE = "Metropolitan Police Service";
    public static final Instant AWARE_AT = Instant.parse("2023-08-24T09:00:00Z");

    /** One backend's stores; the harness adds the queue and report requests. */
    public record Backend(ObjectStore objects, StaffDirectory staff, CaseStore cases, IncidentStore incidents,
                          PersonStore persons, NoticePublisher publisher) {
    }

    /** The people of a scenario: two covert officers, two SC officers, four staff, and a pay number nobody has. */
    public final String c1;
    public final String c2;
    public final String s1;
    public final String s2;
    public final String t1;
    public final String t2;
    public final String t3;
    public final String t4;
    public final String leaver;

    public final MutableClock clock = new MutableClock(AWARE_AT.plusSeconds(3600));
    private final Backend backend;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<RowBatch> queued = new ArrayList<>();
    private final RecordingReportRequests reportRequests = new RecordingReportRequests();
    private final RecordingReleaseRequests releaseRequests = new RecordingReleaseRequests();
    private final RecordingPublisher recorded = new RecordingPublisher();
    private final Pipeline pipeline;

    /** With the policy of the incident scenarios: the policy before the release step, every notice released as planned. */
    public ScenarioHarness(Backend backend) {
        this(backend, everythingAuto());
    }

    public ScenarioHarness(Backend backend, ScoringPolicy policy) {
        this.backend = backend;
        String prefix = "SCN" + run.toUpperCase() + "-";
        c1 = prefix + "C1";
        c2 = prefix + "C2";
        s1 = prefix + "S1";
        s2 = prefix + "S2";
        t1 = prefix + "T1";
        t2 = prefix + "T2";
        t3 = prefix + "T3";
        t4 = prefix + "T4";
        leaver = prefix + "GONE";
        NoticePublisher tee = (topic, messages) -> {
            backend.publisher().publish(topic, messages);
            recorded.publish(topic, messages);
        };
        BatchQueue collecting = batches -> {
            synchronized (queued) {
                queued.addAll(batches);
            }
        };
        this.pipeline = new Pipeline(new PipelineAdapters(backend.objects(), backend.objects(), backend.staff(),
                backend.cases(), backend.incidents(), backend.persons(), collecting, tee, reportRequests,
                releaseRequests), new PipelineSettings(policy, FORCE, clock));
        backend.staff().putAll(List.of(
                officer(c1, set(RoleFlag.COVERT), VettingLevel.NPPV3),
                officer(c2, set(RoleFlag.COUNTER_TERRORISM), VettingLevel.NPPV3),
                officer(s1, set(), VettingLevel.SC),
                officer(s2, set(), VettingLevel.SC),
                staff(t1), staff(t2), staff(t3), staff(t4)));
    }

    /** Test resource {@code policy/everything-auto.json}. */
    public static ScoringPolicy everythingAuto() {
        try (var in = ScenarioHarness.class.getResourceAsStream("/policy/everything-auto.json")) {
            return ScoringPolicy.load("everything-auto.json", in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Set<RoleFlag> set(RoleFlag... flags) {
        return java.util.Set.of(flags);
    }

    private static StaffMember officer(String pay, java.util.Set<RoleFlag> flags, VettingLevel vetting) {
        return new StaffMember(pay, "Alex", "Smith", StaffType.OFFICER, "PC", "Response", flags, vetting,
                ContactChannel.LETTER, "Police Federation", FORCE, NameRarity.COMMON);
    }

    private static StaffMember staff(String pay) {
        return new StaffMember(pay, "Sam", "Jones", StaffType.STAFF, null, "Finance", java.util.Set.of(), null,
                ContactChannel.EMAIL, null, FORCE, NameRarity.COMMON);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public Backend backend() {
        return backend;
    }

    /** An incident reference of this harness's own. */
    public String reference(String name) {
        return "INC-" + run + "-" + name;
    }

    /** The sidecar JSON of an incident: malicious, unknown recipients, aware at {@link #AWARE_AT} (+ offset). */
    public static String incident(String reference, Instant awareAt, String... supersedes) {
        Map<String, Object> json = new HashMap<>();
        json.put("supplier", "Acme ID Cards Ltd (synthetic)");
        json.put("reference", reference);
        json.put("awareAt", awareAt.toString());
        json.put("malicious", true);
        json.put("confidentiality", "UNKNOWN_RECIPIENTS");
        json.put("integrity", "NONE");
        json.put("availability", "NONE");
        json.put("defaultExposedFields", "name;rank;photo;vetting_level;pay_number");
        if (supersedes.length > 0) {
            json.put("supersedes", List.of(supersedes));
        }
        return Json.write(json);
    }

    /** The sidecar of {@link #incident} stating the regime (a spelling {@code Regime.parse} takes). */
    public static String incidentStating(String reference, Instant awareAt, String regime) {
        Map<String, Object> json = Json.read(incident(reference, awareAt), Map.class);
        json.put("regime", regime);
        return Json.write(json);
    }

    /** A manifest of people outside the workforce: {@code TYPE,REF,fields} rows under their header. */
    public static String subjects(String... rows) {
        return "subject_type,subject_ref,exposed_fields\n" + String.join("\n", rows) + "\n";
    }

    /** Uploads a manifest of {@code pay_number,exposed_fields} rows with its sidecar; returns its key. */
    public String upload(String name, String incidentJson, String... rows) throws IOException {
        String key = "manifests/scenario/" + run + "/" + name;
        StringBuilder csv = new StringBuilder("pay_number,exposed_fields\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        backend.objects().put(key + ".incident.json", incidentJson.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of());
        backend.objects().put(key, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        return key;
    }

    /** Uploads a manifest as given (any columns) with its sidecar; returns its key. */
    public String uploadText(String name, String incidentJson, String manifest) throws IOException {
        String key = "manifests/scenario/" + run + "/" + name;
        backend.objects().put(key + ".incident.json", incidentJson.getBytes(StandardCharsets.UTF_8),
                "application/json", Map.of());
        backend.objects().put(key, manifest.getBytes(StandardCharsets.UTF_8), "text/csv", Map.of());
        return key;
    }

    public static String row(String pay, String fields) {
        return pay + "," + fields;
    }

    public IngestOutcome ingest(String key) throws IOException {
        return pipeline.ingest().ingest(IngestManifest.Command.of(key));
    }

    /** The batches queued since the last call, taken off the queue. */
    public List<RowBatch> takeBatches() {
        synchronized (queued) {
            List<RowBatch> taken = new ArrayList<>(queued);
            queued.clear();
            return taken;
        }
    }

    public BatchOutcome score(RowBatch batch, boolean redelivered) {
        return pipeline.score().score(new ScoreBatch.Command(batch, redelivered));
    }

    /** Reports every case whose report was asked for since the last call (a repeat request included). */
    public List<String> reportRequested() {
        List<String> requested = reportRequests.requested();
        reportRequests.clear();
        for (String caseId : requested) {
            pipeline.report().report(caseId);
        }
        return requested;
    }

    /** The release requests made since the last call, taken off the list, for the test to handle itself. */
    public List<ReleaseRequest> takeReleaseRequests() {
        return releaseRequests.take();
    }

    /** Publishes what every release request since the last call asked for (a repeat included); returns them. */
    public List<ReleaseRequest> releaseRequested() {
        List<ReleaseRequest> requested = releaseRequests.take();
        for (ReleaseRequest request : requested) {
            pipeline.release().publishReleased(request);
        }
        return requested;
    }

    /** Ingest, score every batch in order, publish what scoring released, report: the whole of one manifest's life. */
    public CaseRecord runManifest(String key) throws IOException {
        IngestOutcome ingested = ingest(key);
        for (RowBatch batch : takeBatches()) {
            score(batch, false);
        }
        releaseRequested();
        reportRequested();
        return backend.cases().find(ingested.caseRecord().caseId()).orElseThrow();
    }

    /**
     * The incident's view; and, in every scenario that looks at one, a check that the Art. 33 part a run's
     * summary reads on its own ({@code IncidentQueries.art33}, without the view's scan of everyone) is the view's.
     */
    public IncidentView view(String incidentId) {
        IncidentView view = pipeline.queries().view(incidentId).orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(view.art33(), pipeline.queries().art33(incidentId).orElseThrow(),
                "the Art. 33 part on its own is the view's");
        return view;
    }

    public List<OutboundMessage> published(Topic topic) {
        return recorded.on(topic);
    }

    /** Notice messages published per pay number, counting re-publications too. */
    public Map<String, List<OutboundMessage>> noticesByPerson() {
        Map<String, List<OutboundMessage>> byPerson = new HashMap<>();
        for (OutboundMessage m : published(Topic.NOTICES)) {
            if (!"person.notice".equals(m.eventType())) {
                continue; // the general staff communication names nobody
            }
            String pay = Json.read(m.body(), com.fasterxml.jackson.databind.JsonNode.class).path("payNumber").asText();
            byPerson.computeIfAbsent(pay, p -> new ArrayList<>()).add(m);
        }
        return byPerson;
    }

    /** Person notices published (the general staff communication, on the same topic, not counted). */
    public long personNotices() {
        return published(Topic.NOTICES).stream().filter(m -> "person.notice".equals(m.eventType())).count();
    }

    public List<OutboundMessage> alerts(String eventType) {
        return published(Topic.ALERTS).stream().filter(m -> eventType.equals(m.eventType())).toList();
    }
}
